#if canImport(Glibc)
import Glibc
#endif

/// The few file-system calls TalksIngest makes, each wrapped once: errno is read at once,
/// `EINTR` is retried, descriptors are always closed, and failures become `IngestError`s
/// naming the path and the call.
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
        var information = stat()
        guard stat(path, &information) == 0 else { return nil }
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
        let flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK | (insideFolder == nil ? 0 : O_NOFOLLOW)
        let descriptor = open(path, flags)
        if descriptor < 0 {
            let code = errno
            if code == ENOENT { throw .notFound(path: path) }
            if code == ELOOP, insideFolder != nil {
                throw .systemError(path: path, operation: "open", reason: "it became a symbolic link while talks read the archive")
            }
            throw .systemError(path: path, operation: "open", reason: describe(code))
        }
        defer { _ = close(descriptor) }
        if let folder = insideFolder, let opened = openedPath(descriptor),
           !ArchiveRoot(realPath: folder).contains(realPath: opened) {
            throw .outsideArchive(path: path, realPath: opened, archive: folder)
        }
        var information = stat()
        guard fstat(descriptor, &information) == 0 else {
            throw .systemError(path: path, operation: "fstat", reason: describe(errno))
        }
        guard information.st_mode & S_IFMT == S_IFREG else {
            throw .wrongKind(path: path, expected: "a regular file")
        }
        let size = Int64(information.st_size)
        if size > limit {
            throw .fileTooLarge(path: path, size: size, limit: limit)
        }
        var bytes = [UInt8](repeating: 0, count: Int(size))
        var filled = 0
        while filled < bytes.count {
            let count = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return read(descriptor, base + filled, buffer.count - filled)
            }
            if count < 0 {
                let code = errno
                if code == EINTR { continue }
                throw .systemError(path: path, operation: "read", reason: describe(code))
            }
            if count == 0 { break }  // the file shrank while we read it
            filled += count
        }
        if filled < bytes.count { bytes.removeSubrange(filled...) }
        return bytes
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
        guard let directory = opendir(path) else {
            let code = errno
            if code == ENOENT { throw .notFound(path: path) }
            throw .systemError(path: path, operation: "opendir", reason: describe(code))
        }
        defer { _ = closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw -> String in
                let bytes = raw.prefix { $0 != 0 }
                return String(decoding: bytes, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            names.append(name)
        }
        return names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// Writes `bytes` to a new file at `path` (which must not exist) and fsyncs it.
    static func writeNewFile(_ path: String, _ bytes: [UInt8]) throws(IngestError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if descriptor < 0 {
            throw .systemError(path: path, operation: "open", reason: describe(errno))
        }
        defer { _ = close(descriptor) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return write(descriptor, base + written, buffer.count - written)
            }
            if count < 0 {
                let code = errno
                if code == EINTR { continue }
                throw .systemError(path: path, operation: "write", reason: describe(code))
            }
            written += count
        }
        if fsync(descriptor) != 0 {
            throw .systemError(path: path, operation: "fsync", reason: describe(errno))
        }
    }

    /// Creates a folder. The corresponding C function is `mkdir`.
    static func makeDirectory(_ path: String) throws(IngestError) {
        if mkdir(path, 0o755) != 0 {
            throw .systemError(path: path, operation: "mkdir", reason: describe(errno))
        }
    }

    /// Renames atomically within one file system. The corresponding C function is `rename`.
    static func rename(_ source: String, to destination: String) throws(IngestError) {
        if Glibc.rename(source, destination) != 0 {
            throw .systemError(path: destination, operation: "rename", reason: describe(errno))
        }
    }

    /// Flushes a folder's entries (after a rename) to disk. Failures are ignored: not every
    /// file system supports fsync on folders, and the rename itself already happened.
    static func syncDirectory(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        _ = close(descriptor)
    }

    /// Removes a folder tree that talks created (temporary import folders). Symbolic links
    /// are removed, never followed.
    static func removeTree(_ path: String) {
        var information = stat()
        guard lstat(path, &information) == 0 else { return }
        if information.st_mode & S_IFMT == S_IFDIR {
            if let names = try? listDirectory(path) {
                for name in names { removeTree(path + "/" + name) }
            }
            _ = rmdir(path)
        } else {
            _ = unlink(path)
        }
    }

    static func describe(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
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
              let resolved = realpath(path.isEmpty ? "." : path, nil) else { return name }
        defer { free(resolved) }
        return lastComponent(String(cString: resolved))
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
