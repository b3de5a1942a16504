import TalksModel

/// A parsed query: a boolean expression over words, prefixes and phrases, plus filters that
/// restrict which episodes may match at all.
///
/// The parser keeps words exactly as typed; analysis (normalisation, stemming, compounds,
/// folding, typos) happens later against a particular index, so the AST stays pure and
/// testable without one. `expression` is nil when the query holds only filters, which
/// lists the episodes the filters allow.
public struct Query: Sendable, Hashable {
    public var expression: QueryExpression?
    public var filters: QueryFilters

    public init(expression: QueryExpression?, filters: QueryFilters = QueryFilters()) {
        self.expression = expression
        self.filters = filters
    }
}

/// One node of the query's boolean expression.
///
/// `and` and `or` hold at least two operands after parsing; `not` appears only as an operand
/// of `and` (or as the whole expression of a query that also has filters), because "every
/// episode except those mentioning X" is not something a searcher asks for.
public indirect enum QueryExpression: Sendable, Hashable {
    /// A word as typed, e.g. `Östergötlands` or `snabb-bemanning`.
    case word(String)
    /// `livsm*`: every indexed term that starts with the text (without the `*`).
    case prefix(String)
    /// `"exact phrase"`: the words in order, within one cue or one metadata field (the
    /// planner adds the words' inflected forms in the same order, ranked below).
    case phrase(String)
    case and([QueryExpression])
    case or([QueryExpression])
    /// `-word`, `-"phrase"`: episodes containing this are excluded.
    case not(QueryExpression)

    /// Every word, prefix and phrase in the expression, negated ones included, in order.
    public var leaves: [QueryExpression] {
        switch self {
        case .word, .prefix, .phrase: return [self]
        case .and(let operands), .or(let operands): return operands.flatMap(\.leaves)
        case .not(let operand): return operand.leaves
        }
    }
}

/// Restrictions on episode metadata, from `speaker:`, `series:`, `year:`, `after:` and
/// `before:` in the query text or from the request's own fields (`year:` is kept as the date
/// range it means).
public struct QueryFilters: Sendable, Hashable {
    /// Speaker names (or parts of names, whole words) an episode must all have.
    public var speakers: [String]
    /// Series names (or whole-word parts) the episode's series must match, all of them.
    public var series: [String]
    /// Inclusive lower bound on the episode's date.
    public var after: QueryDate?
    /// Exclusive upper bound on the episode's date.
    public var before: QueryDate?

    public init(speakers: [String] = [], series: [String] = [], after: QueryDate? = nil, before: QueryDate? = nil) {
        self.speakers = speakers
        self.series = series
        self.after = after
        self.before = before
    }

    /// True when no filter is set.
    public var isEmpty: Bool {
        speakers.isEmpty && series.isEmpty && after == nil && before == nil
    }
}

/// A calendar date from a filter, `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`, meaning the first day).
///
/// Episodes are compared by the date as the organiser wrote it (the local date of the talk),
/// so `after:2022-10-19` includes a talk at 2022-10-19T10:00+02:00.
public struct QueryDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// A single number that orders dates: `yyyymmdd`.
    public var ordinal: Int { year * 10_000 + month * 100 + day }

    public static func < (left: QueryDate, right: QueryDate) -> Bool { left.ordinal < right.ordinal }

    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// Parses `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; nil when the text is not a real date.
    public init?(parsing text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count) else { return nil }
        let widths = [4, 2, 2]
        var numbers: [Int] = []
        for (index, part) in parts.enumerated() {
            guard part.utf8.count == widths[index], part.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
                  let value = Int(part) else { return nil }
            numbers.append(value)
        }
        let year = numbers[0]
        let month = numbers.count > 1 ? numbers[1] : 1
        let day = numbers.count > 2 ? numbers[2] : 1
        guard year >= 1, (1...12).contains(month), day >= 1, day <= CivilCalendar.daysInMonth(year: year, month: month) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The dates a year filter (`year:2022`) allows: from its first day up to, not including,
    /// the first day of the next year. Nil unless `text` is four digits naming a year from 1.
    public static func year(_ text: String) -> (first: QueryDate, next: QueryDate)? {
        guard text.utf8.count == 4, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let year = Int(text), year >= 1 else { return nil }
        return (QueryDate(year: year, month: 1, day: 1), QueryDate(year: year + 1, month: 1, day: 1))
    }

    /// The date prefix (`YYYY-MM-DD…`) of an ISO 8601 timestamp as a `yyyymmdd` ordinal.
    public static func ordinal(ofISODate text: String) -> Int? {
        let bytes = Array(text.utf8.prefix(10))
        guard bytes.count == 10, bytes[4] == 0x2D, bytes[7] == 0x2D else { return nil }
        var value = 0
        for (index, byte) in bytes.enumerated() where index != 4 && index != 7 {
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }
}
