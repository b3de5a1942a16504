#if canImport(Glibc)
import Glibc
#endif

/// The one-writer lock of an index directory: `.write.lock`, held with `flock(2)` and
/// holding the owner's PID in decimal for the message a second writer gets.
///
/// `flock` is released by the kernel when the owner dies, so a lock left by a killed
/// process (a "stale" lock whose PID is dead) is simply taken over. The file itself is
/// never deleted: deleting it would let two writers lock two different inodes.
final class WriteLock {
    static let fileName = ".write.lock"
    private var descriptor: Int32
    let path: String

    /// Takes the lock or throws `IndexError.locked` naming the holder's PID.
    init(directory: String) throws(IndexError) {
        path = directory + "/" + Self.fileName
        let lockPath = path
        descriptor = try SystemCall.run("open", path: lockPath) { Glibc.open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644) }
        while flock(descriptor, LOCK_EX | LOCK_NB) == -1 {
            let code = errno
            if code == EINTR { continue }
            SystemCall.close(descriptor)
            if code == EWOULDBLOCK {
                throw IndexError.locked(directory: directory, pid: Self.holder(lockPath))
            }
            throw IndexError.io(call: "flock", path: lockPath, errno: code)
        }
        let descriptor = self.descriptor
        // The PID is informative only; failing to write it does not lose the lock.
        _ = ftruncate(descriptor, 0)
        let text = Array("\(getpid())\n".utf8)
        _ = text.withUnsafeBytes { buffer in pwrite(descriptor, buffer.baseAddress, buffer.count, 0) }
    }

    /// The PID written in a lock file, if readable.
    static func holder(_ path: String) -> Int32? {
        guard let bytes = try? FileSystem.readFile(path) else { return nil }
        return Int32(String(decoding: bytes, as: UTF8.self).trimmingWhitespace)
    }

    /// Releases the lock (idempotent).
    func release() {
        guard descriptor >= 0 else { return }
        _ = ftruncate(descriptor, 0)
        _ = flock(descriptor, LOCK_UN)
        SystemCall.close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}

extension String {
    var trimmingWhitespace: String {
        String(self.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
