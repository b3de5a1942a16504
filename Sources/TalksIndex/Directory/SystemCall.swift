#if canImport(Glibc)
import Glibc
#endif

/// The one wrapper every system call of TalksIndex goes through.
///
/// It reads `errno` at once, retries `EINTR` (except for `close`, which must never be
/// retried on Linux), and throws `IndexError.io` naming the call and the path.
enum SystemCall {
    /// Runs `body` until it does not fail with EINTR; a result of -1 throws.
    @discardableResult
    static func run<Result: BinaryInteger>(
        _ call: String, path: String, _ body: () -> Result
    ) throws(IndexError) -> Result {
        while true {
            let result = body()
            if result == -1 {
                let code = errno
                if code == EINTR { continue }
                throw IndexError.io(call: call, path: path, errno: code)
            }
            return result
        }
    }

    /// `close(2)`, never retried; errors are ignored for read-only descriptors and thrown
    /// for written ones by callers that fsync first (fsync reports write errors).
    static func close(_ descriptor: Int32) {
        _ = Glibc.close(descriptor)
    }

    /// Opens `path`, runs `body` with the descriptor, closes it whatever happens.
    static func withDescriptor<Result>(
        _ path: String, flags: Int32, mode: mode_t = 0o644,
        _ body: (Int32) throws(IndexError) -> Result
    ) throws(IndexError) -> Result {
        let descriptor = try run("open", path: path) { Glibc.open(path, flags | O_CLOEXEC, mode) }
        defer { close(descriptor) }
        return try body(descriptor)
    }

    /// Writes all of `bytes` (looping over short writes).
    static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws(IndexError) {
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let written = try run("write", path: path) { Glibc.write(descriptor, base + offset, bytes.count - offset) }
            if written == 0 { throw IndexError.io(call: "write", path: path, errno: EIO) }
            offset += written
        }
    }

    /// `fsync(2)`: the file's data and metadata reach the disk.
    static func fsync(_ descriptor: Int32, path: String) throws(IndexError) {
        try run("fsync", path: path) { Glibc.fsync(descriptor) }
    }
}
