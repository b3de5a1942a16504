import TalksIndex
import TalksModel
import TalksSearch

/// `talks export`: the index's current generation as OpenSearch/Elasticsearch bulk NDJSON
/// on stdout. The work is done by `BulkExport` in TalksSearch.
struct ExportCommand: Command {
    static let configuration = CommandConfiguration(
        name: "export",
        abstract: "Write the index as OpenSearch/Elasticsearch bulk JSON lines, for a distributed engine.",
        discussion: """
            For an archive that has outgrown one machine (README, "Running on more than one
            machine"). Writes to stdout, in the bulk API's format (an action line, then a
            document line), one document per live episode into PREFIX-episodes and one per
            cue into PREFIX-cues, the cue's document carrying its episode's id, series,
            number, title, date, tags and speakers, its own number, start and end seconds,
            speaker, text, the deep link into the recording at that second (in the player's
            form, or the episode's link_template) and the title of the chapter it starts in;
            an episode's document carries its chapters. Episodes come
            sorted by date, then id; document ids are the episode id and "<episode id>/<cue
            number>", so loading twice replaces rather than duplicates. Create the indexes
            with a Swedish analyser first (the README describes one), then load the lines in
            parts of a few thousand (the bulk API takes one request at a time):
              talks export > talks.ndjson
              split -l 4000 talks.ndjson part-
              for part in part-*; do curl -s -H 'Content-Type: application/x-ndjson' \\
                --data-binary @"$part" http://localhost:9200/_bulk > /dev/null; done
            A summary goes to stderr.
            """,
        options: [CommonOptions.index, prefix],
        examples: ["talks export", "talks export --index /var/lib/talks/index --prefix kommun"],
        exitStatuses: [.success, ExitStatusSpec(status: 1, meaning: "There is no index, or it could not be read."), .usage]
    )

    static let prefix = Option<String>(
        "prefix", value: "NAME", default: "talks",
        help: "The start of the two index names: NAME-episodes and NAME-cues (lowercase letters, digits, '-', '_')."
    ) { text throws(OptionValueError) in
        let allowed = text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
        guard !text.isEmpty, text.count <= 200, allowed, !text.hasPrefix("-"), !text.hasPrefix("_") else {
            throw OptionValueError(expected: "an index name of lowercase letters, digits, '-' and '_' (not first)")
        }
        return text
    }

    let index: String
    let prefix: String

    init(_ arguments: ParsedArguments) throws(UsageError) {
        index = arguments[CommonOptions.index]
        prefix = arguments[Self.prefix]
    }

    func run() throws -> Int32 {
        let reader = try IndexReader.open(directory: index)
        let summary = try BulkExport.export(reader, prefix: prefix) { Console.standardOutput($0) }
        Console.errorLine("exported \(counted(summary.episodes, "episode")) (\(counted(summary.cues, "cue"))) of generation \(reader.generation) from \(index)/")
        return ExitStatus.success
    }
}
