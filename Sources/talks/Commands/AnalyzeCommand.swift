import TalksAnalysis
import TalksModel

/// `talks analyze TEXT`: shows what the Swedish analyser makes of a text, token by token,
/// like Elasticsearch's `_analyze`. Users debug their searches with it.
struct AnalyzeCommand: Command {
    static let configuration = CommandConfiguration(
        name: "analyze",
        abstract: "Show how a text is tokenised, normalised, stemmed and split.",
        discussion: """
        Prints one row per token: its position (word ordinal), the text as written, the
        normalised term (NFC, lowercase), the Snowball Swedish stem, the inflection key
        (definite, plural and genitive forms share it: torka, torkan; strategi, strategin),
        the form without diacritics (våtmark → vatmark) and the compound parts. --json adds
        byte offsets into TEXT and the folded form's inflection key.
        A hyphenated word gives its parts and the joined form at the first part's position.
        Compounds are split against a built-in list of common Swedish words plus the words
        of TEXT itself; the index splits against its own vocabulary instead.
        """,
        arguments: [text],
        options: [CommonOptions.json],
        examples: [
            "talks analyze livsmedelsstrategin",
            "talks analyze \"Snabb-bemanning av våtmarkerna i Östergötland 2030\"",
            "talks analyze --json Torkan drabbade skolan",
        ],
        exitStatuses: [.success, .usage]
    )

    static let text = Argument.repeating("text", atLeastOne: true, acceptsDashWords: true,
                                         help: "The text to analyse; several words are joined by spaces.")

    var text: String
    var json: Bool

    init(_ arguments: ParsedArguments) throws(UsageError) {
        text = arguments[Self.text].joined(separator: " ")
        json = arguments[CommonOptions.json]
    }

    func run() throws -> Int32 {
        let tokens = Analyzer().analyzeStandalone(text)
        if json {
            Console.standardOutput(JSONWriter(pretty: true).string(jsonReport(tokens)) + "\n")
        } else {
            Console.standardOutput(table(tokens))
        }
        return ExitStatus.success
    }

    private func surface(_ token: Token) -> String {
        let bytes = Array(text.utf8)
        guard token.utf8Start >= 0, token.utf8Start <= token.utf8End, token.utf8End <= bytes.count else { return token.term }
        return String(decoding: bytes[token.utf8Start..<token.utf8End], as: UTF8.self)
    }

    private func jsonReport(_ tokens: [AnalyzedToken]) -> JSONValue {
        .object([
            "text": .string(text),
            "tokens": .array(tokens.map { analyzed in
                .object([
                    "position": .integer(Int64(analyzed.token.position)),
                    "token": .string(surface(analyzed.token)),
                    "start_offset": .integer(Int64(analyzed.token.utf8Start)),
                    "end_offset": .integer(Int64(analyzed.token.utf8End)),
                    "term": .string(analyzed.token.term),
                    "stem": .string(analyzed.stem),
                    "inflection_key": .string(analyzed.inflectionKey),
                    "folded": .string(analyzed.folded),
                    "folded_key": .string(analyzed.foldedKey),
                    "compound_parts": analyzed.compoundParts.map { .array($0.map(JSONValue.string)) } ?? .null,
                ])
            }),
        ])
    }

    private func table(_ tokens: [AnalyzedToken]) -> String {
        if tokens.isEmpty { return "No tokens: the text has no letters or digits.\n" }
        let header = ["pos", "token", "term", "stem", "key", "folded", "compound"]
        var rows = [header]
        for analyzed in tokens {
            rows.append([
                String(analyzed.token.position), surface(analyzed.token), analyzed.token.term, analyzed.stem,
                analyzed.inflectionKey, analyzed.folded, analyzed.compoundParts?.joined(separator: " + ") ?? "-",
            ].map(\.terminalEscaped))
        }
        var widths = [Int](repeating: 0, count: header.count)
        for row in rows { for (column, cell) in row.enumerated() { widths[column] = max(widths[column], cell.count) } }
        var output = ""
        for row in rows {
            var line = ""
            for (column, cell) in row.enumerated() {
                line += column == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - cell.count + 2)
            }
            output += line + "\n"
        }
        return output
    }
}
