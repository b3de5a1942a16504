#if canImport(Glibc)
import Glibc
#endif

/// Memory mappings of files through `SystemCall`'s policy: `mmap`, `madvise`, `munmap`.
public enum SystemMemory {
    /// Maps `size` bytes of an open file read-only and private. The mapping outlives the
    /// descriptor (close it at once) and stays valid after the file is unlinked. The C
    /// function is `mmap`; `MAP_FAILED` throws, `EINTR` is retried.
    public static func mapReadOnly(_ descriptor: Int32, size: Int, path: String? = nil) throws(SystemCallError) -> UnsafeRawBufferPointer {
        while true {
            let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0)
            if let address, address != MAP_FAILED { return UnsafeRawBufferPointer(start: address, count: size) }
            let code = errno
            if code == EINTR { continue }
            throw SystemCallError(call: "mmap", code: code, path: path, descriptor: descriptor)
        }
    }

    /// Gives the kernel advice about a mapped range (`MADV_DONTNEED`, `MADV_POPULATE_READ`).
    /// The C function is `madvise`; an advice the kernel does not know throws `EINVAL`.
    public static func advise(_ region: UnsafeRawBufferPointer, _ advice: Int32, path: String? = nil) throws(SystemCallError) {
        guard let base = region.baseAddress else { return }
        try SystemCall.run("madvise", path: path) { madvise(UnsafeMutableRawPointer(mutating: base), region.count, advice) }
    }

    /// Releases a mapping made by `mapReadOnly`. The C function is `munmap`, which fails
    /// only for a range that is not a mapping: a programming error, so it is ignored.
    public static func unmap(_ region: UnsafeRawBufferPointer) {
        guard let base = region.baseAddress else { return }
        _ = munmap(UnsafeMutableRawPointer(mutating: base), region.count)
    }
}
