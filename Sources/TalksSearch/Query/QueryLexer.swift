/// Splits query text into the lexical pieces the `QueryParser` works with: words, prefixes,
/// phrases, filters, `OR`, parentheses and the `-` of negation.
///
/// Pure and allocation-light; a query is at most `QueryParser.Limits.maximumBytes` long.
/// Columns are 1-based Unicode scalar positions, which for NFC text are the characters a
/// user sees.
struct QueryLexer {
    enum Kind: Hashable {
        case word(String)
        case prefix(String)
        case phrase(String)
        case filter(name: String, value: String)
        case or
        case openParenthesis
        case closeParenthesis
    }

    struct Lexeme: Hashable {
        var kind: Kind
        var negated: Bool
        /// Column of the lexeme's first character (the `-` when negated).
        var column: Int
    }

    static let filterNames: Set<String> = ["speaker", "series", "year", "after", "before"]

    private let scalars: [Unicode.Scalar]
    private var position = 0

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar == "\u{00A0}"
    }

    /// Ends a bare word: whitespace, a quote or a parenthesis.
    private static func endsWord(_ scalar: Unicode.Scalar) -> Bool {
        isSpace(scalar) || scalar == "\"" || scalar == "(" || scalar == ")"
    }

    mutating func lexemes() throws(QueryError) -> [Lexeme] {
        var result: [Lexeme] = []
        while true {
            while position < scalars.count, Self.isSpace(scalars[position]) { position += 1 }
            guard position < scalars.count else { return result }
            let start = position
            var negated = false
            while position < scalars.count, scalars[position] == "-" {
                negated = true
                position += 1
            }
            if negated && (position >= scalars.count || Self.isSpace(scalars[position])) {
                continue  // a lone "-" between words is punctuation, not an operator
            }
            let column = start + 1
            let scalar = scalars[position]
            if scalar == "\"" {
                let text = try quoted()
                result.append(Lexeme(kind: .phrase(text), negated: negated, column: column))
                try rejectWildcardAfterQuote()
                continue
            }
            if scalar == "(" {
                position += 1
                result.append(Lexeme(kind: .openParenthesis, negated: negated, column: column))
                continue
            }
            if scalar == ")" {
                position += 1
                if negated {
                    throw QueryError(.danglingOperator, column: column, "'-' must be followed by a word, a \"phrase\" or a group, not ')'")
                }
                result.append(Lexeme(kind: .closeParenthesis, negated: false, column: column))
                continue
            }
            let wordStart = position
            var filter: (name: String, value: String)?
            while position < scalars.count, !Self.endsWord(scalars[position]) {
                if scalars[position] == ":", let found = try filterAt(wordStart: wordStart, column: column) {
                    filter = found
                    break
                }
                position += 1
            }
            if let filter {
                if negated {
                    throw QueryError(.negatedFilter, column: column, "a filter cannot be negated; write '\(filter.name):…' without '-'")
                }
                result.append(Lexeme(kind: .filter(name: filter.name, value: filter.value), negated: false, column: column))
                continue
            }
            let word = String(String.UnicodeScalarView(scalars[wordStart..<position]))
            result.append(Lexeme(kind: try classify(word, column: wordStart + 1, negated: negated), negated: negated, column: column))
        }
    }

    private func classify(_ word: String, column: Int, negated: Bool) throws(QueryError) -> Kind {
        if word == "OR" && !negated { return .or }
        guard word.unicodeScalars.contains("*") else { return .word(word) }
        var stem = word.unicodeScalars
        while stem.last == "*" { stem.removeLast() }
        if let star = stem.firstIndex(of: "*") {
            let offset = stem.distance(from: stem.startIndex, to: star)
            throw QueryError(.misplacedWildcard, column: column + offset,
                             "'*' is only allowed at the end of a word (a prefix search like livsm*)")
        }
        let prefix = String(stem)
        let letters = prefix.unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }.count
        if letters < 2 {
            throw QueryError(.emptyPrefix, column: column,
                             "a prefix search needs at least two letters before '*', e.g. livsm*")
        }
        return .prefix(prefix)
    }

    /// Reads a `"…"` starting at `position`; returns the text between the quotes.
    private mutating func quoted() throws(QueryError) -> String {
        let open = position
        position += 1
        let textStart = position
        while position < scalars.count, scalars[position] != "\"" { position += 1 }
        guard position < scalars.count else {
            throw QueryError(.unclosedQuote, column: open + 1, "the quote opened here is never closed; add a closing '\"'")
        }
        let text = String(String.UnicodeScalarView(scalars[textStart..<position]))
        position += 1
        if !text.unicodeScalars.contains(where: { !Self.isSpace($0) }) {
            throw QueryError(.emptyPhrase, column: open + 1, "the quotes hold no words; write a phrase between them, e.g. \"Landet lär\"")
        }
        return text
    }

    private func rejectWildcardAfterQuote() throws(QueryError) {
        if position < scalars.count, scalars[position] == "*" {
            throw QueryError(.misplacedWildcard, column: position + 1, "'*' cannot follow a \"phrase\"; use it at the end of a single word")
        }
    }

    /// When the word from `wordStart` up to the `:` at `position` names a filter, reads its
    /// value (bare or quoted), leaves `position` after it and returns it.
    private mutating func filterAt(wordStart: Int, column: Int) throws(QueryError) -> (name: String, value: String)? {
        let name = String(String.UnicodeScalarView(scalars[wordStart..<position])).lowercased()
        guard Self.filterNames.contains(name) else { return nil }
        position += 1  // the colon
        var value: String
        if position < scalars.count, scalars[position] == "\"" {
            value = try quoted()
        } else {
            let valueStart = position
            while position < scalars.count, !Self.endsWord(scalars[position]) { position += 1 }
            value = String(String.UnicodeScalarView(scalars[valueStart..<position]))
        }
        value = value.trimmingSpaces()
        if value.isEmpty {
            throw QueryError(.missingFilterValue, column: column,
                             "'\(name):' needs a value right after the colon, e.g. \(Self.example(for: name))")
        }
        return (name, value)
    }

    static func example(for filter: String) -> String {
        switch filter {
        case "speaker": return "speaker:\"Helene Oscarsson\""
        case "series": return "series:\"Landet lär\""
        case "year": return "year:2022"
        case "after": return "after:2022-01-01"
        default: return "before:2023-01-01"
        }
    }
}

extension String {
    /// The text without leading and trailing whitespace.
    func trimmingSpaces() -> String {
        let view = unicodeScalars
        guard let first = view.firstIndex(where: { !QueryLexer.isSpace($0) }),
              let last = view.lastIndex(where: { !QueryLexer.isSpace($0) }) else { return "" }
        return String(view[first...last])
    }
}
