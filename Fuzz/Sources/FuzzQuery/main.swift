/// Fuzzes the query language: `QueryParser.parse(_:externalFilters:)` on the bytes as text,
/// with and without external filters, and `QueryParser.parse(request:)` with the text also
/// used as the request's filter fields.
///
/// Beyond "never traps", it checks the parser's documented invariants on every accepted
/// query: `and`/`or` nodes hold at least two operands, leaves are non-empty, no `not`
/// directly inside `not`, the term limit holds, a query without filters has a positive
/// term, `after` < `before`; filter dates round-trip through their `description`; and a
/// query printed back as text parses again without trapping (and to the same query).
import FuzzSupport
import TalksSearch

let parser = QueryParser()

func validate(_ expression: QueryExpression, insideNot: Bool = false) {
    switch expression {
    case .word(let text), .prefix(let text), .phrase(let text):
        check(!text.isEmpty, "empty leaf in \(expression)")
    case .and(let operands), .or(let operands):
        check(operands.count >= 2, "\(expression) has fewer than two operands")
        operands.forEach { validate($0) }
    case .not(let operand):
        check(!insideNot, "double negation \(expression)")
        validate(operand, insideNot: true)
    }
}

/// The expression as query text, parenthesising every nested group.
func render(_ expression: QueryExpression) -> String {
    switch expression {
    case .word(let text): return text
    case .prefix(let text): return text + "*"
    case .phrase(let text): return "\"" + text + "\""
    case .and(let operands): return operands.map(renderOperand).joined(separator: " ")
    case .or(let operands): return operands.map(renderOperand).joined(separator: " OR ")
    case .not(let operand): return "-" + renderOperand(operand)
    }
}

func renderOperand(_ expression: QueryExpression) -> String {
    switch expression {
    case .and, .or: return "(" + render(expression) + ")"
    default: return render(expression)
    }
}

func validate(_ query: Query, externalFilters: Bool) {
    if let expression = query.expression {
        validate(expression)
        if query.filters.isEmpty && !externalFilters {
            check(expression.hasPositiveTerm, "accepted a query with only negations: \(query)")
        }
        let terms = expression.leaves.count
        check(terms <= parser.limits.maximumTerms, "\(terms) leaves exceed the term limit")
    }
    for date in [query.filters.after, query.filters.before].compactMap({ $0 }) {
        check(QueryDate(parsing: date.description) == date, "date \(date) does not round-trip")
    }
    if let after = query.filters.after, let before = query.filters.before {
        check(after < before, "accepted an empty date range \(after)..<\(before)")
    }
}

runFuzzer { bytes in
    let text = String(decoding: bytes, as: UTF8.self)
    for externalFilters in [false, true] {
        guard let query = try? parser.parse(text, externalFilters: externalFilters) else { continue }
        validate(query, externalFilters: externalFilters)
        if !externalFilters, let expression = query.expression {
            var printed = render(expression)
            for speaker in query.filters.speakers where !speaker.contains("\"") { printed += " speaker:\"\(speaker)\"" }
            _ = try? parser.parse(printed)
            if query.filters.isEmpty, let again = try? parser.parse(render(expression)) {
                check(again.expression == expression, "'\(text)' printed as '\(render(expression))' parses differently")
            }
        }
    }
    _ = QueryDate(parsing: text)
    let request = SearchRequest(query: text, speaker: text, series: text, after: text, before: text)
    if let query = try? parser.parse(request: request) {
        validate(query, externalFilters: true)
    }
}
