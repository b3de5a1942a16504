import TalksIngest
import TalksModel

/// `talks check PATH [--json]`: validates an archive, an episode folder or one transcript
/// without indexing. The report is built by `CheckReport` in TalksIngest.
struct CheckCommand: Command {
    static let configuration = CommandConfiguration(
        name: "check",
        abstract: "Validate an archive, an episode folder or a transcript without indexing.",
        discussion: """
            Reads metadata (episode.json or episode.html) and transcripts (transcript.vtt or
            transcript.srt) as ingest would, and prints what talks understood: title, date,
            speakers, the number of cues, chapters (episode.json's "chapters" or a
            chapters.vtt beside the transcript) and voices found, what the reader did (a note
            such as "rolling captions: 3,032 cues → 1,516 lines" for YouTube's automatic
            captions), then every warning and error with file:line. Nothing is written.

            Links (recording, page) that are not http:// or https:// are dropped with a
            warning. A file or episode folder whose real path leaves the archive (a symbolic
            link to elsewhere) is refused unread; a folder or file named on its own belongs
            to the archive that holds it.

            --json prints {"episodes":[{"id", "title", "speakers", "chapters":[{"start",
            "title"}], "cues":[{"id", "start", "end", "speaker", "text"}], "notes",
            "warnings", "errors"}]}; a cue with word timings adds "word_times":
            [[utf8Offset, seconds], …].
            """,
        arguments: [path],
        options: [CommonOptions.json],
        examples: [
            "talks check archive/",
            "talks check archive/landet-lar-55",
            "talks check archive/landet-lar-55/transcript.vtt --json",
        ],
        exitStatuses: [
            ExitStatusSpec(status: 0, meaning: "Everything is valid (warnings may still be printed)."),
            ExitStatusSpec(status: 64, meaning: "The path does not exist or is not a folder, episode.json/.html, .vtt or .srt."),
            ExitStatusSpec(status: 65, meaning: "Something was rejected (the report names the file, line and reason)."),
        ]
    )

    static let path = Argument.single("path", help: "An archive folder, one episode folder, or a .vtt/.srt file.")

    let path: String
    let json: Bool

    init(_ arguments: ParsedArguments) throws(UsageError) {
        path = arguments[Self.path]
        json = arguments[CommonOptions.json]
    }

    func run() throws -> Int32 {
        let report = try CheckReport.check(path)
        if json {
            Console.standardOutput(JSONWriter().string(report.jsonValue()) + "\n")
        } else {
            Console.standardOutput(report.text())
        }
        return report.exitStatus
    }
}
