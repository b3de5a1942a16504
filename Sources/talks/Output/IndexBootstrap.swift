import Foundation
import TalksIndex
import TalksModel

/// Zero configuration: when the default `index/` holds no index and `archive/` exists in the
/// current directory, builds the index from it first (one line on stderr says so), so
/// `talks search livsmedelsstrategi` works on a fresh clone.
///
/// Only the default directory is built this way: an `--index DIR` that holds no index is an
/// error, never silently filled with the sample archive (a benchmark or a server pointed at
/// the wrong folder must fail, not answer from other data).
enum IndexBootstrap {
    static let defaultArchive = "archive"

    static func ensureDefaultIndex(at directory: String, isDefault: Bool) throws {
        guard isDefault, !IndexReader.exists(directory: directory) else { return }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: defaultArchive, isDirectory: &isDirectory), isDirectory.boolValue else {
            return  // opening the index reports "no index" with the fix
        }
        Console.errorLine("talks: no index in \(directory)/; building it from \(defaultArchive)/ first…")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let summary = try ArchiveIngester.ingest(paths: [defaultArchive], index: directory)
        for rejection in summary.rejections {
            for diagnostic in rejection.diagnostics { Console.errorLine("\(diagnostic)") }
        }
    }
}
