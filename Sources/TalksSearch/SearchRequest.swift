/// What a caller asks of the index: a query in the talks query language plus paging and
/// filters. The CLI builds one from its arguments and the server from its URL query.
///
/// Filters given here are ANDed with any `speaker:`/`series:`/`year:`/`after:`/`before:`
/// written in the query text itself, and mean the same.
public struct SearchRequest: Sendable, Hashable {
    public var query: String
    /// Episodes to return.
    public var limit: Int
    /// Episodes to skip, for paging.
    public var offset: Int
    /// Best matching cues to show per episode.
    public var hitsPerEpisode: Int
    public var speaker: String?
    public var series: String?
    /// ISO date `YYYY-MM-DD` (inclusive lower bound on the episode date).
    public var after: String?
    /// ISO date `YYYY-MM-DD` (exclusive upper bound on the episode date).
    public var before: String?
    /// A year `YYYY`: episodes dated in it, as the query operator `year:` means.
    public var year: String?
    /// Whether to count the matches by series, speaker and year (`SearchResponse.facets`).
    public var countsFacets: Bool

    public init(
        query: String, limit: Int = 10, offset: Int = 0, hitsPerEpisode: Int = 3,
        speaker: String? = nil, series: String? = nil, after: String? = nil, before: String? = nil,
        year: String? = nil, countsFacets: Bool = false
    ) {
        self.query = query
        self.limit = limit
        self.offset = offset
        self.hitsPerEpisode = hitsPerEpisode
        self.speaker = speaker
        self.series = series
        self.after = after
        self.before = before
        self.year = year
        self.countsFacets = countsFacets
    }
}
