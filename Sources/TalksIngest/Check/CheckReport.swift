import TalksModel
import TalksTranscript

/// What `talks check` found: one entry per episode (or transcript file) with its metadata,
/// cues, speakers, warnings and errors, built without touching any index.
///
/// An organiser runs `check` before publishing, so the report shows what talks understood
/// (title, date, speakers, cue count) as well as what is wrong, every problem with
/// file:line. The command only prints `text()` or `jsonValue()` and exits with
/// `exitStatus`: 0 when every entry is valid, 65 when anything was rejected.
public struct CheckReport: Sendable, Hashable {
    /// One checked episode, transcript file or problem folder.
    public struct Entry: Sendable, Hashable {
        /// What was checked: an episode folder, a lone transcript file, or a folder the
        /// archive scan could not use as an episode.
        public enum Kind: Sendable, Hashable {
            case episode
            case transcript
            case folder
            /// The archive's `synonyms.txt` (`CheckReport+Synonyms`).
            case synonyms
        }

        public var kind: Kind
        public var id: String
        /// The folder or file checked, as the user named it.
        public var path: String
        /// The parsed metadata, when it was usable.
        public var episode: Episode?
        /// The parsed cues (empty when the transcript was rejected).
        public var cues: [Cue]
        public var warnings: [Diagnostic]
        public var errors: [Diagnostic]
        /// What the transcript reader did that is not a problem (`Transcript.notes`), such as
        /// "rolling captions: 3,032 cues → 1,516 lines".
        public var notes: [Diagnostic]
        /// For a synonyms file: the groups it defines that search will apply.
        public var synonymGroups = 0

        public init(kind: Kind = .episode, id: String, path: String, episode: Episode? = nil, cues: [Cue] = [], warnings: [Diagnostic] = [], errors: [Diagnostic] = [], notes: [Diagnostic] = []) {
            self.kind = kind
            self.id = id
            self.path = path
            self.episode = episode
            self.cues = cues
            self.warnings = warnings
            self.errors = errors
            self.notes = notes
        }

        public var isValid: Bool { errors.isEmpty }

        /// Speaker names: those in the metadata first, then voices found in the cues.
        public var speakers: [String] {
            var names: [String] = []
            var seen: Set<String> = []
            for name in (episode?.speakers.map(\.name) ?? []) + cues.compactMap(\.speaker) where seen.insert(name).inserted {
                names.append(name)
            }
            return names
        }
    }

    public var entries: [Entry]

    public init(entries: [Entry]) {
        self.entries = entries
    }

    public var isValid: Bool { entries.allSatisfy(\.isValid) }

    /// 0 when everything is valid, 65 (data error) when anything was rejected.
    public var exitStatus: Int32 { isValid ? ExitStatus.success : ExitStatus.dataError }

    /// Checks an archive folder, an episode folder, an `episode.json`/`episode.html`, or a
    /// single `.vtt`/`.srt` file. Throws only when the path is missing or of the wrong kind.
    public static func check(_ path: String) throws(IngestError) -> CheckReport {
        guard let kind = FileSystem.kind(of: path) else { throw .notFound(path: path) }
        if kind == .directory {
            var report = checkFolders([path])
            if let synonyms = checkSynonyms(inArchive: path) { report.entries.append(synonyms) }
            return report
        }
        let name = FileSystem.lastComponent(path)
        if ArchiveScanner.metadataNames.contains(name) {
            return checkFolders([FileSystem.parent(path)])
        }
        let extensionText = name.split(separator: ".").last.map(String.init) ?? ""
        guard name.contains("."), TranscriptFormat(pathExtension: extensionText) != nil else {
            throw .wrongKind(path: path, expected: "an archive folder, an episode folder, or a .vtt/.srt transcript")
        }
        return CheckReport(entries: [checkTranscript(path)])
    }

    static func checkFolders(_ paths: [String]) -> CheckReport {
        let scan: ArchiveScan
        do {
            scan = try ArchiveScanner.scan(paths)
        } catch {
            let path = paths.first ?? ""
            return CheckReport(entries: [Entry(kind: .folder, id: FileSystem.folderName(path), path: path, errors: [EpisodeLoader.diagnostic(for: error, file: path)])])
        }
        var entries: [Entry] = []
        for source in scan.sources {
            switch EpisodeLoader.load(source) {
            case .success(let loaded):
                entries.append(Entry(
                    id: loaded.episode.id, path: source.folder, episode: loaded.episode, cues: loaded.transcript.cues,
                    warnings: loaded.diagnostics.filter { $0.severity == .warning }, notes: loaded.transcript.notes))
            case .failure(let rejection):
                entries.append(Entry(
                    id: source.id, path: source.folder,
                    warnings: rejection.diagnostics.filter { $0.severity == .warning }, errors: rejection.errors))
            }
        }
        let byFolder = Dictionary(grouping: scan.diagnostics, by: \.file)
        for folder in byFolder.keys.sorted() {
            let diagnostics = byFolder[folder] ?? []
            let id = scan.sources.first { $0.folder == folder }.map(\.id) ?? FileSystem.folderName(folder)
            if let index = entries.firstIndex(where: { $0.path == folder }) {
                entries[index].warnings += diagnostics.filter { $0.severity == .warning }
                entries[index].errors += diagnostics.filter { $0.severity == .error }
            } else {
                entries.append(Entry(
                    kind: .folder, id: id, path: folder, warnings: diagnostics.filter { $0.severity == .warning },
                    errors: diagnostics.filter { $0.severity == .error }))
            }
        }
        if entries.isEmpty, let path = paths.first {
            entries.append(Entry(
                kind: .folder, id: FileSystem.folderName(path), path: path,
                warnings: [Diagnostic(.warning, file: path, "no episode folders found (an episode folder holds episode.json or episode.html and a transcript)")]))
        }
        return CheckReport(entries: entries)
    }

    /// A transcript file named on its own. One named like an episode's (`transcript.vtt`) is
    /// read as part of the archive that holds its folder, any other (`talk.srt`) as part of its
    /// own folder: either way, not when its real path leaves that folder.
    static func checkTranscript(_ path: String) -> Entry {
        var hasher = ContentHasher()
        var diagnostics: [Diagnostic] = []
        let name = FileSystem.lastComponent(path)
        var transcript: Transcript?
        do {
            let archive = try ArchiveRoot.holding(ArchiveScanner.transcriptNames.contains(name) ? FileSystem.parent(path) : path)
            transcript = EpisodeLoader.readTranscript(path, archive: archive, hasher: &hasher, diagnostics: &diagnostics)
        } catch {
            diagnostics.append(EpisodeLoader.diagnostic(for: error, file: path, kind: "a transcript"))
        }
        // "archive/55-vreta/transcript.vtt" is episode 55-vreta; "talk.srt" is "talk".
        var id = name.split(separator: ".").dropLast().joined(separator: ".")
        if ArchiveScanner.transcriptNames.contains(name) {
            id = FileSystem.folderName(FileSystem.parent(path))
        }
        return Entry(
            kind: .transcript, id: id.isEmpty ? name : id, path: path, cues: transcript?.cues ?? [],
            warnings: diagnostics.filter { $0.severity == .warning }, errors: diagnostics.filter { $0.severity == .error },
            notes: transcript?.notes ?? [])
    }
}
