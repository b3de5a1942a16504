import TalksIngest
import TalksModel

/// `talks import-ytdlp DIR --into ARCHIVE [--series NAME]`: turns a folder of yt-dlp files
/// (info.json and subtitles) into episode folders. The work is done by `YtDlpImporter` in
/// TalksIngest.
struct ImportYtDlpCommand: Command {
    static let configuration = CommandConfiguration(
        name: "import-ytdlp",
        abstract: "Create episode folders from videos fetched with yt-dlp (metadata and subtitles).",
        discussion: """
            Fetch a channel or playlist's metadata and subtitles (not the videos) with yt-dlp:

              yt-dlp --skip-download --write-info-json --write-subs --write-auto-subs \\
                --sub-langs "sv.*" -o "%(title)s [%(id)s].%(ext)s" URL

            then import that folder. Each "<title> [<id>].info.json" directly in DIR becomes
            ARCHIVE/<site>-<id>/ (youtube-aB3dE5fG7hJ): episode.json with the title, the date
            (release_timestamp or timestamp in UTC, else upload_date), description,
            webpage_url as recording (only an http(s) link; anything else is dropped with a
            warning), duration, tags, chapters, and channel (else uploader) as series unless
            --series is given; and the subtitles as transcript.vtt or transcript.srt.

            Of the video's subtitle files in its language (info.json "language", default sv:
            .sv.vtt, .sv-SE.vtt, .sv-orig.vtt, or .srt), subtitles written by people are
            taken before automatic captions (info.json's "subtitles" and
            "automatic_captions" tell which is which), an automatic -orig track before a
            translated one, plain sv before a variant, WebVTT before SubRip. episode.json
            records the kind: "captions": "human" or "automatic".

            Only files directly in DIR whose real path stays inside it (links followed) are
            read; a subtitle file is copied only when it is UTF-8 and reads as WebVTT or
            SubRip with at least one cue. Every file or video skipped gets a warning naming
            it and why. A video without usable subtitles is skipped (a warning); a malformed
            info.json is an error (exit 65), and the other videos are still imported.

            Safe to re-run: a folder already holding exactly what would be written is not
            touched; a changed one is rewritten atomically, keeping other files you added to
            it (chapters.vtt). Run 'talks check ARCHIVE' afterwards.
            """,
        arguments: [source],
        options: [into, series],
        examples: [
            "talks import-ytdlp downloads/landet-lar --into archive/",
            "talks import-ytdlp downloads/landet-lar --into archive/ --series \"Landet lär\"",
        ],
        exitStatuses: [
            .success,
            ExitStatusSpec(status: 1, meaning: "An episode folder could not be written."),
            ExitStatusSpec(status: 64, meaning: "The command line was wrong, or DIR does not exist or is not a folder."),
            ExitStatusSpec(status: 65, meaning: "An info.json could not be read or is not a yt-dlp video's (each is named); the others were imported."),
        ]
    )

    static let source = Argument.single("dir", help: "The folder yt-dlp wrote the .info.json and subtitle files into.")
    static let into = Option.required("into", value: "ARCHIVE", help: "The archive folder to create episode folders in.")
    static let series = Option.optional("series", value: "NAME", help: "The series of every video (default: the channel, else the uploader).")

    let source: String
    let archive: String
    let series: String?

    init(_ arguments: ParsedArguments) throws(UsageError) {
        source = arguments[Self.source]
        archive = arguments[Self.into]
        series = arguments[Self.series]
    }

    func run() throws -> Int32 {
        let outcome = try YtDlpImporter.importFolder(source, into: archive, series: series)
        var lines: [String] = []
        for folder in outcome.created { lines.append("wrote    \(folder.terminalEscaped)") }
        for folder in outcome.updated { lines.append("updated  \(folder.terminalEscaped)") }
        if !lines.isEmpty { Console.standardOutput(lines.joined(separator: "\n") + "\n") }
        for diagnostic in outcome.diagnostics {
            Console.errorLine("\(diagnostic)")
        }
        Console.standardOutput("\(outcome.created.count) written, \(outcome.updated.count) updated, "
            + "\(outcome.unchanged.count) unchanged, \(outcome.skipped.count) skipped.\n")
        return outcome.exitStatus
    }
}
