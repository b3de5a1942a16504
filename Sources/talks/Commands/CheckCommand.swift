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
            speakers, the number of cues and the voices found, then every warning and error
            with file:line. Nothing is written.

            Exit status: 0 when everything is valid, 65 when anything was rejected.
            --json prints {"episodes":[{"id", "title", "speakers", "cues":[{"id", "start",
            "end", "speaker", "text"}], "warnings", "errors"}]}.
            """,
        arguments: [
            ArgumentSpec(name: "path", help: "An archive folder, one episode folder, or a .vtt/.srt file.")
        ],
        options: [CommonOptions.json],
        examples: [
            "talks check archive/",
            "talks check archive/55-vreta-kluster",
            "talks check archive/55-vreta-kluster/transcript.vtt --json",
        ]
    )

    let path: String
    let json: Bool

    init(_ arguments: ParsedArguments) throws(UsageError) {
        guard let path = arguments.positionals.first else {
            throw UsageError(command: Self.configuration.name, message: "missing argument path")
        }
        self.path = path
        json = arguments.has("json")
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
