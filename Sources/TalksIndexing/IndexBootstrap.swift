#if canImport(Glibc)
import Glibc
#endif
import TalksIndex
import TalksSystem

/// Zero configuration: when an index folder holds no index yet, or one written by an older
/// talks in an older format (which this talks cannot read), and the sample archive
/// (`archive/` in the current directory) exists, builds the index from it, so
/// `talks search livsmedelsstrategi` works on a fresh clone and after an upgrade.
///
/// The caller decides when this applies: `talks` uses it for the default `index/` only. An
/// `--index DIR` that holds no index is an error, never silently filled with the sample
/// archive (a benchmark or a server pointed at the wrong folder must fail, not answer from
/// other data).
public enum IndexBootstrap {
    /// The archive folder used when none is named, relative to the current directory.
    public static let defaultArchive = "archive"

    /// Whether `defaultArchive` is a folder here.
    public static var defaultArchiveExists: Bool {
        guard let status = try? SystemFile.status(defaultArchive) else { return false }
        return status.st_mode & S_IFMT == S_IFDIR
    }

    /// Builds the index in `directory` from `defaultArchive` when `directory` holds no index
    /// or one of an older format, and the archive exists. `report` gets the lines to show the
    /// user (one saying so first, then every problem of a rejected episode), without their
    /// newline; they carry data (paths, diagnostics), so a terminal printer must escape them.
    /// Nil when there was nothing to do (opening the index then reports "no index", or
    /// "older format", with the fix).
    @discardableResult
    public static func buildIfMissing(_ directory: String, report: (String) -> Void) throws -> IngestSummary? {
        guard defaultArchiveExists else { return nil }
        let older = IndexReader.olderFormat(directory: directory)
        if let older {
            report("talks: \(directory)/ was written by an older talks (index format \(older)); rebuilding it from \(defaultArchive)/ first…")
        } else if !IndexReader.exists(directory: directory) {
            report("talks: no index in \(directory)/; building it from \(defaultArchive)/ first…")
        } else {
            return nil
        }
        let summary = try ArchiveIndexer.ingest(paths: [defaultArchive], index: directory, replacingOlderFormat: older != nil)
        if let notice = summary.analysisNotice { report("talks: " + notice) }
        for rejection in summary.rejections {
            for diagnostic in rejection.diagnostics { report("\(diagnostic)") }
        }
        return summary
    }
}
