import TalksIndex
import TalksModel

/// `talks stats [--json]`: sizes and counts of the index.
struct StatsCommand: Command {
    static let configuration = CommandConfiguration(
        name: "stats",
        abstract: "Show the index's generation, counts and bytes per file kind.",
        discussion: """
            Episodes and cues count live ones; terms are distinct over all segments; bytes are
            per file kind (terms, postings, positions, lengths, store, episodes, expansions)
            summed over segments. analysis names the Swedish analysis the segments were
            written with: "lexicon sv_SE <hash>" (Hunspell's sv_SE dictionary, identified by a
            hash of its files), "rules-only" (hunspell-sv-se was not installed), or "mixed (…)"
            when segments differ; then 'talks ingest --rebuild' analyses everything again.
            --json prints the same as one object.
            """,
        options: [CommonOptions.index, CommonOptions.json],
        examples: ["talks stats", "talks stats --json"]
    )

    let index: String
    let json: Bool

    init(_ arguments: ParsedArguments) throws(UsageError) {
        index = arguments[CommonOptions.index]
        json = arguments[CommonOptions.json]
    }

    func run() throws -> Int32 {
        let reader = try IndexReader.open(directory: index)
        let stats = IndexStatistics.compute(reader)
        if json {
            var bytes: [JSONMember] = []
            for kind in FileKind.allCases { bytes.append(JSONMember(kind.rawValue, .integer(Int64(stats.bytes[kind] ?? 0)))) }
            let document: JSONValue = .object([
                "generation": .integer(Int64(stats.generation)), "segments": .integer(Int64(stats.segments)),
                "episodes": .integer(Int64(stats.episodes)), "deleted_episodes": .integer(Int64(stats.deletedEpisodes)),
                "cues": .integer(Int64(stats.cues)), "terms": .integer(Int64(stats.terms)),
                "bytes": .object(bytes), "total_bytes": .integer(Int64(stats.totalBytes)),
                "analysis": .string(reader.analysis),
            ])
            Console.standardOutput(JSONWriter().string(document) + "\n")
            return ExitStatus.success
        }
        var text = "generation   \(stats.generation)\nsegments     \(stats.segments)\n"
        text += "analysis     \(reader.analysis.terminalEscaped)\n"
        if reader.analysis.hasPrefix(IndexAnalysis.mixedPrefix) {
            text += "             segments were analysed differently: 'talks ingest --rebuild' analyses every episode again\n"
        }
        text += "episodes     \(stats.episodes) (\(stats.deletedEpisodes) deleted, not yet merged away)\n"
        text += "cues         \(stats.cues)\nterms        \(stats.terms)\nbytes\n"
        for kind in FileKind.allCases {
            let name = kind.rawValue + String(repeating: " ", count: max(0, 12 - kind.rawValue.count))
            text += "  \(name)\(stats.bytes[kind] ?? 0)\n"
        }
        text += "  total       \(stats.totalBytes)\n"
        Console.standardOutput(text)
        return ExitStatus.success
    }
}
