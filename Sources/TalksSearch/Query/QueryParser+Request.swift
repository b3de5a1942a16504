/// Requests carry filters of their own (the server's `speaker=`, `after=` parameters): this
/// merges them with the filters written in the query text, validating dates the same way.
extension QueryParser {
    /// Parses the request's query and merges the request's own filter fields into it.
    public func parse(request: SearchRequest) throws(QueryError) -> Query {
        var query = try parse(request.query, externalFilters: request.hasFilters)
        if let speaker = request.speaker?.trimmingSpaces(), !speaker.isEmpty { query.filters.speakers.append(speaker) }
        if let series = request.series?.trimmingSpaces(), !series.isEmpty { query.filters.series.append(series) }
        for (name, value) in [("after", request.after), ("before", request.before)] {
            guard let value = value?.trimmingSpaces(), !value.isEmpty else { continue }
            guard let date = QueryDate(parsing: value) else {
                throw QueryError(.badDate, column: nil, "'\(value)' is not a date; \(name) expects YYYY-MM-DD, e.g. 2022-01-01")
            }
            if name == "after" {
                query.filters.after = max(query.filters.after ?? date, date)
            } else {
                query.filters.before = min(query.filters.before ?? date, date)
            }
        }
        if let value = request.year?.trimmingSpaces(), !value.isEmpty {
            guard let range = QueryDate.year(value) else {
                throw QueryError(.badDate, column: nil, "'\(value)' is not a year; year expects four digits, e.g. 2022")
            }
            query.filters.after = max(query.filters.after ?? range.first, range.first)
            query.filters.before = min(query.filters.before ?? range.next, range.next)
        }
        if let after = query.filters.after, let before = query.filters.before, after >= before {
            throw QueryError(.emptyDateRange, column: nil, "after \(after) is not earlier than before \(before), so no date can match")
        }
        return query
    }
}

extension SearchRequest {
    /// Whether the request carries filters outside the query text.
    public var hasFilters: Bool {
        [speaker, series, after, before, year].contains { !($0?.trimmingSpaces().isEmpty ?? true) }
    }
}
