import Foundation
import TalksIndexing
import TalksModel
import TalksSearch

/// `talks search`: runs a query (or a file of queries) and prints the matching episodes
/// with their best moments.
struct SearchCommand: Command {
    static let configuration = CommandConfiguration(
        name: "search",
        abstract: "Search the transcripts and show the matching moments.",
        discussion: """
        Words are ANDed; Swedish inflections, compounds, words typed without å/ä/ö and small
        typos also match (ranked below the exact word); a compound also finds the moments
        that say all its parts in one cue, below the compound itself (unless the compound
        is said in 50 episodes or more: then those fill the pages). Query language:
          torka vatten              both words (in any field of an episode)
          "Landet lär"              the phrase, within one cue or one field (its words
                                    inflected in the same order rank below it)
          livsm*                    every word starting with livsm
          torka OR bevattning       either (OR binds looser than AND; use parentheses)
          mat -kött -"inte alls"    leave out the moments that say a word (any of its forms) or a
                                    phrase; an episode goes when all its matching moments do (or,
                                    matched by title/description/tags alone, when those say it;
                                    with filters only, when it says it anywhere)
          speaker:"Helene Oscarsson"  series:"Landet lär"  year:2022  after:2022-01-01  before:2023-01-01
        A word typed with å/ä/ö matches only with them (lån never finds län); a word typed
        without them also finds its forms with å/ä/ö (vatmark finds våtmark), unless the
        archive says the word as typed in two episodes or more and at least as often as
        those forms (ost in an archive about cheese). A word no one said whose spelling
        with å/ä/ö was said is read as that spelling (algarna finds älgarna, not algerna).
        Each moment shows when its first matched word is said ([mm:ss]; the cue's start where
        the transcript has no word timings), its chapter ([mm:ss · Chapter]) and a link that
        opens the recording 1–2 s before the word. When the default index/ holds no index, or
        one of an older format, and archive/ exists, it is built first (an --index DIR is
        never built implicitly; run 'talks ingest --index DIR').
        speaker:NAME keeps the words to what that speaker says (only their cues match, rank and
        are shown; alone, it lists their cues). Speakers named only by the transcript count.
        synonyms.txt in the archive folder (one group per line: SLU, Sveriges
        lantbruksuniversitet) is read at search time: any alternative also finds the others,
        ranked below the words typed; --explain names the group's file:line.
        """,
        arguments: [query],
        options: [limit, offset, hits, facets, CommonOptions.json, CommonOptions.index, explain, queries],
        examples: [
            "talks search livsmedelsstrategi",
            "talks search '\"Landet lär\" våtmarker' -torka",
            "talks search 'speaker:\"Helene Oscarsson\" kluster' --hits 5",
            "talks search 'Ostergotland after:2022-01-01' --json",
            "talks search 'kluster year:2022' --facets",
            "talks search --queries Benchmarks/queries.txt --index /tmp/index",
        ],
        exitStatuses: [
            ExitStatusSpec(status: 0, meaning: "The search ran (also when nothing matched: 'Menade du: …' suggests words)."),
            ExitStatusSpec(status: 1, meaning: "The index could not be read, or a query of --queries failed."),
            ExitStatusSpec(status: 64, meaning: "The command line or the query is malformed (the column is named)."),
        ]
    )

    /// `SearchRequest`'s own defaults, so the library and the command line cannot disagree.
    private static let requestDefaults = SearchRequest(query: "")
    static let query = Argument.repeating(
        "query", atLeastOne: false, acceptsDashWords: true,
        help: "The query (several words are joined with spaces; -word excludes a word).")
    static let limit = Option.integer("limit", short: "n", default: requestDefaults.limit,
                                      in: 0...SearchLimits.maximumResultsPerPage, help: "Episodes to show.")
    static let offset = Option.integer("offset", default: requestDefaults.offset, in: 0...SearchLimits.maximumOffset,
                                       help: "Episodes to skip, for paging.")
    static let hits = Option.integer("hits", default: requestDefaults.hitsPerEpisode,
                                     in: 0...SearchLimits.maximumHitsPerEpisode, help: "Best matching cues per episode.")
    static let facets = Flag(
        "facets", help: "Also count all matching episodes by series, speaker and year (\"facets\" in JSON; lines under the results).")
    static let explain = Flag("explain", help: "Show how each word expands (inflections, compounds, å/ä/ö, typos, synonyms) instead of results.")
    static let queries = Option.optional(
        "queries", value: "FILE", help: "Run every non-blank line of FILE as a query; print one JSON line (with took_ms) per query.")

    var query: String
    var limit: Int
    var offset: Int
    var hits: Int
    var json: Bool
    var indexDirectory: String
    var usesDefaultIndex: Bool
    var queriesFile: String?
    var explain: Bool
    var countsFacets: Bool

    init(_ arguments: ParsedArguments) throws(UsageError) {
        let name = Self.configuration.name
        query = arguments[Self.query].joined(separator: " ")
        limit = arguments[Self.limit]
        offset = arguments[Self.offset]
        hits = arguments[Self.hits]
        json = arguments[CommonOptions.json]
        indexDirectory = arguments[CommonOptions.index]
        usesDefaultIndex = !arguments.isGiven(CommonOptions.index)
        queriesFile = arguments[Self.queries]
        explain = arguments[Self.explain]
        countsFacets = arguments[Self.facets]
        if queriesFile == nil && query.trimmingCharacters(in: .whitespaces).isEmpty {
            throw UsageError(command: name, message: "missing argument query (or --queries FILE)")
        }
        if queriesFile != nil && !query.isEmpty {
            throw UsageError(command: name, message: "give either a query or --queries FILE, not both")
        }
    }

    func run() throws -> Int32 {
        if usesDefaultIndex { try IndexBootstrap.buildIfMissing(indexDirectory, report: Console.errorLine) }
        let searcher = try Searcher(directory: indexDirectory)
        if let queriesFile {
            return try runBatch(searcher, file: queriesFile)
        }
        if explain {
            Console.standardOutput(ExplanationPrinter.render(try searcher.explain(request(for: query))))
            return ExitStatus.success
        }
        let response = try searcher.search(request(for: query))
        if json {
            Console.standardOutput(response.jsonLine + "\n")
        } else {
            Console.standardOutput(SearchResultPrinter(bold: Console.outputIsTerminal).render(response, offset: offset))
        }
        return ExitStatus.success
    }

    private func request(for text: String) -> SearchRequest {
        SearchRequest(query: text, limit: limit, offset: offset, hitsPerEpisode: hits, countsFacets: countsFacets)
    }

    /// One JSON line per query line; a bad query gives an `"error"` line and the batch goes on.
    private func runBatch(_ searcher: Searcher, file: String) throws -> Int32 {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw SearchCommandError.unreadableQueries(path: file)
        }
        let text = String(decoding: data, as: UTF8.self)
        searcher.reader.prefault()  // many queries: map the index's pages once, up front
        var output = ""
        var failures = 0
        for line in text.split(whereSeparator: \.isNewline) {
            let query = line.trimmingCharacters(in: .whitespaces)
            if query.isEmpty { continue }
            do {
                output += try searcher.search(request(for: query)).jsonLine
            } catch {
                failures += 1
                output += JSONWriter().string(.object(["query": .string(query), "error": .string("\(error)")]))
            }
            output += "\n"
            if output.utf8.count > 1 << 16 {
                Console.standardOutput(output)
                output = ""
            }
        }
        Console.standardOutput(output)
        return failures == 0 ? ExitStatus.success : ExitStatus.failure
    }
}

/// Problems of `talks search` itself (query and index errors come typed from the library).
enum SearchCommandError: TalksError {
    case unreadableQueries(path: String)

    var description: String {
        switch self {
        case .unreadableQueries(let path): return "cannot read the query file \(path)."
        }
    }
}
