import TalksModel
import TalksSearch

/// Reads and checks typed query parameters; a missing or malformed one is a
/// `RouteError.badParameter` naming the parameter, the accepted values and what was sent.
struct ParameterReader {
    let query: QueryParameters

    func integer(_ name: String, default defaultValue: Int, in range: ClosedRange<Int>) throws(RouteError) -> Int {
        guard let text = query[name] else { return defaultValue }
        guard let value = Int(text), range.contains(value) else {
            throw .badParameter(ParameterProblem(name, .wholeNumber(range), value: text))
        }
        return value
    }

    func text(_ name: String, maxLength: Int) throws(RouteError) -> String? {
        guard let value = query[name] else { return nil }
        guard value.count <= maxLength else {
            throw .badParameter(ParameterProblem(name, .tooLong(maximum: maxLength)))
        }
        return value
    }

    func required(_ name: String, maxLength: Int) throws(RouteError) -> String {
        guard let value = try text(name, maxLength: maxLength) else {
            throw .badParameter(ParameterProblem(name, .missing))
        }
        return value
    }

    /// A year `YYYY` (four digits), or nil when absent or empty.
    func year(_ name: String) throws(RouteError) -> String? {
        guard let value = query[name], !value.isEmpty else { return nil }
        guard QueryDate.year(value) != nil else {
            throw .badParameter(ParameterProblem(name, .year, value: value))
        }
        return value
    }

    /// `1` or `0` (`true`/`false` too); `defaultValue` when absent.
    func flag(_ name: String, default defaultValue: Bool) throws(RouteError) -> Bool {
        guard let value = query[name] else { return defaultValue }
        switch value {
        case "1", "true": return true
        case "0", "false": return false
        default: throw .badParameter(ParameterProblem(name, .flag, value: value))
        }
    }

    /// Where a page of `/search` starts: `offset`, or `page` (1-based, `limit` episodes a
    /// page) turned into an offset; both at once is an error, as they could disagree.
    func pageStart(limit: Int) throws(RouteError) -> Int {
        let pages = RouteLimits.searchPages(limit: limit)
        guard query["page"] != nil else { return try integer("offset", default: 0, in: RouteLimits.searchOffset) }
        guard query["offset"] == nil else {
            throw .badParameter(ParameterProblem("page", .pageAndOffset))
        }
        return (try integer("page", default: 1, in: pages) - 1) * limit
    }

    /// A date `YYYY-MM-DD` with a real month and day.
    func date(_ name: String) throws(RouteError) -> String? {
        guard let value = query[name], !value.isEmpty else { return nil }
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let month = Int(parts[1]), let day = Int(parts[2]), (1...12).contains(month), (1...31).contains(day)
        else {
            throw .badParameter(ParameterProblem(name, .date, value: value))
        }
        return value
    }
}
