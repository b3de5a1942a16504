/// Every bound the HTTP routes put on request parameters, in one place; the OpenAPI
/// document states the same values. A request over a bound gets 400 with a JSON error naming
/// the parameter and the bound. The query language's own limits (`SearchLimits`: words,
/// nesting, expansions) apply after these; the socket-level bounds are `HTTPParserLimits`
/// and `ServerConfiguration`.
enum RouteLimits {
    /// Longest `q` of `/search`, in characters (500): half of `SearchLimits.maximumQueryBytes`,
    /// so even a query of å/ä/ö, percent-encoded to six bytes each, stays far inside the 8 KiB
    /// request line; a search box never needs more.
    static let searchQueryCharacters = 500
    /// `limit` of `/search` (1–100): a results page, not an export; `talks search` pages further.
    static let searchResults = 1...100
    /// `offset` of `/search` (0–10,000): deeper pages cost a top-k heap of `offset + limit`.
    static let searchOffset = 0...10_000
    /// `page` of `/search` (from 1): as deep as `offset` reaches, `limit` episodes a page.
    static func searchPages(limit: Int) -> ClosedRange<Int> {
        1...(searchOffset.upperBound / max(1, limit) + 1)
    }
    /// `hits` of `/search` (0–20): cues shown per episode.
    static let searchHits = 0...20
    /// Longest `speaker` and `series` filter values, in characters (200): names, not texts.
    static let filterCharacters = 200
    /// Longest `q` of `/suggest`, in characters (100): the word being typed.
    static let suggestPrefixCharacters = 100
    /// `limit` of `/suggest` (1–50): completions under a search box.
    static let suggestions = 1...50
    /// `limit` of `/episodes` (1–500) and its `offset` (0–1,000,000): a paged list.
    static let episodesPerPage = 1...500
    static let episodesOffset = 0...1_000_000
    /// The most cues one watch page shows (20,000, about 20 hours of talk and 4.5 MB of
    /// HTML): a transcript may hold 100,000 cues and 64 MB, which one page must not build in
    /// memory. A longer transcript shows the 20,000 around `?t=` and links the whole WebVTT.
    static let watchPageCues = 20_000
}
