import TalksModel
import TalksTranscript

/// `talks import-ytdlp`: turns a folder that yt-dlp filled (`--skip-download
/// --write-info-json --write-subs --write-auto-subs`) into episode folders of an archive.
///
/// Every `<title> [<id>].info.json` directly in the folder is one video (`YtDlpInfo`); its
/// subtitle files `<title> [<id>].<lang>.vtt|srt` are the candidates for its transcript, and
/// the preferred one that passes the checks is copied (`YtDlpSubtitleTrack`). The video
/// becomes `<archive>/<episode id>/` (`YtDlpEpisodeID`) with `episode.json` (the
/// `captions` field saying whether the track is human or automatic) and `transcript.vtt` or
/// `transcript.srt`.
///
/// The same safety rules as `import-feed`: nothing outside the folder is read (each file's
/// real path must lie inside it, links followed, and the open file is checked again), only a
/// regular file within the size limits that is UTF-8 and reads as WebVTT or SubRip with at
/// least one cue is copied, and every skipped file or video gets a warning naming it and
/// what is wrong. A malformed info.json is an error for that video (exit 65); the others are
/// still imported. A video without a usable subtitle file in its language is skipped with a
/// warning (YouTube adds automatic captions some hours after an upload; run again later).
///
/// Re-running is safe and idempotent: a folder whose `episode.json` and transcript already
/// hold exactly the bytes the import would write is not touched; a changed one is written
/// anew (atomically, `EpisodeFolderWriter`), keeping any other files the organiser added to
/// it (a `chapters.vtt`, notes). Folders of videos no longer in the yt-dlp folder are left alone.
public enum YtDlpImporter {
    /// What one import did.
    public struct Outcome: Sendable, Hashable {
        /// Episode folders created.
        public var created: [String] = []
        /// Episode folders rewritten because what the import writes changed.
        public var updated: [String] = []
        /// Episode folders that already held exactly what the import would write.
        public var unchanged: [String] = []
        /// info.json files that gave no episode folder (each has a diagnostic).
        public var skipped: [String] = []
        public var diagnostics: [Diagnostic] = []

        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
        /// 0, or 65 when a video could not be imported because of an error (not a warning).
        public var exitStatus: Int32 { hasErrors ? ExitStatus.dataError : ExitStatus.success }
    }

    static let infoSuffix = ".info.json"

    /// Imports every video of the yt-dlp folder `source` into `archive` (created if missing).
    /// Throws only when `source` is missing or not a folder, or `archive` cannot be made.
    public static func importFolder(_ source: String, into archive: String, series: String? = nil) throws(IngestError) -> Outcome {
        guard let kind = FileSystem.kind(of: source) else { throw .notFound(path: source) }
        guard kind == .directory else { throw .wrongKind(path: source, expected: "a folder of yt-dlp files") }
        let sourceRoot = try ArchiveRoot.archive(source)
        switch FileSystem.kind(of: archive) {
        case nil: try FileSystem.makeDirectory(archive)
        case .directory?: break
        default: throw .wrongKind(path: archive, expected: "a folder to import into")
        }
        let archiveRoot = try ArchiveRoot.archive(archive)
        let names = try FileSystem.listDirectory(source)
        let series = series?.trimmingWhitespace.isEmpty == false ? series?.trimmingWhitespace : nil
        var outcome = Outcome()
        var usedIDs: [String: String] = [:]
        for infoName in names where infoName.hasSuffix(infoSuffix) && !infoName.hasPrefix(".") {
            let infoPath = FileSystem.join(source, infoName)
            guard let info = readInfo(infoPath, root: sourceRoot, series: series, outcome: &outcome) else {
                outcome.skipped.append(infoPath)
                continue
            }
            let id = info.episode.id
            if let earlier = usedIDs[id] {
                outcome.diagnostics.append(Diagnostic(.warning, file: infoPath,
                    "video \(Excerpt.quoted(info.videoID, quote: "'")) was already imported from \(earlier); this file is skipped"))
                outcome.skipped.append(infoPath)
                continue
            }
            usedIDs[id] = infoPath
            let base = String(infoName.dropLast(infoSuffix.count))
            guard let (track, bytes) = chooseTrack(info, base: base, source: source, names: names, root: sourceRoot,
                                                   infoPath: infoPath, diagnostics: &outcome.diagnostics) else {
                outcome.skipped.append(infoPath)
                continue
            }
            var metadata = FeedImporter.metadataJSON(info.episode)
            if case .object(var members) = metadata, let captions = track.kind.captionsValue {
                members.append(JSONMember("captions", .string(captions)))
                metadata = .object(members)
            }
            let files = [
                EpisodeFolderWriter.File(name: "episode.json", bytes: Array((JSONWriter(pretty: true).string(metadata) + "\n").utf8)),
                EpisodeFolderWriter.File(name: track.format == .webVTT ? "transcript.vtt" : "transcript.srt", bytes: bytes),
            ]
            let folder = FileSystem.join(archive, id)
            do {
                switch try EpisodeFolderUpdate.apply(files, id: id, archive: archive, root: archiveRoot,
                                                     diagnostics: &outcome.diagnostics) {
                case .created: outcome.created.append(folder)
                case .updated: outcome.updated.append(folder)
                case .unchanged: outcome.unchanged.append(folder)
                }
            } catch {
                outcome.diagnostics.append(Diagnostic(.error, file: folder, "not written: \(error)"))
                outcome.skipped.append(infoPath)
            }
        }
        if outcome.created.isEmpty, outcome.updated.isEmpty, outcome.unchanged.isEmpty, outcome.skipped.isEmpty {
            outcome.diagnostics.append(Diagnostic(.warning, file: source,
                "no yt-dlp .info.json files here; fetch them with yt-dlp --skip-download --write-info-json --write-subs --write-auto-subs"))
        }
        FileSystem.syncDirectory(archive)
        return outcome
    }

    /// The info.json read inside the folder and parsed; nil (with its diagnostics) when it
    /// gives no video.
    static func readInfo(_ path: String, root: ArchiveRoot, series: String?, outcome: inout Outcome) -> YtDlpInfo? {
        let bytes: [UInt8]
        do {
            bytes = try root.readFile(path, limit: IngestLimits.maximumInfoJSONBytes)
        } catch {
            outcome.diagnostics.append(readProblem(error, file: path, kind: "a yt-dlp info.json", severity: .error,
                                                   consequence: "the video is not imported"))
            return nil
        }
        let (info, diagnostics) = YtDlpInfo.read(bytes, file: path, series: series)
        outcome.diagnostics += diagnostics
        return info
    }

    /// The preferred subtitle file of the video that passes every check, with its bytes; nil
    /// (with a warning) when there is none. Each candidate that fails gets a warning.
    static func chooseTrack(
        _ info: YtDlpInfo, base: String, source: String, names: [String], root: ArchiveRoot,
        infoPath: String, diagnostics: inout [Diagnostic]
    ) -> (YtDlpSubtitleTrack, [UInt8])? {
        var candidates = names.compactMap { YtDlpSubtitleTrack.parse(fileName: $0, base: base, info: info) }
        let others = candidates.filter { !$0.isIn(info.episode.language) }.map(\.language)
        candidates = candidates.filter { $0.isIn(info.episode.language) }
        candidates.sort { $0.isPreferred(to: $1) }
        for track in candidates {
            let path = FileSystem.join(source, track.fileName)
            let bytes: [UInt8]
            do {
                bytes = try root.readFile(path, limit: IngestLimits.maximumTranscriptFileBytes)
            } catch {
                diagnostics.append(readProblem(error, file: path, kind: "a transcript", severity: .warning, consequence: "not copied"))
                continue
            }
            if let problem = TranscriptFileCheck.problem(bytes, format: track.format, file: path) {
                diagnostics.append(Diagnostic(.warning, file: path, problem))
                continue
            }
            return (track, bytes)
        }
        let language = info.episode.language
        var message = "video \(Excerpt.quoted(info.episode.title, limit: 80, quote: "'")) is not imported: "
        message += candidates.isEmpty ? "no subtitle file in its language \"\(language)\" (\(base).\(language).vtt)"
            : "none of its \"\(language)\" subtitle files could be used"
        if candidates.isEmpty, !others.isEmpty { message += "; found only \(Set(others).sorted().joined(separator: ", "))" }
        message += ". Fetch subtitles with yt-dlp --write-subs --write-auto-subs --sub-langs \"\(language).*\""
        diagnostics.append(Diagnostic(.warning, file: infoPath, message))
        return nil
    }

    /// Why a file of the yt-dlp folder could not be read, and what follows from it.
    static func readProblem(
        _ error: IngestError, file: String, kind: String, severity: Diagnostic.Severity, consequence: String
    ) -> Diagnostic {
        if case .outsideArchive(_, let realPath, let folder) = error {
            return Diagnostic(severity, file: file, "refused: its real path \(realPath) is outside the yt-dlp folder \(folder) "
                + "(links are followed, and only files inside the folder are read); \(consequence)")
        }
        var problem = EpisodeLoader.diagnostic(for: error, file: file, kind: kind)
        problem.severity = severity
        problem.message += "; \(consequence)"
        return problem
    }
}
