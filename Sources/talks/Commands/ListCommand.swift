import TalksIndex
import TalksModel

/// `talks list [--json]`: the episodes in the index.
struct ListCommand: Command {
    static let configuration = CommandConfiguration(
        name: "list",
        abstract: "List the episodes in the index.",
        discussion: """
            One line per episode, sorted by date then id: id, date, number, title and cue
            count. --json prints {"generation":N, "episodes":[{"id", "series", "number",
            "title", "date", "speakers", "cues", "source"}]}.
            """,
        options: [CommonOptions.index, CommonOptions.json],
        examples: ["talks list", "talks list --json --index /var/lib/talks/index"]
    )

    let index: String
    let json: Bool

    init(_ arguments: ParsedArguments) throws(UsageError) {
        index = arguments[CommonOptions.index]
        json = arguments[CommonOptions.json]
    }

    func run() throws -> Int32 {
        let reader = try IndexReader.open(directory: index)
        let rows = try reader.liveEpisodes()
        if json {
            let episodes: [JSONValue] = rows.map { row in
                .object([
                    "id": .string(row.episode.id), "series": .optional(row.episode.series),
                    "number": .optional(row.episode.number), "title": .string(row.episode.title),
                    "date": .optional(row.episode.date),
                    "speakers": .array(row.episode.speakers.map { .string($0.name) }),
                    "cues": .integer(Int64(row.cueCount)), "source": .string(row.source),
                ])
            }
            let document: JSONValue = .object(["generation": .integer(Int64(reader.generation)), "episodes": .array(episodes)])
            Console.standardOutput(JSONWriter().string(document) + "\n")
            return ExitStatus.success
        }
        for row in rows {
            let date = row.episode.date.map { String($0.prefix(10)) } ?? "          "
            let number = row.episode.number.map { "#\($0)" } ?? ""
            Console.outputLine("\(row.episode.id)  \(date)  \(number.isEmpty ? "" : number + " ")\(row.episode.title)  (\(row.cueCount) cues)")
        }
        Console.standardOutput("\(counted(rows.count, "episode")), generation \(reader.generation)\n")
        return ExitStatus.success
    }
}
