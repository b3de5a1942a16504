#if canImport(Glibc)
import Glibc
#endif
import TalksSystem

/// The few file-system calls TalksIngest makes, through TalksSystem (errno read at once,
/// `EINTR` retried, descriptors always closed), with the ingest's policies: a missing
/// path is `IngestError.notFound`, files are size-checked before reading, listings are
/// sorted, and other failures become `IngestError.systemError` naming the path and call.
enum FileSystem {
    /// The largest file read when no kind-specific limit applies (`IngestLimits`), checked
    /// with `fstat` before reading so a hostile file costs nothing.
    static let defaultReadLimit: Int64 = IngestLimits.maximumFeedFileBytes

    enum Kind: Sendable, Hashable {
        case file
        case directory
        case other
    }

    /// What is at `path` (following symbolic links), or nil when nothing is.
    /// The corresponding C function is `stat`.
    static func kind(of path: String) -> Kind? {
        guard let information = try? SystemFile.status(path) else { return nil }
        switch information.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    /// Reads a whole regular file, refusing files larger than `limit` before reading any byte.
    /// `O_NONBLOCK` makes opening a FIFO (which would wait for a writer forever) return at
    /// once, so it is refused as not a regular file; it changes nothing for regular files.
    ///
    /// With `insideFolder` (a real path, see `ArchiveRoot`), `path` must be a real path too:
    /// it is opened without following a link (`O_NOFOLLOW`), and the path the kernel reports
    /// for the open file (`/proc/self/fd/N`, when readable) must lie inside the folder, so a
    /// link swapped in after the check is refused rather than read.
    static func readFile(_ path: String, limit: Int64 = defaultReadLimit, insideFolder: String? = nil) throws(IngestError) -> [UInt8] {
        let flags = O_RDONLY | O_NONBLOCK | (insideFolder == nil ? 0 : O_NOFOLLOW)
        let descriptor: Int32
        do {
            descriptor = try SystemFile.open(path, flags)
        } catch where error.code == ENOENT {
            throw .notFound(path: path)
        } catch where error.code == ELOOP && insideFolder != nil {
            throw .systemError(path: path, operation: "open", reason: "it became a symbolic link while talks read the archive")
        } catch {
            throw IngestError(error)
        }
        return try SystemCall.closeAfter(descriptor) { descriptor throws(IngestError) in
            if let folder = insideFolder, let opened = openedPath(descriptor),
               !ArchiveRoot(realPath: folder).contains(realPath: opened) {
                throw .outsideArchive(path: path, realPath: opened, archive: folder)
            }
            let information = try IngestError.rethrowing(try SystemFile.status(descriptor: descriptor, path: path))
            guard information.st_mode & S_IFMT == S_IFREG else {
                throw .wrongKind(path: path, expected: "a regular file")
            }
            let size = Int64(information.st_size)
            if size > limit {
                throw .fileTooLarge(path: path, size: size, limit: limit)
            }
            // Fewer bytes than the size said when the file shrank while we read it.
            return try IngestError.rethrowing(try SystemFile.readFully(descriptor, count: Int(size), path: path))
        }
    }

    /// The path of an open file as the kernel knows it, or nil where `/proc` does not say.
    /// The corresponding C function is `readlink`.
    static func openedPath(_ descriptor: Int32) -> String? {
        let capacity = Int(PATH_MAX) + 1
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer -> String? in
            guard let base = buffer.baseAddress else { return nil }
            let count = readlink("/proc/self/fd/\(descriptor)", base, capacity - 1)
            guard count > 0, count < capacity - 1 else { return nil }
            return String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self)
        }
    }

    /// The names in a folder, without "." and "..", sorted bytewise so scans are stable.
    /// The corresponding C functions are `opendir`, `readdir` and `closedir`.
    static func listDirectory(_ path: String) throws(IngestError) -> [String] {
        let names: [String]
        do {
            names = try SystemFile.directoryEntries(path)
        } catch where error.code == ENOENT && error.call == "opendir" {
            throw .notFound(path: path)
        } catch {
            throw IngestError(error)
        }
        return names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// Writes `bytes` to a new file at `path` (which must not exist) and fsyncs it.
    static func writeNewFile(_ path: String, _ bytes: [UInt8]) throws(IngestError) {
        try IngestError.rethrowing(try SystemFile.createFile(path, bytes))
    }

    /// Creates a folder. The corresponding C function is `mkdir`.
    static func makeDirectory(_ path: String) throws(IngestError) {
        try IngestError.rethrowing(try SystemFile.makeDirectory(path))
    }

    /// Renames atomically within one file system. The corresponding C function is `rename`.
    static func rename(_ source: String, to destination: String) throws(IngestError) {
        try IngestError.rethrowing(try SystemFile.rename(source, to: destination))
    }

    /// Flushes a folder's entries (after a rename) to disk. Failures are ignored: not every
    /// file system supports fsync on folders, and the rename itself already happened.
    static func syncDirectory(_ path: String) {
        try? SystemFile.syncDirectory(path)
    }

    /// Removes a folder tree that talks created (temporary import folders). Symbolic links
    /// are removed, never followed.
    static func removeTree(_ path: String) {
        guard let information = try? SystemFile.linkStatus(path) else { return }
        if information.st_mode & S_IFMT == S_IFDIR {
            if let names = try? listDirectory(path) {
                for name in names { removeTree(path + "/" + name) }
            }
            try? SystemFile.removeDirectory(path)
        } else {
            try? SystemFile.unlink(path)
        }
    }

    /// The last path component: "archive/55-vreta/" → "55-vreta".
    static func lastComponent(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        if let slash = trimmed.lastIndex(of: "/") {
            return String(trimmed[trimmed.index(after: slash)...])
        }
        return String(trimmed)
    }

    /// The name a folder is known by, for its default episode id: the last path component,
    /// or, when that is "." or ".." (`talks check .` inside an episode folder), the last
    /// component of the resolved path. The corresponding C function is `realpath`.
    static func folderName(_ path: String) -> String {
        let name = lastComponent(path)
        guard name == "." || name == ".." || name.isEmpty,
              let resolved = try? SystemFile.realPath(path.isEmpty ? "." : path) else { return name }
        return lastComponent(resolved)
    }

    /// Joins a folder and a name without doubling the slash.
    static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// The folder part of a path: "a/b/feed.xml" → "a/b", "feed.xml" → ".".
    static func parent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }
}
