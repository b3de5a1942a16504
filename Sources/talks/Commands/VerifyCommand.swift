import TalksIndex
import TalksModel

/// `talks verify`: checks every checksum and cross-reference of the index.
struct VerifyCommand: Command {
    static let configuration = CommandConfiguration(
        name: "verify",
        abstract: "Check every file of the index (CRC-32C checksums and cross-references).",
        discussion: """
            Reads every byte: the manifest's checksum, each segment file's header, version and
            CRC-32C footer, the term order, every postings list and its positions, field length
            totals, stored episodes and cues, and that no episode is live twice. Prints each
            problem with the file it is in. A corrupt index is rebuilt with 'talks ingest' into
            an empty directory. --json prints {"ok", "generation", "segments", "files", "bytes",
            "episodes", "cues", "problems", "warnings"}.
            """,
        options: [CommonOptions.index, CommonOptions.json],
        examples: ["talks verify", "talks verify --index /var/lib/talks/index --json"],
        exitStatuses: [
            ExitStatusSpec(status: 0, meaning: "The index is sound."),
            ExitStatusSpec(status: 1, meaning: "Something is corrupt (each problem is printed), or there is no index."),
            .usage,
        ]
    )

    let index: String
    let json: Bool

    init(_ arguments: ParsedArguments) throws(UsageError) {
        index = arguments[CommonOptions.index]
        json = arguments[CommonOptions.json]
    }

    func run() throws -> Int32 {
        let report = try IndexVerifier.verify(directory: index)
        if json {
            let document: JSONValue = .object([
                "ok": .bool(!report.isCorrupt), "generation": .integer(Int64(report.generation)),
                "segments": .integer(Int64(report.segments)), "files": .integer(Int64(report.files)),
                "bytes": .integer(Int64(report.bytes)), "episodes": .integer(Int64(report.episodes)),
                "cues": .integer(Int64(report.cues)),
                "problems": .array(report.problems.map { .string($0.description) }),
                "warnings": .array(report.warnings.map { .string($0) }),
            ])
            Console.standardOutput(JSONWriter().string(document) + "\n")
        } else {
            for problem in report.problems { Console.outputLine("error: \(problem)") }
            for warning in report.warnings { Console.outputLine("warning: \(warning)") }
            let verdict = report.isCorrupt ? "CORRUPT (\(counted(report.problems.count, "problem")))" : "ok"
            Console.outputLine("\(index)/: \(verdict): generation \(report.generation), \(counted(report.segments, "segment")), \(counted(report.files, "file")), \(counted(report.bytes, "byte")), \(counted(report.episodes, "episode")), \(counted(report.cues, "cue")) checked")
        }
        return report.isCorrupt ? ExitStatus.failure : ExitStatus.success
    }
}
