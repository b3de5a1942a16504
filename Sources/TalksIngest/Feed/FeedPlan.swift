import TalksModel
import TalksTranscript

/// What `talks import-feed` makes of a feed, read from its bytes alone: one entry per
/// usable `<item>` with its episode (id assigned) and the transcripts it names, plus the
/// feed's diagnostics.
///
/// This is the XML half of the import, split from `FeedImporter` (which reads transcript
/// files and writes folders) so that it can be tested and fuzzed without a file system: it
/// opens no file and follows no link. The id is `<itunes:episode>-<title slug>`, or the slug
/// alone, made unique within the feed.
public struct FeedPlan: Sendable, Hashable {
    /// One episode folder the import would write.
    public struct Entry: Sendable, Hashable {
        /// The episode; its `id` is the folder name.
        public var episode: Episode
        /// The line of the `<item>`.
        public var line: Int?
        /// The transcripts the item names, WebVTT first, each with a transcript type or
        /// extension. Which one is imported depends on the files (`FeedTranscriptSource`).
        public var transcripts: [TranscriptReference]
    }

    /// A `<podcast:transcript>` whose type (or, without a type, extension) names WebVTT or SubRip.
    public struct TranscriptReference: Sendable, Hashable {
        /// The `url` attribute as written.
        public var url: String
        public var format: TranscriptFormat
    }

    public var entries: [Entry] = []
    public var diagnostics: [Diagnostic] = []

    /// Reads a feed. A document that is not XML or not RSS, or that expands to more text than
    /// `IngestLimits` allows, is an `IngestError` naming `file`; problems with single items
    /// are diagnostics.
    public init(feed bytes: [UInt8], file: String) throws(IngestError) {
        let feed = try RSSFeed(bytes, file: file)
        diagnostics = feed.diagnostics
        var usedIDs: Set<String> = []
        for (index, item) in feed.items.enumerated() {
            var episode = item.episode
            episode.id = Self.uniqueID(for: episode, position: index + 1, used: &usedIDs)
            let transcripts = Self.references(item, file: file, diagnostics: &diagnostics)
            entries.append(Entry(episode: episode, line: item.line, transcripts: transcripts))
        }
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

    /// The item's transcripts that are WebVTT or SubRip by type or extension, WebVTT first;
    /// a warning naming the item for each of another type.
    static func references(_ item: FeedItem, file: String, diagnostics: inout [Diagnostic]) -> [TranscriptReference] {
        var references: [TranscriptReference] = []
        for link in item.transcripts {
            guard let format = format(of: link) else {
                diagnostics.append(Diagnostic(.warning, file: file, line: item.line,
                    "'\(item.episode.title)': transcript \(link.url) of type \(link.type ?? "unknown") is neither WebVTT nor SubRip; ignored"))
                continue
            }
            references.append(TranscriptReference(url: link.url, format: format))
        }
        let webVTT = references.filter { $0.format == .webVTT }
        return webVTT + references.filter { $0.format != .webVTT }
    }

    /// The format a link's type names or, without a type, its extension names.
    static func format(of link: FeedItem.TranscriptLink) -> TranscriptFormat? {
        switch link.type {
        case "text/vtt"?: return .webVTT
        case "application/x-subrip"?, "application/srt"?, "text/srt"?, "application/x-srt"?: return .srt
        case nil, ""?:
            let name = link.url.split(separator: "?").first.map(String.init) ?? link.url
            let lastComponent = name.split(separator: "/").last.map(String.init) ?? name
            guard lastComponent.contains(".") else { return nil }
            return TranscriptFormat(pathExtension: lastComponent.split(separator: ".").last.map(String.init) ?? "")
        default:
            return nil
        }
    }
}
