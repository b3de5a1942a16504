/// Turns query text into a `Query`: the talks query language, parsed strictly.
///
/// Grammar (lowest precedence first):
/// ```
/// query   := or
/// or      := and ("OR" and)*
/// and     := unary+                      (juxtaposition means AND)
/// unary   := "-"? primary | filter
/// primary := word | prefix "*" | "\"" phrase "\"" | "(" or ")"
/// filter  := ("speaker" | "series" | "year" | "after" | "before") ":" (word | "\"" text "\"")
/// ```
/// Filters apply to the whole query wherever they are written. `year:2022` means
/// `after:2022-01-01 before:2023-01-01`, so it narrows any other date filter. `OR` is an operator only in
/// capitals; `or` is a word. Every malformed query throws a `QueryError` naming the column
/// and what was expected; nothing here can trap on any input.
public struct QueryParser: Sendable {
    /// Bounds that keep one query's cost predictable (the server parses untrusted text).
    public struct Limits: Sendable, Hashable {
        /// Longest query accepted, in UTF-8 bytes.
        public var maximumBytes: Int
        /// Most words (counting each word of a phrase) in one query.
        public var maximumTerms: Int
        /// Deepest nesting of parentheses.
        public var maximumDepth: Int

        public init(maximumBytes: Int = SearchLimits.maximumQueryBytes, maximumTerms: Int = SearchLimits.maximumQueryTerms,
                    maximumDepth: Int = SearchLimits.maximumParenthesisDepth) {
            self.maximumBytes = maximumBytes
            self.maximumTerms = maximumTerms
            self.maximumDepth = maximumDepth
        }
    }

    public var limits: Limits

    public init(limits: Limits = Limits()) {
        self.limits = limits
    }

    /// Parses `text`. `externalFilters` says the caller adds filters of its own (the server's
    /// `speaker=` parameter), so a query that is empty or only excludes words is allowed.
    public func parse(_ text: String, externalFilters: Bool = false) throws(QueryError) -> Query {
        if text.utf8.count > limits.maximumBytes {
            throw QueryError(.tooLong, column: nil,
                             "the query is \(text.utf8.count) bytes long; the limit is \(limits.maximumBytes)")
        }
        var lexer = QueryLexer(text)
        let lexemes = try lexer.lexemes()
        var state = State(lexemes: lexemes, limits: limits)
        let expression = try state.parseOr(depth: 0)
        if state.index < lexemes.count {
            let stray = lexemes[state.index]
            throw QueryError(.unbalancedParenthesis, column: stray.column,
                             "this ')' closes no '('; remove it or add a '(' before it")
        }
        let filters = try Self.filters(from: state.filters)
        guard let expression else {
            if filters.isEmpty && !externalFilters {
                throw QueryError(.empty, column: nil, "the query is empty; type a word to search for, e.g. livsmedelsstrategi")
            }
            return Query(expression: nil, filters: filters)
        }
        let terms = expression.leaves.reduce(0) { count, leaf in count + Self.termCount(of: leaf) }
        if terms > limits.maximumTerms {
            throw QueryError(.tooManyTerms, column: nil,
                             "the query has \(terms) words; at most \(limits.maximumTerms) are allowed")
        }
        if !expression.hasPositiveTerm && filters.isEmpty && !externalFilters {
            throw QueryError(.onlyNegations, column: 1,
                             "the query only excludes words; add at least one word to search for (e.g. 'mat -kött')")
        }
        return Query(expression: expression, filters: filters)
    }

    static func termCount(of leaf: QueryExpression) -> Int {
        switch leaf {
        case .word, .prefix: return 1
        case .phrase(let text): return max(1, text.unicodeScalars.split(whereSeparator: QueryLexer.isSpace).count)
        default: return 0
        }
    }

    private static func filters(from found: [(name: String, value: String, column: Int)]) throws(QueryError) -> QueryFilters {
        var filters = QueryFilters()
        var afterColumn = 0
        var year: String?
        for filter in found {
            switch filter.name {
            case "speaker": filters.speakers.append(filter.value)
            case "series": filters.series.append(filter.value)
            case "year":
                guard let range = QueryDate.year(filter.value) else {
                    throw QueryError(.badDate, column: filter.column,
                                     "'\(filter.value)' is not a year; year: expects four digits, e.g. \(QueryLexer.example(for: "year"))")
                }
                filters.after = max(filters.after ?? range.first, range.first)
                filters.before = min(filters.before ?? range.next, range.next)
                afterColumn = filter.column
                year = filter.value
            default:
                guard let date = QueryDate(parsing: filter.value) else {
                    throw QueryError(.badDate, column: filter.column,
                                     "'\(filter.value)' is not a date; \(filter.name): expects YYYY-MM-DD, e.g. \(QueryLexer.example(for: filter.name))")
                }
                if filter.name == "after" {
                    filters.after = max(filters.after ?? date, date)
                    afterColumn = filter.column
                } else {
                    filters.before = min(filters.before ?? date, date)
                }
            }
        }
        if let after = filters.after, let before = filters.before, after >= before {
            let what = year.map { "year:\($0) and the other date filters leave no date (from \(after) to before \(before))" }
                ?? "after:\(after) is not earlier than before:\(before)"
            throw QueryError(.emptyDateRange, column: afterColumn, "\(what), so no date can match")
        }
        return filters
    }

    /// Recursive-descent state over the lexemes.
    private struct State {
        let lexemes: [QueryLexer.Lexeme]
        let limits: Limits
        var index = 0
        var filters: [(name: String, value: String, column: Int)] = []

        init(lexemes: [QueryLexer.Lexeme], limits: Limits) {
            self.lexemes = lexemes
            self.limits = limits
        }

        var current: QueryLexer.Lexeme? { index < lexemes.count ? lexemes[index] : nil }

        mutating func parseOr(depth: Int) throws(QueryError) -> QueryExpression? {
            var branches: [QueryExpression] = []
            var branchColumn = current?.column ?? 1
            if let first = try parseAnd(depth: depth) { branches.append(first) }
            while let operator_ = current, operator_.kind == .or {
                index += 1
                guard let previous = branches.last else {
                    throw QueryError(.danglingOperator, column: operator_.column, "OR needs a search term before it, e.g. 'torka OR vatten'")
                }
                if !previous.hasPositiveTerm {
                    throw QueryError(.onlyNegations, column: branchColumn, "each side of OR needs a word to search for, not only exclusions")
                }
                guard let next = current, next.kind != .or, next.kind != .closeParenthesis else {
                    throw QueryError(.danglingOperator, column: operator_.column, "OR needs a search term after it, e.g. 'torka OR vatten'")
                }
                branchColumn = next.column
                guard let branch = try parseAnd(depth: depth) else {
                    throw QueryError(.danglingOperator, column: operator_.column,
                                     "OR needs a search term after it (filters such as speaker: apply to the whole query)")
                }
                if !branch.hasPositiveTerm {
                    throw QueryError(.onlyNegations, column: branchColumn, "each side of OR needs a word to search for, not only exclusions")
                }
                branches.append(branch)
            }
            if branches.isEmpty { return nil }
            return branches.count == 1 ? branches[0] : .or(branches)
        }

        mutating func parseAnd(depth: Int) throws(QueryError) -> QueryExpression? {
            var operands: [QueryExpression] = []
            while let lexeme = current {
                switch lexeme.kind {
                case .or, .closeParenthesis:
                    return Self.conjunction(operands)
                case .filter(let name, let value):
                    filters.append((name, value, lexeme.column))
                    index += 1
                case .word(let text):
                    index += 1
                    operands.append(lexeme.negated ? .not(.word(text)) : .word(text))
                case .prefix(let text):
                    index += 1
                    operands.append(lexeme.negated ? .not(.prefix(text)) : .prefix(text))
                case .phrase(let text):
                    index += 1
                    operands.append(lexeme.negated ? .not(.phrase(text)) : .phrase(text))
                case .openParenthesis:
                    index += 1
                    if depth + 1 > limits.maximumDepth {
                        throw QueryError(.unbalancedParenthesis, column: lexeme.column,
                                         "parentheses nest deeper than \(limits.maximumDepth) levels")
                    }
                    let inner = try parseOr(depth: depth + 1)
                    guard let close = current, close.kind == .closeParenthesis else {
                        throw QueryError(.unbalancedParenthesis, column: lexeme.column,
                                         "the '(' opened here is never closed; add a ')'")
                    }
                    index += 1
                    guard let inner else {
                        throw QueryError(.nothingToSearch, column: lexeme.column, "the parentheses hold no search term")
                    }
                    if !inner.hasPositiveTerm {
                        throw QueryError(.onlyNegations, column: lexeme.column, "the group holds only exclusions; add a word to search for")
                    }
                    operands.append(lexeme.negated ? .not(inner) : inner)
                }
            }
            return Self.conjunction(operands)
        }

        static func conjunction(_ operands: [QueryExpression]) -> QueryExpression? {
            switch operands.count {
            case 0: return nil
            case 1: return operands[0]
            default: return .and(operands)
            }
        }
    }
}

extension QueryExpression {
    /// True when the expression can match on its own (some operand is not negated).
    public var hasPositiveTerm: Bool {
        switch self {
        case .word, .prefix, .phrase: return true
        case .not: return false
        case .and(let operands): return operands.contains { $0.hasPositiveTerm }
        case .or(let operands): return operands.allSatisfy { $0.hasPositiveTerm }
        }
    }
}
