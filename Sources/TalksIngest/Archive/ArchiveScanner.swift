import TalksModel

/// Finds the episode folders under the paths a user names, without reading transcripts.
///
/// Each `episode.json` is read here, once: its `id` decides duplicates and the order, and
/// the source keeps the parsed file and its content hash begun, so `EpisodeLoader` reads
/// only the transcript (and `episode.html`, whose id is the folder name). The parsed files
/// kept add up to `IngestLimits.maximumScanKeptMetadataBytes` at most; past that an episode
/// keeps only its id and its metadata is read again on load.
///
/// A path may be an archive (a folder of episode folders) or one episode folder (it holds
/// `episode.json` or `episode.html`). Hidden entries (starting with ".") are skipped, as are
/// plain files in an archive (`README.md`). A folder with a transcript but no metadata is an
/// error; a folder with neither is skipped with a warning. Two folders with one id are an
/// error naming both; the first in path order is kept. Results are sorted by id so every
/// run ingests in the same order.
///
/// Each path has an `ArchiveRoot`: an archive is its own, an episode folder named on its
/// own belongs to the folder that holds it. An episode folder whose real path leaves its
/// archive (a symbolic link to a folder elsewhere) is an error and is neither listed nor read.
public enum ArchiveScanner {
    public static let metadataNames = ["episode.json", "episode.html"]
    public static let transcriptNames = ["transcript.vtt", "transcript.srt"]

    /// Scans `paths`; throws only when a path itself does not exist or is not a folder.
    public static func scan(_ paths: [String]) throws(IngestError) -> ArchiveScan {
        try scan(paths, keepingMetadataBytes: IngestLimits.maximumScanKeptMetadataBytes)
    }

    /// Scans `paths`, keeping parsed `episode.json` files up to `budget` bytes in all (an
    /// ingest passes a share of its memory budget: `keptMetadataBytes(memoryBudget:)`).
    public static func scan(_ paths: [String], keepingMetadataBytes budget: Int) throws(IngestError) -> ArchiveScan {
        var scan = ArchiveScan()
        var kept = KeptMetadata(budget: budget)
        var candidates: [EpisodeSource] = []
        for path in paths {
            guard let kind = FileSystem.kind(of: path) else { throw .notFound(path: path) }
            guard kind == .directory else {
                throw .wrongKind(path: path, expected: "an archive folder or an episode folder")
            }
            let names = try FileSystem.listDirectory(path)
            if names.contains(where: metadataNames.contains) {
                let archive = try ArchiveRoot.holding(path)
                if isInside(archive, folder: path, diagnostics: &scan.diagnostics),
                   let source = source(folder: path, names: names, archive: archive, kept: &kept,
                                       diagnostics: &scan.diagnostics) {
                    candidates.append(source)
                }
                continue
            }
            let archive = try ArchiveRoot.archive(path)
            for name in names where !name.hasPrefix(".") {
                let folder = FileSystem.join(path, name)
                guard FileSystem.kind(of: folder) == .directory,
                      isInside(archive, folder: folder, diagnostics: &scan.diagnostics) else { continue }
                let inner: [String]
                do {
                    inner = try FileSystem.listDirectory(folder)
                } catch {
                    scan.diagnostics.append(Diagnostic(.error, file: folder, "cannot read the folder: \(error)"))
                    continue
                }
                if let source = source(folder: folder, names: inner, archive: archive, kept: &kept,
                                       diagnostics: &scan.diagnostics) {
                    candidates.append(source)
                }
            }
        }
        scan.sources = removeDuplicates(candidates, diagnostics: &scan.diagnostics)
        scan.sources.sort { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
        return scan
    }

    /// Whether an episode folder's real path lies inside `archive`; an error naming both
    /// paths when it does not (a folder linked from elsewhere is never listed or read).
    static func isInside(_ archive: ArchiveRoot, folder: String, diagnostics: inout [Diagnostic]) -> Bool {
        do {
            _ = try archive.checkedRealPath(of: folder)
            return true
        } catch {
            diagnostics.append(EpisodeLoader.diagnostic(for: error, file: folder, kind: "an episode folder"))
            return false
        }
    }

    /// The `episode.json` bytes an ingest within `memoryBudget` keeps parsed from its scan:
    /// a 16th of the budget, at most `IngestLimits.maximumScanKeptMetadataBytes`. Parsed,
    /// a file takes more than its bytes (strings, paths, the hash begun): at 50,000
    /// episodes of 800 bytes the 40 MB of files kept held the process's baseline near
    /// 170 MB before anything was built, which left the builders 30 MB and made 160 segments.
    public static func keptMetadataBytes(memoryBudget: Int) -> Int {
        min(IngestLimits.maximumScanKeptMetadataBytes, max(0, memoryBudget / 16))
    }

    /// How many `episode.json` bytes the scan keeps parsed, and how many it may.
    struct KeptMetadata {
        let budget: Int
        var bytes = 0
    }

    /// The source for one folder, or nil (with a diagnostic) when it has no metadata.
    static func source(
        folder: String, names: [String], archive: ArchiveRoot, kept: inout KeptMetadata, diagnostics: inout [Diagnostic]
    ) -> EpisodeSource? {
        let present = Set(names)
        let transcripts = transcriptNames.filter(present.contains)
        guard let metadataName = metadataNames.first(where: present.contains) else {
            if transcripts.isEmpty {
                diagnostics.append(Diagnostic(.warning, file: folder, "no episode.json or episode.html; the folder is skipped"))
            } else {
                diagnostics.append(Diagnostic(.error, file: folder, "has \(transcripts[0]) but no episode.json or episode.html; add the metadata"))
            }
            return nil
        }
        if metadataNames.allSatisfy(present.contains) {
            diagnostics.append(Diagnostic(.warning, file: folder, "has both episode.json and episode.html; episode.json is used"))
        }
        if transcripts.count > 1 {
            diagnostics.append(Diagnostic(.warning, file: folder, "has both transcript.vtt and transcript.srt; transcript.vtt is used"))
        }
        let metadataPath = FileSystem.join(folder, metadataName)
        var source = EpisodeSource(
            id: FileSystem.folderName(folder), folder: folder, metadataPath: metadataPath,
            transcriptPath: transcripts.first.map { FileSystem.join(folder, $0) }, archive: archive)
        if present.contains(ChaptersFile.name) { source.chaptersPath = FileSystem.join(folder, ChaptersFile.name) }
        // Errors in the file are left for `EpisodeLoader`, which reports them with lines.
        if metadataPath.hasSuffix(".json") {
            let file = MetadataFile.read(metadataPath, folder: folder, archive: archive)
            if let declared = file.metadata.declaredID { source.id = declared }
            source.declaredIDLine = file.metadata.declaredIDLine
            kept.bytes += file.byteCount
            if kept.bytes <= kept.budget { source.metadataFile = file }
        }
        return source
    }

    static func removeDuplicates(_ candidates: [EpisodeSource], diagnostics: inout [Diagnostic]) -> [EpisodeSource] {
        var firstFolder: [String: String] = [:]
        var kept: [EpisodeSource] = []
        for source in candidates {
            if let earlier = firstFolder[source.id] {
                if earlier == source.folder { continue }  // the same folder named twice

                let declaredAt = source.declaredIDLine.map {
                    " (declared at \(FileSystem.lastComponent(source.metadataPath)):\($0))"
                } ?? ""
                diagnostics.append(Diagnostic(
                    .error, file: source.folder,
                    "duplicate episode id \(Excerpt.quoted(source.id, quote: "'"))\(declaredAt): also used by \(earlier); this folder is skipped"))
                continue
            }
            firstFolder[source.id] = source.folder
            kept.append(source)
        }
        return kept
    }
}
