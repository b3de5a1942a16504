#if canImport(Glibc)
import Glibc
#endif
import TalksSystem

/// Writes one segment file in the `FileContainer` frame straight to disk, section by
/// section, computing the CRC-32C on the way: the bytes pass through a 1 MB buffer
/// instead of being assembled into a whole file in memory first.
///
/// Why: building a file in memory and then copying it into the container doubled the
/// flush's memory (postings, positions and the coded store are tens of MB each), which
/// counted against the ingest memory budget. The bytes written are exactly what
/// `FileContainer.build` returns for the same sections.
///
/// Call order: `init` (creates the file with `O_EXCL`), then for each section
/// `beginSection()`, any number of `write`, and the next `beginSection()` or `finish()`;
/// `finish()` writes the table and footer and closes the file (not fsynced). After an
/// error the file is closed by `deinit`; the caller's garbage collection removes it.
final class FileContainerWriter {
    let path: String
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    private var crc: UInt32 = 0
    private var written = 0
    private var sections: [(offset: Int, length: Int)] = []
    private var sectionStart = -1

    static let bufferSize = 1 << 20

    init(path: String, kind: FileKind, segment: SegmentID) throws(IndexError) {
        self.path = path
        descriptor = try IndexError.rethrowing(try SystemFile.open(path, O_WRONLY | O_CREAT | O_EXCL, mode: 0o644))
        buffer.reserveCapacity(Self.bufferSize)
        var header = ByteWriter(capacity: FileContainer.headerSize)
        header.append(FileContainer.magic)
        header.append(kind.tag)
        header.appendUInt32(FileContainer.formatVersion)
        header.appendUInt64(segment.generation)
        header.appendUInt32(segment.number)
        header.appendUInt32(0)
        try write(header.bytes)
    }

    deinit {
        if descriptor >= 0 { SystemCall.close(descriptor) }
    }

    /// Bytes written so far (the offset of the next byte in the file).
    var offset: Int { written + buffer.count }

    /// Bytes written so far in the current section.
    var sectionLength: Int { sectionStart < 0 ? 0 : offset - sectionStart }

    func beginSection() {
        closeSection()
        sectionStart = offset
    }

    private func closeSection() {
        if sectionStart >= 0 { sections.append((sectionStart, offset - sectionStart)) }
        sectionStart = -1
    }

    func write(_ bytes: [UInt8]) throws(IndexError) {
        let failure: IndexError? = bytes.withUnsafeBytes { raw in
            do throws(IndexError) {
                try write(raw)
                return nil
            } catch {
                return error
            }
        }
        if let failure { throw failure }
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws(IndexError) {
        if buffer.count + bytes.count > Self.bufferSize { try drain() }
        if bytes.count >= Self.bufferSize {
            crc = CRC32C.checksum(bytes, continuing: crc)
            try IndexError.rethrowing(try SystemFile.writeAll(descriptor, bytes, path: path))
            written += bytes.count
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    /// Writes the buffered bytes out.
    private func drain() throws(IndexError) {
        guard !buffer.isEmpty else { return }
        let failure: IndexError? = buffer.withUnsafeBytes { raw in
            crc = CRC32C.checksum(raw, continuing: crc)
            do throws(IndexError) {
                try IndexError.rethrowing(try SystemFile.writeAll(descriptor, raw, path: path))
                return nil
            } catch {
                return error
            }
        }
        if let failure { throw failure }
        written += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes the section table and footer, closes the file.
    func finish() throws(IndexError) {
        closeSection()
        var table = ByteWriter(capacity: 4 + sections.count * 16 + 12)
        let tableOffset = offset
        table.appendUInt32(UInt32(sections.count))
        for (offset, length) in sections {
            table.appendUInt64(UInt64(offset))
            table.appendUInt64(UInt64(length))
        }
        table.appendUInt64(UInt64(tableOffset))
        table.append(FileContainer.footerMagic)
        try write(table.bytes)
        try drain()
        var trailer = ByteWriter(capacity: 4)
        trailer.appendUInt32(crc)
        buffer = trailer.bytes
        let failure: IndexError? = buffer.withUnsafeBytes { raw in
            do throws(IndexError) {
                try IndexError.rethrowing(try SystemFile.writeAll(descriptor, raw, path: path))
                return nil
            } catch {
                return error
            }
        }
        if let failure { throw failure }
        buffer = []
        SystemCall.close(descriptor)
        descriptor = -1
    }

    /// Writes a whole file from sections already in memory (what `FileContainer.build`
    /// followed by a write would produce, without the copy).
    static func write(path: String, kind: FileKind, segment: SegmentID, sections: [[UInt8]]) throws(IndexError) {
        let writer = try FileContainerWriter(path: path, kind: kind, segment: segment)
        for section in sections {
            writer.beginSection()
            try writer.write(section)
        }
        try writer.finish()
    }
}
