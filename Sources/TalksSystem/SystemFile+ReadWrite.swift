#if canImport(Glibc)
import Glibc
#endif

/// Reads and writes that finish the job: `read` and `write` may move fewer bytes than
/// asked (a signal, a pipe's small buffer, a file at its end), so these loop until the
/// buffer is full, the end of the file is reached, or everything is written.
///
/// For blocking descriptors. A non-blocking socket's "would block" is a state the caller
/// must wait out in `poll`, not an error or a reason to loop: use `SystemCall.nonBlocking`.
extension SystemFile {
    /// One `read`: at most `buffer.count` bytes, 0 at the end of the file.
    public static func readSome(
        _ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, path: String? = nil
    ) throws(SystemCallError) -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        return try SystemCall.run("read", path: path, descriptor: descriptor) { Glibc.read(descriptor, base, buffer.count) }
    }

    /// Fills `buffer`, reading again after every short read; fewer bytes only at the end
    /// of the file. Returns how many bytes were read.
    public static func readFully(
        _ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, path: String? = nil
    ) throws(SystemCallError) -> Int {
        var filled = 0
        while filled < buffer.count {
            let count = try readSome(descriptor, into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]), path: path)
            if count == 0 { break }
            filled += count
        }
        return filled
    }

    /// Up to `count` bytes, fewer only when the file ends first (it shrank while read).
    public static func readFully(_ descriptor: Int32, count: Int, path: String? = nil) throws(SystemCallError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: max(0, count))
        var failure: SystemCallError?
        let filled = bytes.withUnsafeMutableBytes { buffer -> Int in
            do throws(SystemCallError) {
                return try readFully(descriptor, into: buffer, path: path)
            } catch {
                failure = error
                return 0
            }
        }
        if let failure { throw failure }
        if filled < bytes.count { bytes.removeSubrange(filled...) }
        return bytes
    }

    /// Everything from the current offset to the end of the file, whatever its size says
    /// (files in /proc report 0).
    public static func readToEnd(_ descriptor: Int32, path: String? = nil) throws(SystemCallError) -> [UInt8] {
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 65_536, alignment: 1)
        defer { chunk.deallocate() }
        var result: [UInt8] = []
        while true {
            let count = try readSome(descriptor, into: chunk, path: path)
            if count == 0 { return result }
            result.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[0..<count]))
        }
    }

    /// The whole file at `path`.
    public static func readFile(_ path: String) throws(SystemCallError) -> [UInt8] {
        try withOpened(path, O_RDONLY) { descriptor throws(SystemCallError) in try readToEnd(descriptor, path: path) }
    }

    /// Writes all of `bytes`, writing again after every short write. A `write` that
    /// moves nothing (which only a broken device does) throws `EIO` instead of looping.
    public static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer, path: String? = nil) throws(SystemCallError) {
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let written = try SystemCall.run("write", path: path, descriptor: descriptor) {
                Glibc.write(descriptor, base + offset, bytes.count - offset)
            }
            if written == 0 { throw SystemCallError(call: "write", code: EIO, path: path, descriptor: descriptor) }
            offset += written
        }
    }

    /// Writes all of `bytes`, as above.
    public static func writeAll(_ descriptor: Int32, _ bytes: [UInt8], path: String? = nil) throws(SystemCallError) {
        let failure: SystemCallError? = bytes.withUnsafeBytes { buffer -> SystemCallError? in
            do throws(SystemCallError) {
                try writeAll(descriptor, buffer, path: path)
                return nil
            } catch {
                return error
            }
        }
        if let failure { throw failure }
    }

    /// Writes all of `bytes` at `offset` without moving the file offset. The C function
    /// is `pwrite`.
    public static func writeAll(_ descriptor: Int32, _ bytes: [UInt8], at offset: Int, path: String? = nil) throws(SystemCallError) {
        let failure: SystemCallError? = bytes.withUnsafeBytes { buffer -> SystemCallError? in
            guard let base = buffer.baseAddress else { return nil }
            var done = 0
            while done < buffer.count {
                do throws(SystemCallError) {
                    let written = try SystemCall.run("pwrite", path: path, descriptor: descriptor) {
                        pwrite(descriptor, base + done, buffer.count - done, off_t(offset + done))
                    }
                    if written == 0 { return SystemCallError(call: "pwrite", code: EIO, path: path, descriptor: descriptor) }
                    done += written
                } catch {
                    return error
                }
            }
            return nil
        }
        if let failure { throw failure }
    }

    /// Creates `path` (which must not exist: `O_EXCL`), writes `bytes`, fsyncs it unless
    /// `sync` is false (then call `syncFile` before relying on it) and closes it.
    public static func createFile(_ path: String, _ bytes: [UInt8], sync: Bool = true) throws(SystemCallError) {
        try withOpened(path, O_WRONLY | O_CREAT | O_EXCL) { descriptor throws(SystemCallError) in
            try writeAll(descriptor, bytes, path: path)
            if sync { try fsync(descriptor, path: path) }
        }
    }
}
