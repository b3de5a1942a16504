#if canImport(Glibc)
import Glibc
#endif
import Foundation
import TalksModel
import TalksTranscript

/// `talks import-feed`: turns an RSS/podcast feed into episode folders in an archive.
///
/// Each item becomes `<archive>/<id>/episode.json` plus `transcript.vtt` or `transcript.srt`
/// copied from the local file its `<podcast:transcript>` names (relative to the feed, or a
/// `file:` URL; remote URLs are never fetched), provided it reads as a transcript: a file
/// `TranscriptReader` rejects outright is not copied. The id is `<itunes:episode>-<title slug>`, or
/// the slug alone. A folder is written into a hidden temporary folder in the archive, synced,
/// then renamed into place, so a crash leaves either no folder or a complete one. Existing
/// folders are kept unless `force` is set; then the old folder is swapped out by rename and
/// removed afterwards.
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
        let bytes = try FileSystem.readFile(feedPath)
        let feed = try RSSFeed(bytes, file: feedPath)
        switch FileSystem.kind(of: archive) {
        case nil: try FileSystem.makeDirectory(archive)
        case .directory?: break
        default: throw .wrongKind(path: archive, expected: "a folder to import into")
        }
        var outcome = Outcome(diagnostics: feed.diagnostics)
        var usedIDs: Set<String> = []
        for (index, item) in feed.items.enumerated() {
            var episode = item.episode
            episode.id = uniqueID(for: episode, position: index + 1, used: &usedIDs)
            let folder = FileSystem.join(archive, episode.id)
            if FileSystem.kind(of: folder) != nil, !force {
                outcome.kept.append(folder)
                outcome.diagnostics.append(Diagnostic(.warning, file: folder, "already exists; kept (use --force to replace it)"))
                continue
            }
            let transcript = chooseTranscript(item, feedPath: feedPath, diagnostics: &outcome.diagnostics)
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

    /// A transcript file to copy: its bytes and the name it gets in the folder.
    struct TranscriptFile {
        var name: String
        var bytes: [UInt8]
    }

    static func uniqueID(for episode: Episode, position: Int, used: inout Set<String>) -> String {
        var base = EpisodeID.slug(episode.title)
        if let number = episode.number { base = base.isEmpty ? String(number) : "\(number)-\(base)" }
        if base.isEmpty { base = "episode-\(position)" }
        var id = base
        var suffix = 2
        while !used.insert(id).inserted {
            id = "\(base)-\(suffix)"
            suffix += 1
        }
        return id
    }

    /// The first usable local transcript, WebVTT preferred over SubRip.
    static func chooseTranscript(_ item: FeedItem, feedPath: String, diagnostics: inout [Diagnostic]) -> TranscriptFile? {
        var candidates: [(format: TranscriptFormat, link: FeedItem.TranscriptLink)] = []
        for link in item.transcripts {
            guard let format = format(of: link) else {
                diagnostics.append(Diagnostic(.warning, file: feedPath, line: item.line,
                    "'\(item.episode.title)': transcript \(link.url) of type \(link.type ?? "unknown") is neither WebVTT nor SubRip; ignored"))
                continue
            }
            candidates.append((format, link))
        }
        candidates.sort { $0.format == .webVTT && $1.format != .webVTT }
        for (format, link) in candidates {
            guard let path = localPath(link.url, feedPath: feedPath) else {
                diagnostics.append(Diagnostic(.warning, file: feedPath, line: item.line,
                    "'\(item.episode.title)': transcript \(link.url) is not a local file; talks does not download (add it to the folder by hand)"))
                continue
            }
            let bytes: [UInt8]
            do {
                bytes = try FileSystem.readFile(path)
            } catch {
                diagnostics.append(Diagnostic(.warning, file: feedPath, line: item.line, "'\(item.episode.title)': transcript \(error)"))
                continue
            }
            // A file that cannot be a transcript at all is not copied: a feed must not be able
            // to pull an arbitrary local file (file:///etc/…) into an archive that gets published.
            do {
                _ = try TranscriptReader.read(bytes, format: format, file: path)
            } catch {
                diagnostics.append(Diagnostic(.warning, file: path, line: error.line,
                    "\(error.reason); not copied, fix the file and add it to the episode folder by hand"))
                continue
            }
            return TranscriptFile(name: format == .webVTT ? "transcript.vtt" : "transcript.srt", bytes: bytes)
        }
        diagnostics.append(Diagnostic(.warning, file: feedPath, line: item.line,
            "'\(item.episode.title)': no local transcript; add transcript.vtt or transcript.srt to the folder before ingesting"))
        return nil
    }

    static func format(of link: FeedItem.TranscriptLink) -> TranscriptFormat? {
        switch link.type {
        case "text/vtt"?: return .webVTT
        case "application/x-subrip"?, "application/srt"?, "text/srt"?, "application/x-srt"?: return .srt
        case nil, ""?:
            let name = link.url.split(separator: "?").first.map(String.init) ?? link.url
            return TranscriptFormat(pathExtension: name.split(separator: ".").last.map(String.init) ?? "")
        default:
            return nil
        }
    }

    /// A relative URL or `file:` URL as a path (relative ones resolved against the feed's
    /// folder); nil for anything with another scheme.
    static func localPath(_ url: String, feedPath: String) -> String? {
        var reference = url
        if let colon = reference.firstIndex(of: ":"),
            reference[..<colon].allSatisfy({ $0.isLetter || $0 == "+" || $0 == "-" || $0 == "." }), reference.distance(from: reference.startIndex, to: colon) > 1
        {
            guard reference[..<colon].lowercased() == "file" else { return nil }
            reference = String(reference[reference.index(after: colon)...])
            if reference.hasPrefix("//") {
                reference = String(reference.dropFirst(2))
                guard let slash = reference.firstIndex(of: "/") else { return nil }
                let host = reference[..<slash]
                guard host.isEmpty || host == "localhost" else { return nil }
                reference = String(reference[slash...])
            }
        }
        reference = reference.removingPercentEncoding ?? reference
        guard !reference.isEmpty, !reference.contains("\0") else { return nil }
        if reference.hasPrefix("/") { return reference }
        return FileSystem.join(FileSystem.parent(feedPath), reference)
    }

    /// Writes the folder under a temporary name, then renames it into place.
    static func writeFolder(episode: Episode, transcript: TranscriptFile?, folder: String, archive: String) throws(IngestError) {
        let token = "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let temporary = FileSystem.join(archive, ".import-\(episode.id)-\(token)")
        try FileSystem.makeDirectory(temporary)
        do throws(IngestError) {
            let json = JSONWriter(pretty: true).string(metadataJSON(episode)) + "\n"
            try FileSystem.writeNewFile(FileSystem.join(temporary, "episode.json"), Array(json.utf8))
            if let transcript {
                try FileSystem.writeNewFile(FileSystem.join(temporary, transcript.name), transcript.bytes)
            }
            FileSystem.syncDirectory(temporary)
            if FileSystem.kind(of: folder) != nil {
                let replaced = FileSystem.join(archive, ".replaced-\(episode.id)-\(token)")
                try FileSystem.rename(folder, to: replaced)
                do throws(IngestError) {
                    try FileSystem.rename(temporary, to: folder)
                } catch {
                    try? FileSystem.rename(replaced, to: folder)
                    throw error
                }
                FileSystem.removeTree(replaced)
            } else {
                try FileSystem.rename(temporary, to: folder)
            }
        } catch {
            FileSystem.removeTree(temporary)
            throw error
        }
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
        return .object(members)
    }
}
