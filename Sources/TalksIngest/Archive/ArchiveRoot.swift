#if canImport(Glibc)
import Glibc
#endif
import TalksSystem

/// The folder an episode's files must really be in, by real path, and the only way
/// TalksIngest reads a file from an archive.
///
/// An archive is published: what `ingest` reads is indexed and served (`/episodes/{id}/transcript`).
/// A symbolic link in it (`transcript.vtt -> /etc/passwd`, an episode folder linked to a home
/// folder) must not pull a file from elsewhere on the machine into it. So every episode
/// folder, metadata file and transcript is resolved to its real path (no links, no `.` or
/// `..`) and refused with `IngestError.outsideArchive` unless it lies inside the root's real
/// path. Links that stay inside the archive work as before.
///
/// The root is the archive folder named (`talks ingest archive/`); for an episode folder or a
/// file named on its own, it is the folder that holds it as written, before any link is
/// followed (`archive/55` → `archive`), so naming a linked folder cannot widen it.
/// Reading opens the real path without following links and, where `/proc/self/fd` shows it,
/// checks the opened file's path again, so a link swapped in between is refused too.
public struct ArchiveRoot: Sendable, Hashable {
    /// The real path of the archive folder, without a trailing slash ("/" for the root).
    public let realPath: String

    init(realPath: String) {
        self.realPath = realPath
    }

    /// The root for an archive folder: the folder itself.
    public static func archive(_ folder: String) throws(IngestError) -> ArchiveRoot {
        ArchiveRoot(realPath: try resolve(folder))
    }

    /// The root for an episode folder or a file named on its own: the folder that holds it,
    /// taken from the path as written ("archive/55/" → "archive", "55" → ".").
    public static func holding(_ path: String) throws(IngestError) -> ArchiveRoot {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        let name = FileSystem.lastComponent(String(trimmed))
        if name == "." || name == ".." || name.isEmpty {
            // `talks check .` inside an episode folder: the working folder is no link.
            return ArchiveRoot(realPath: FileSystem.parent(try resolve(String(trimmed))))
        }
        return ArchiveRoot(realPath: try resolve(FileSystem.parent(String(trimmed))))
    }

    /// Whether `realPath` (already resolved) lies inside the root.
    public func contains(realPath candidate: String) -> Bool {
        if realPath == "/" { return candidate.hasPrefix("/") }
        return candidate == realPath || candidate.hasPrefix(realPath + "/")
    }

    /// The real path of `path` when it lies inside the root; `.outsideArchive` naming both
    /// paths when it does not, `.notFound` when it (or a link's target) does not exist.
    public func checkedRealPath(of path: String) throws(IngestError) -> String {
        let resolved = try Self.resolve(path)
        guard contains(realPath: resolved) else {
            throw .outsideArchive(path: path, realPath: resolved, archive: realPath)
        }
        return resolved
    }

    /// Reads a regular file of the archive within `limit` bytes (see `FileSystem.readFile`),
    /// refusing it before opening when its real path leaves the root. Errors name `path`
    /// as the user knows it.
    func readFile(_ path: String, limit: Int64) throws(IngestError) -> [UInt8] {
        let resolved = try checkedRealPath(of: path)
        do {
            return try FileSystem.readFile(resolved, limit: limit, insideFolder: realPath)
        } catch {
            throw error.naming(path)
        }
    }

    /// The real path of `path`. The corresponding C function is `realpath` (through TalksSystem).
    static func resolve(_ path: String) throws(IngestError) -> String {
        do {
            return try SystemFile.realPath(path.isEmpty ? "." : path)
        } catch where error.code == ENOENT {
            throw .notFound(path: path)
        } catch {
            throw IngestError(error)
        }
    }
}
