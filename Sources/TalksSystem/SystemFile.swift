#if canImport(Glibc)
import Glibc
#endif

/// Files and folders through `SystemCall`: each function names its C function, retries
/// `EINTR`, and throws a `SystemCallError` carrying the path.
///
/// Descriptors are opened with `O_CLOEXEC` always (a child process never inherits one),
/// and every function that opens one also closes it, on every path out. Reads and writes
/// that loop over short counts are in `SystemFile+ReadWrite.swift`.
public enum SystemFile {
    /// Opens `path`; `O_CLOEXEC` is added to `flags`. The C function is `open`.
    public static func open(_ path: String, _ flags: Int32, mode: mode_t = 0o644) throws(SystemCallError) -> Int32 {
        try SystemCall.run("open", path: path) { Glibc.open(path, flags | O_CLOEXEC, mode) }
    }

    /// Opens `path`, runs `body` with the descriptor and closes it whatever happens.
    public static func withOpened<Result>(
        _ path: String, _ flags: Int32, mode: mode_t = 0o644, _ body: (Int32) throws(SystemCallError) -> Result
    ) throws(SystemCallError) -> Result {
        try SystemCall.closeAfter(try open(path, flags, mode: mode), body)
    }

    /// Flushes the file's data and metadata to the disk. The C function is `fsync`.
    public static func fsync(_ descriptor: Int32, path: String? = nil) throws(SystemCallError) {
        try SystemCall.run("fsync", path: path, descriptor: descriptor) { Glibc.fsync(descriptor) }
    }

    /// fsyncs an existing file through a new descriptor (fsync flushes the file, not the
    /// descriptor, so this makes an earlier unsynced write durable).
    public static func syncFile(_ path: String) throws(SystemCallError) {
        try withOpened(path, O_RDONLY) { descriptor throws(SystemCallError) in try fsync(descriptor, path: path) }
    }

    /// fsyncs a folder, so a file created or renamed in it survives a crash.
    public static func syncDirectory(_ path: String) throws(SystemCallError) {
        try withOpened(path, O_RDONLY | O_DIRECTORY) { descriptor throws(SystemCallError) in try fsync(descriptor, path: path) }
    }

    /// What `path` is (following symbolic links). The C function is `stat`.
    public static func status(_ path: String) throws(SystemCallError) -> stat {
        var information = stat()
        try SystemCall.run("stat", path: path) { stat(path, &information) }
        return information
    }

    /// What `path` is, without following a final symbolic link. The C function is `lstat`.
    public static func linkStatus(_ path: String) throws(SystemCallError) -> stat {
        var information = stat()
        try SystemCall.run("lstat", path: path) { lstat(path, &information) }
        return information
    }

    /// What an open descriptor refers to. The C function is `fstat`.
    public static func status(descriptor: Int32, path: String? = nil) throws(SystemCallError) -> stat {
        var information = stat()
        try SystemCall.run("fstat", path: path, descriptor: descriptor) { fstat(descriptor, &information) }
        return information
    }

    /// Whether anything exists at `path`. The C function is `access` with `F_OK`.
    public static func exists(_ path: String) -> Bool {
        (try? SystemCall.run("access", path: path) { access(path, F_OK) }) != nil
    }

    /// Renames atomically within one file system, replacing `destination`. The C function
    /// is `rename`; the error names the destination.
    public static func rename(_ source: String, to destination: String) throws(SystemCallError) {
        try SystemCall.run("rename", path: destination) { Glibc.rename(source, destination) }
    }

    /// Removes a file (not a folder). The C function is `unlink`.
    public static func unlink(_ path: String) throws(SystemCallError) {
        try SystemCall.run("unlink", path: path) { Glibc.unlink(path) }
    }

    /// Creates one folder (not its parents). The C function is `mkdir`.
    public static func makeDirectory(_ path: String, mode: mode_t = 0o755) throws(SystemCallError) {
        try SystemCall.run("mkdir", path: path) { mkdir(path, mode) }
    }

    /// Removes an empty folder. The C function is `rmdir`.
    public static func removeDirectory(_ path: String) throws(SystemCallError) {
        try SystemCall.run("rmdir", path: path) { rmdir(path) }
    }

    /// The absolute path with every symbolic link, `.` and `..` resolved. The C function
    /// is `realpath`.
    public static func realPath(_ path: String) throws(SystemCallError) -> String {
        let resolved = try SystemCall.pointer("realpath", path: path) { Glibc.realpath(path, nil) }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The names in a folder, without "." and "..", in the order the file system gives
    /// them. The C functions are `opendir`, `readdir` and `closedir`; an error while
    /// reading the folder throws instead of returning part of it.
    public static func directoryEntries(_ path: String) throws(SystemCallError) -> [String] {
        let directory = try SystemCall.pointer("opendir", path: path) { opendir(path) }
        defer { closedir(directory) }
        var names: [String] = []
        while true {
            errno = 0
            guard let entry = readdir(directory) else {
                let code = errno
                if code != 0 { throw SystemCallError(call: "readdir", code: code, path: path) }
                return names
            }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
    }

    /// Cuts or extends an open file to `length` bytes. The C function is `ftruncate`.
    public static func truncate(_ descriptor: Int32, to length: Int, path: String? = nil) throws(SystemCallError) {
        try SystemCall.run("ftruncate", path: path, descriptor: descriptor) { ftruncate(descriptor, off_t(length)) }
    }

    /// Takes an exclusive `flock` without waiting: true when taken, false when another
    /// open file description holds it. The kernel releases it when the holder dies.
    public static func tryLockExclusive(_ descriptor: Int32, path: String? = nil) throws(SystemCallError) -> Bool {
        try SystemCall.nonBlocking("flock", path: path, descriptor: descriptor) { flock(descriptor, LOCK_EX | LOCK_NB) } != nil
    }

    /// Releases a `flock`. The C function is `flock` with `LOCK_UN`.
    public static func unlock(_ descriptor: Int32, path: String? = nil) throws(SystemCallError) {
        try SystemCall.run("flock", path: path, descriptor: descriptor) { flock(descriptor, LOCK_UN) }
    }
}
