#if canImport(Glibc)
import Glibc
#endif
import Foundation
import TalksModel
import TalksSystem

/// The synonym files a searcher applies, re-read whenever one changes: what makes
/// `synonyms.txt` a query-time setting (editing it needs no re-ingest, and a running server
/// picks the edit up on its next request).
///
/// `current()` costs one `stat` per file per query; a file is parsed again only when its
/// identity (inode, size, modification time to the nanosecond) differs from what was read.
/// A file that is missing or unreadable contributes nothing (and is looked at again on the
/// next query). Lines with errors are left out (`SynonymFile`); `talks check` reports them.
final class SynonymSource: @unchecked Sendable {
    let paths: [String]
    private let lock = NSLock()
    private var stamps: [FileStamp?] = []
    private var table = SynonymTable.empty
    private var loaded = false

    init(paths: [String]) {
        self.paths = paths
    }

    /// The groups of the files as they are now.
    func current() -> SynonymTable {
        // A folder or device where a file was expected counts as missing.
        let now = paths.map { path in FileStamp(path: path).flatMap { $0.isRegularFile ? $0 : nil } }
        lock.lock()
        defer { lock.unlock() }
        if loaded && now == stamps { return table }
        var files: [SynonymFile] = []
        for (path, stamp) in zip(paths, now) where stamp != nil {
            guard let stamp, stamp.size <= Int64(SynonymFile.maximumFileBytes),
                  let bytes = try? SystemFile.readFile(path) else { continue }
            files.append(SynonymFile.parse(bytes, path: path))
        }
        table = SynonymTable(files: files)
        stamps = now
        loaded = true
        return table
    }

    /// `synonyms.txt` of each archive folder holding one of `sourcePaths` (episode folders
    /// or files as ingest named them): the files of the archives an index was built from.
    static func archiveFiles(forEpisodeSources sourcePaths: [String]) -> [String] {
        var folders: [String] = []
        var seen: Set<String> = []
        for path in sourcePaths {
            let folder = parent(of: path)
            if seen.insert(folder).inserted { folders.append(folder) }
        }
        return folders.map { $0 == "/" ? "/" + SynonymFile.fileName : $0 + "/" + SynonymFile.fileName }
    }

    /// The folder holding `path` ("." for a bare name), without trailing slashes.
    static func parent(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        if slash == trimmed.startIndex { return "/" }
        var folder = trimmed[..<slash]
        while folder.count > 1, folder.hasSuffix("/") { folder.removeLast() }
        return String(folder)
    }
}
