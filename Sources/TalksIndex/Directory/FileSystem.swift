#if canImport(Glibc)
import Glibc
#endif
import TalksSystem

/// The file operations a commit needs, through TalksSystem, with the index's policies:
/// errors become `IndexError.io`, a missing file is not an error where the index expects
/// one to be missing (`readFile`, `remove`), and folders are created with their parents.
///
/// Files are written once: created exclusively, written whole, fsynced, closed. The
/// manifest is replaced by write-temp + fsync + rename + fsync(directory).
enum FileSystem {
    /// Creates `path` (which must not exist), writes `bytes`, fsyncs (unless `sync` is
    /// false: then call `syncFile` before relying on it) and closes it.
    static func writeNewFile(_ path: String, _ bytes: [UInt8], sync: Bool = true) throws(IndexError) {
        try IndexError.rethrowing(try SystemFile.createFile(path, bytes, sync: sync))
    }

    /// fsyncs an existing file through a new descriptor (fsync flushes the file, not
    /// the descriptor, so this makes an earlier unsynced write durable).
    static func syncFile(_ path: String) throws(IndexError) {
        try IndexError.rethrowing(try SystemFile.syncFile(path))
    }

    /// The whole file, or nil when it does not exist.
    static func readFile(_ path: String) throws(IndexError) -> [UInt8]? {
        do {
            return try SystemFile.readFile(path)
        } catch where error.code == ENOENT {
            return nil
        } catch {
            throw IndexError(error)
        }
    }

    /// `rename(2)`: atomically replaces `destination`.
    static func rename(_ source: String, to destination: String) throws(IndexError) {
        try IndexError.rethrowing(try SystemFile.rename(source, to: destination))
    }

    /// `unlink(2)`; a missing file is not an error.
    static func remove(_ path: String) throws(IndexError) {
        do {
            try SystemFile.unlink(path)
        } catch where error.code == ENOENT {
            return
        } catch {
            throw IndexError(error)
        }
    }

    /// fsyncs a directory so a rename or create in it is durable.
    static func syncDirectory(_ path: String) throws(IndexError) {
        try IndexError.rethrowing(try SystemFile.syncDirectory(path))
    }

    /// Creates `path` and missing parents (like `mkdir -p`).
    static func createDirectory(_ path: String) throws(IndexError) {
        var current = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            current += "/" + component
            do {
                try SystemFile.makeDirectory(current)
            } catch where error.code == EEXIST {
                continue
            } catch {
                throw IndexError(error)
            }
        }
    }

    /// The names in a directory (without "." and "..").
    static func list(_ path: String) throws(IndexError) -> [String] {
        try IndexError.rethrowing(try SystemFile.directoryEntries(path))
    }

    /// The size of a file in bytes, or nil when it does not exist.
    static func size(_ path: String) -> Int? {
        (try? SystemFile.status(path)).map { Int($0.st_size) }
    }

    static func exists(_ path: String) -> Bool {
        SystemFile.exists(path)
    }
}
