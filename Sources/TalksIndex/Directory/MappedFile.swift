#if canImport(Glibc)
import Glibc
#endif
import TalksSystem

/// A read-only memory mapping of a whole file.
///
/// Segment files are immutable once written, so a mapping stays valid even after a later
/// writer unlinks the file (the kernel keeps the pages until `munmap`). The mapping is
/// released when the last reference goes.
final class MappedFile: @unchecked Sendable {
    /// The mapped bytes. Valid for the lifetime of this object; never written.
    let bytes: UnsafeRawBufferPointer
    let path: String
    /// The file name (last path component), used in errors.
    let name: String
    /// Inode, size and ctime from the `fstat` made before mapping (see `CheckedStamps`).
    let identity: FileIdentity

    /// The corresponding C functions are `open`, `fstat` and `mmap`. A missing file
    /// throws `IndexError.io` with errno ENOENT, which readers use to retry.
    init(path: String) throws(IndexError) {
        self.path = path
        self.name = path.split(separator: "/").last.map(String.init) ?? path
        let descriptor = try IndexError.rethrowing(try SystemFile.open(path, O_RDONLY))
        defer { SystemCall.close(descriptor) }
        let status = try IndexError.rethrowing(try SystemFile.status(descriptor: descriptor, path: path))
        let size = Int(status.st_size)
        identity = FileIdentity(status)
        if size == 0 {
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            return
        }
        bytes = try IndexError.rethrowing(try SystemMemory.mapReadOnly(descriptor, size: size, path: path))
    }

    /// Maps every page of the file into the process now (`madvise(MADV_POPULATE_READ)`,
    /// Linux 5.14+; else a read of one byte per page), so later reads take no page faults.
    /// The pages come from the page cache; nothing is copied. Worth it for readers that
    /// answer many queries (a server, a batch of queries), not for one CLI search.
    func prefault() {
        guard bytes.baseAddress != nil, bytes.count > 0 else { return }
        let populateRead: Int32 = 22  // MADV_POPULATE_READ
        if (try? SystemMemory.advise(bytes, populateRead, path: path)) != nil { return }
        var sum: UInt8 = 0
        var offset = 0
        while offset < bytes.count {
            sum &+= bytes[offset]
            offset += 4096
        }
        withExtendedLifetime(sum) {}
    }

    /// Drops the pages read so far from this process's resident set (`madvise(MADV_DONTNEED)`;
    /// for a read-only file mapping they stay in the page cache and come back on the next
    /// read). The writer calls it on segments it keeps open but rarely reads, so their
    /// pages do not count against the ingest memory budget.
    func releaseResidentPages() {
        try? SystemMemory.advise(bytes, MADV_DONTNEED, path: path)
    }

    deinit {
        SystemMemory.unmap(bytes)
    }
}
