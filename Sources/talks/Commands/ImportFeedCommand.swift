import TalksIngest
import TalksModel

/// `talks import-feed FEED.xml --into ARCHIVE [--force]`: turns a podcast feed into episode
/// folders. The work is done by `FeedImporter` in TalksIngest.
struct ImportFeedCommand: Command {
    static let configuration = CommandConfiguration(
        name: "import-feed",
        abstract: "Create episode folders from an RSS 2.0 / podcast feed.",
        discussion: """
            Each <item> becomes ARCHIVE/<id>/episode.json (title, pubDate as ISO 8601,
            description as plain text, enclosure URL as recording, link as page (each only
            when it is an http(s) link; any other is dropped with a warning), itunes:episode
            as number, the channel title as series, podcast:person as speakers). A
            <podcast:transcript> naming a .vtt or .srt file (by type or extension) in the
            feed's folder or below it, links followed, is copied as transcript.vtt or
            transcript.srt when it is UTF-8 and reads as WebVTT or SubRip with at least one
            cue; any other file is skipped with a warning naming the item. Nothing is
            downloaded.
            The id is "<itunes:episode>-<title>" in lowercase ASCII.

            A feed whose entities expand one field past 1 MiB of text, or all of it past
            4 MiB plus twice the file's size, is refused (exit 65) and nothing is written.

            Each folder is written under a temporary name and renamed into place. Existing
            folders are kept unless --force is given. Run 'talks check ARCHIVE' afterwards.
            """,
        arguments: [feed],
        options: [into, force],
        examples: [
            "talks import-feed landet-lar.xml --into archive/",
            "talks import-feed feeds/landet-lar.xml --into archive/ --force",
        ],
        exitStatuses: [
            .success,
            ExitStatusSpec(status: 1, meaning: "An episode folder could not be written."),
            ExitStatusSpec(status: 64, meaning: "The command line was wrong, or the feed file does not exist."),
            ExitStatusSpec(status: 65, meaning: "The feed is not RSS or expands past the text limits, or an item could not be imported (each is named)."),
        ]
    )

    static let feed = Argument.single("feed", help: "The feed file (RSS 2.0 with itunes: and podcast: namespaces).")
    static let into = Option.required("into", value: "ARCHIVE", help: "The archive folder to create episode folders in.")
    static let force = Flag("force", help: "Replace episode folders that already exist.")

    let feed: String
    let archive: String
    let force: Bool

    init(_ arguments: ParsedArguments) throws(UsageError) {
        feed = arguments[Self.feed]
        archive = arguments[Self.into]
        force = arguments[Self.force]
    }

    func run() throws -> Int32 {
        let outcome = try FeedImporter.importFeed(feed, into: archive, force: force)
        var lines: [String] = []
        for folder in outcome.written { lines.append("wrote  \(folder.terminalEscaped)") }
        for folder in outcome.kept { lines.append("kept   \(folder.terminalEscaped) (exists; --force replaces it)") }
        if !lines.isEmpty { Console.standardOutput(lines.joined(separator: "\n") + "\n") }
        for diagnostic in outcome.diagnostics {
            Console.errorLine("\(diagnostic)")
        }
        Console.standardOutput("\(outcome.written.count) written, \(outcome.kept.count) kept.\n")
        return outcome.exitStatus
    }
}
