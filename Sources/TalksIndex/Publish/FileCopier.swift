#if canImport(Glibc)
import Glibc
#endif
import TalksSystem

/// Copies one segment file from a source index folder into a destination folder the way
/// a publish must: under a temporary name, in bounded chunks, fsynced, read back and
/// checked against its own CRC-32C footer, and only then renamed to its real name.
///
/// The source's bytes are checked while they are read (magic, footer magic, CRC-32C), so
/// a damaged source file is refused as the source's damage; the copy is then checked
/// again from the destination, so a bad write (a failing disk or network mount) is
/// refused as the copy's.
enum FileCopier {
    /// The suffix of the files a publish writes before renaming them.
    static let temporarySuffix = ".tmp-publish"
    /// Bytes read and written at a time.
    static let chunkSize = 1 << 20
    /// The bytes at the end of every segment file that identify its content: the footer
    /// (table offset, "TEND", CRC-32C).
    static let footerSize = 16

    enum Outcome: Equatable {
        case copied(bytes: Int)
        /// The destination already has this file: same size and same footer.
        case unchanged
        /// The source file was removed before it could be opened (the source committed).
        case vanished
    }

    /// Copies `name` unless the destination already holds it. `inUse`: the destination's
    /// current generation uses this file, so a different one there is refused, not replaced.
    static func copy(name: String, from source: String, to destination: String, inUse: Bool) throws -> Outcome {
        let sourcePath = source + "/" + name
        let finalPath = destination + "/" + name
        let descriptor: Int32
        do {
            descriptor = try SystemFile.open(sourcePath, O_RDONLY)
        } catch where error.code == ENOENT {
            return .vanished
        } catch {
            throw IndexError(error)
        }
        defer { SystemCall.close(descriptor) }
        let size = Int(try IndexError.rethrowing(try SystemFile.status(descriptor: descriptor, path: sourcePath)).st_size)
        guard size >= FileContainer.headerSize + FileContainer.footerSize + 4 else {
            throw PublishError.damagedSource(file: sourcePath, detail: "it is \(size) bytes, shorter than any index file")
        }
        if let existing = try? MappedFile(path: finalPath) {
            if existing.bytes.count == size, try sameFooter(existing, asFileOpenAt: descriptor, size: size, path: sourcePath) {
                return .unchanged
            }
            if inUse { throw PublishError.foreignDestination(destination: destination, file: name) }
        }
        let temporary = finalPath + temporarySuffix
        try FileSystem.remove(temporary)
        do {
            try stream(descriptor, size: size, sourcePath: sourcePath, into: temporary)
            try verifyCopy(temporary, size: size, name: finalPath)
            try FileSystem.rename(temporary, to: finalPath)
        } catch {
            try? FileSystem.remove(temporary)
            throw error
        }
        return .copied(bytes: size)
    }

    /// Whether the destination file ends with the same footer bytes as the source file.
    private static func sameFooter(_ existing: MappedFile, asFileOpenAt descriptor: Int32, size: Int, path: String) throws -> Bool {
        let footer = try readSource(descriptor, offset: size - footerSize, count: footerSize, path: path)
        return Array(UnsafeRawBufferPointer(rebasing: existing.bytes[(size - footerSize)...])) == footer
    }

    /// `count` bytes at `offset` of the open source file. The C function is `pread`.
    private static func readSource(_ descriptor: Int32, offset: Int, count: Int, path: String) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let start = filled
            let read: Int = try bytes.withUnsafeMutableBytes { buffer in
                guard let base = buffer.baseAddress else { return 0 }
                return try IndexError.rethrowing(try SystemCall.run("pread", path: path, descriptor: descriptor) {
                    pread(descriptor, base + start, count - start, off_t(offset + start))
                })
            }
            guard read > 0 else {
                throw PublishError.damagedSource(file: path, detail: "it ended at byte \(offset + filled) while read")
            }
            filled += read
        }
        return bytes
    }

    /// Writes the source's bytes to `temporary` (created exclusively), checking the
    /// source's frame and CRC-32C as they pass, then fsyncs it.
    private static func stream(_ source: Int32, size: Int, sourcePath: String, into temporary: String) throws {
        let output = try IndexError.rethrowing(try SystemFile.open(temporary, O_WRONLY | O_CREAT | O_EXCL, mode: 0o644))
        defer { SystemCall.close(output) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        let covered = size - 4  // the CRC covers every byte before its own four
        var crc: UInt32 = 0
        var offset = 0
        var head: [UInt8] = []
        var tail: [UInt8] = []
        while offset < size {
            let want = min(chunkSize, size - offset)
            let count = try IndexError.rethrowing(
                try SystemFile.readFully(source, into: UnsafeMutableRawBufferPointer(rebasing: buffer[0..<want]), path: sourcePath))
            guard count == want else {
                throw PublishError.damagedSource(file: sourcePath, detail: "it ended at byte \(offset + count) of \(size) while read")
            }
            let chunk = UnsafeRawBufferPointer(rebasing: buffer[0..<count])
            if offset < covered {
                crc = CRC32C.checksum(UnsafeRawBufferPointer(rebasing: chunk[0..<min(count, covered - offset)]), continuing: crc)
            }
            if head.count < FileContainer.magic.count { head += chunk.prefix(FileContainer.magic.count - head.count) }
            if offset + count > size - footerSize {
                tail += chunk[max(0, size - footerSize - offset)...]
            }
            try IndexError.rethrowing(try SystemFile.writeAll(output, chunk, path: temporary))
            offset += count
        }
        guard head == FileContainer.magic else {
            throw PublishError.damagedSource(file: sourcePath, detail: "it does not start with the index magic \"TALKSIDX\"")
        }
        guard tail.count == footerSize, Array(tail[8..<12]) == FileContainer.footerMagic else {
            throw PublishError.damagedSource(file: sourcePath, detail: "it does not end with the footer \"TEND\"; it was probably truncated")
        }
        let stored = UInt32(tail[12]) | UInt32(tail[13]) << 8 | UInt32(tail[14]) << 16 | UInt32(tail[15]) << 24
        guard stored == crc else {
            throw PublishError.damagedSource(
                file: sourcePath,
                detail: "its CRC-32C footer says \(IndexError.hex(stored)) but its bytes give \(IndexError.hex(crc))")
        }
        try IndexError.rethrowing(try SystemFile.fsync(output, path: temporary))
    }

    /// Reads the written copy back and checks its size and CRC-32C footer.
    private static func verifyCopy(_ temporary: String, size: Int, name: String) throws {
        let copy = try MappedFile(path: temporary)
        guard copy.bytes.count == size else {
            throw PublishError.copyDamaged(file: name, detail: "it is \(copy.bytes.count) bytes, the source \(size)")
        }
        do {
            try FileContainer.verifyChecksum(copy.bytes, file: name)
        } catch {
            throw PublishError.copyDamaged(file: name, detail: "\(error)")
        }
    }
}
