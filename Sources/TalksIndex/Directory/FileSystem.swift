#if canImport(Glibc)
import Glibc
#endif

/// The file operations a commit needs, each through `SystemCall`.
///
/// Files are written once: created exclusively, written whole, fsynced, closed. The
/// manifest is replaced by write-temp + fsync + rename + fsync(directory).
enum FileSystem {
    /// Creates `path` (which must not exist), writes `bytes`, fsyncs (unless `sync` is
    /// false: then call `syncFile` before relying on it) and closes it.
    static func writeNewFile(_ path: String, _ bytes: [UInt8], sync: Bool = true) throws(IndexError) {
        try SystemCall.withDescriptor(path, flags: O_WRONLY | O_CREAT | O_EXCL) { descriptor throws(IndexError) in
            let failure: IndexError? = bytes.withUnsafeBytes { buffer in
                do throws(IndexError) {
                    try SystemCall.writeAll(descriptor, buffer, path: path)
                    return nil
                } catch {
                    return error
                }
            }
            if let failure { throw failure }
            if sync { try SystemCall.fsync(descriptor, path: path) }
        }
    }

    /// fsyncs an existing file through a new descriptor (fsync flushes the file, not
    /// the descriptor, so this makes an earlier unsynced write durable).
    static func syncFile(_ path: String) throws(IndexError) {
        try SystemCall.withDescriptor(path, flags: O_RDONLY) { descriptor throws(IndexError) in
            try SystemCall.fsync(descriptor, path: path)
        }
    }

    /// The whole file, or nil when it does not exist.
    static func readFile(_ path: String) throws(IndexError) -> [UInt8]? {
        let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        if descriptor < 0 {
            let code = errno
            if code == ENOENT { return nil }
            if code == EINTR { return try readFile(path) }
            throw IndexError.io(call: "open", path: path, errno: code)
        }
        defer { SystemCall.close(descriptor) }
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let outcome: Result<Int, IndexError> = chunk.withUnsafeMutableBytes { buffer in
                do throws(IndexError) {
                    return .success(try SystemCall.run("read", path: path) { Glibc.read(descriptor, buffer.baseAddress, buffer.count) })
                } catch {
                    return .failure(error)
                }
            }
            let count = try outcome.get()
            if count == 0 { return result }
            result.append(contentsOf: chunk[0..<count])
        }
    }

    /// `rename(2)`: atomically replaces `destination`.
    static func rename(_ source: String, to destination: String) throws(IndexError) {
        try SystemCall.run("rename", path: destination) { Glibc.rename(source, destination) }
    }

    /// `unlink(2)`; a missing file is not an error.
    static func remove(_ path: String) throws(IndexError) {
        if Glibc.unlink(path) == -1 {
            let code = errno
            if code == ENOENT { return }
            throw IndexError.io(call: "unlink", path: path, errno: code)
        }
    }

    /// fsyncs a directory so a rename or create in it is durable.
    static func syncDirectory(_ path: String) throws(IndexError) {
        try SystemCall.withDescriptor(path, flags: O_RDONLY | O_DIRECTORY) { descriptor throws(IndexError) in
            try SystemCall.fsync(descriptor, path: path)
        }
    }

    /// Creates `path` and missing parents (like `mkdir -p`).
    static func createDirectory(_ path: String) throws(IndexError) {
        var current = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            current += "/" + component
            if Glibc.mkdir(current, 0o755) == -1 {
                let code = errno
                if code != EEXIST { throw IndexError.io(call: "mkdir", path: current, errno: code) }
            }
        }
    }

    /// The names in a directory (without "." and "..").
    static func list(_ path: String) throws(IndexError) -> [String] {
        guard let directory = opendir(path) else {
            throw IndexError.io(call: "opendir", path: path, errno: errno)
        }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// The size of a file in bytes, or nil when it does not exist.
    static func size(_ path: String) -> Int? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return Int(status.st_size)
    }

    static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }
}
