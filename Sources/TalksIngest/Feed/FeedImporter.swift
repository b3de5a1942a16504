import TalksModel

/// `talks import-feed`: turns an RSS/podcast feed into episode folders in an archive.
///
/// `FeedPlan` reads the feed (no file system); here each entry becomes
/// `<archive>/<id>/episode.json` plus `transcript.vtt` or `transcript.srt` copied from the
/// local file its `<podcast:transcript>` names, when `FeedTranscriptSource` allows it (a file
/// inside the feed's folder that reads as a transcript; remote URLs are never fetched). A
/// folder is written into a hidden temporary folder in the archive, synced, then renamed into
/// place, so a crash leaves either no folder or a complete one. Existing folders are kept
/// unless `force` is set; then the old folder is swapped out by rename and removed afterwards.
public enum FeedImporter {
    /// What one import did.
    public struct Outcome: Sendable, Hashable {
        /// Episode folders written (new or replaced).
        public var written: [String] = []
        /// Episode folders left alone because they existed and `force` was not set.
        public var kept: [String] = []
        public var diagnostics: [Diagnostic] = []

        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
        /// 0, or 65 when an item could not be imported.
        public var exitStatus: Int32 { hasErrors ? ExitStatus.dataError : ExitStatus.success }
    }

    public static func importFeed(_ feedPath: String, into archive: String, force: Bool = false) throws(IngestError) -> Outcome {
        let bytes = try FileSystem.readFile(feedPath, limit: IngestLimits.maximumFeedFileBytes)
        let plan = try FeedPlan(feed: bytes, file: feedPath)
        switch FileSystem.kind(of: archive) {
        case nil: try FileSystem.makeDirectory(archive)
        case .directory?: break
        default: throw .wrongKind(path: archive, expected: "a folder to import into")
        }
        var outcome = Outcome(diagnostics: plan.diagnostics)
        for entry in plan.entries {
            let episode = entry.episode
            let folder = FileSystem.join(archive, episode.id)
            if FileSystem.kind(of: folder) != nil, !force {
                outcome.kept.append(folder)
                outcome.diagnostics.append(Diagnostic(.warning, file: folder, "already exists; kept (use --force to replace it)"))
                continue
            }
            let transcript = FeedTranscriptSource.choose(for: entry, feedPath: feedPath, diagnostics: &outcome.diagnostics)
            do {
                try writeFolder(episode: episode, transcript: transcript, folder: folder, archive: archive)
                outcome.written.append(folder)
            } catch {
                outcome.diagnostics.append(Diagnostic(.error, file: folder, line: nil, "not written: \(error)"))
            }
        }
        FileSystem.syncDirectory(archive)
        return outcome
    }

    /// Writes the folder under a temporary name, then renames it into place (`EpisodeFolderWriter`).
    static func writeFolder(episode: Episode, transcript: FeedTranscriptSource.TranscriptFile?, folder: String, archive: String) throws(IngestError) {
        var files = [EpisodeFolderWriter.File(name: "episode.json", bytes: Array((JSONWriter(pretty: true).string(metadataJSON(episode)) + "\n").utf8))]
        if let transcript { files.append(EpisodeFolderWriter.File(name: transcript.name, bytes: transcript.bytes)) }
        try EpisodeFolderWriter.write(files, id: episode.id, archive: archive)
    }

    /// The `episode.json` an organiser would write, fields in the documented order. The id is
    /// the folder name, so it is not repeated.
    static func metadataJSON(_ episode: Episode) -> JSONValue {
        var members: [JSONMember] = []
        if let series = episode.series { members.append(JSONMember("series", .string(series))) }
        if let number = episode.number { members.append(JSONMember("number", .integer(Int64(number)))) }
        members.append(JSONMember("title", .string(episode.title)))
        if let date = episode.date { members.append(JSONMember("date", .string(date))) }
        members.append(JSONMember("language", .string(episode.language)))
        if !episode.speakers.isEmpty {
            members.append(JSONMember("speakers", .array(episode.speakers.map { speaker in
                var fields = [JSONMember("name", .string(speaker.name))]
                if let organisation = speaker.organisation { fields.append(JSONMember("organisation", .string(organisation))) }
                return .object(fields)
            })))
        }
        if let description = episode.description { members.append(JSONMember("description", .string(description))) }
        if let recording = episode.recording { members.append(JSONMember("recording", .string(recording.text))) }
        if let page = episode.page { members.append(JSONMember("page", .string(page.text))) }
        if !episode.tags.isEmpty { members.append(JSONMember("tags", .array(episode.tags.map(JSONValue.string)))) }
        if let duration = episode.duration { members.append(JSONMember("duration", .number(duration))) }
        if !episode.chapters.isEmpty {
            members.append(JSONMember("chapters", .array(episode.chapters.map { chapter in
                .object([JSONMember("start", .number(chapter.start)), JSONMember("title", .string(chapter.title))])
            })))
        }
        return .object(members)
    }
}
