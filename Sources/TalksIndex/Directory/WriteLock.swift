#if canImport(Glibc)
import Glibc
#endif
import TalksSystem

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
        descriptor = try IndexError.rethrowing(try SystemFile.open(lockPath, O_RDWR | O_CREAT, mode: 0o644))
        let taken: Bool
        do {
            taken = try SystemFile.tryLockExclusive(descriptor, path: lockPath)
        } catch {
            SystemCall.close(descriptor)
            throw IndexError(error)
        }
        guard taken else {
            SystemCall.close(descriptor)
            throw IndexError.locked(directory: directory, pid: Self.holder(lockPath))
        }
        let descriptor = self.descriptor
        // The PID is informative only; failing to write it does not lose the lock.
        try? SystemFile.truncate(descriptor, to: 0, path: lockPath)
        try? SystemFile.writeAll(descriptor, Array("\(getpid())\n".utf8), at: 0, path: lockPath)
    }

    /// The PID written in a lock file, if readable.
    static func holder(_ path: String) -> Int32? {
        guard let bytes = try? FileSystem.readFile(path) else { return nil }
        return Int32(String(decoding: bytes, as: UTF8.self).trimmingWhitespace)
    }

    /// Releases the lock (idempotent).
    func release() {
        guard descriptor >= 0 else { return }
        try? SystemFile.truncate(descriptor, to: 0, path: path)
        try? SystemFile.unlock(descriptor, path: path)
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
