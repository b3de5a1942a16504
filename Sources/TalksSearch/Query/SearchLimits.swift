/// Every hard limit TalksSearch applies to one search, in one place.
///
/// Queries come from the command line and from untrusted web visitors (`talks serve`), so
/// each bound keeps the cost of one query predictable whatever the text. Each is far above
/// what a person types; a query over a limit gets a `QueryError` whose message names the
/// limit (the server answers 400 with it), and paging values are clamped to their ranges.
public enum SearchLimits {
    /// Longest query, in UTF-8 bytes (1,000): a long sentence pasted into the box is about
    /// 200; the lexer and parser are linear, but every word costs a dictionary lookup.
    public static let maximumQueryBytes = 1_000
    /// Most words in one query, counting each word of a phrase (32): each word becomes a
    /// clause that is intersected, scored and highlighted.
    public static let maximumQueryTerms = 32
    /// Deepest nesting of parentheses (8): the parser recurses once per level.
    public static let maximumParenthesisDepth = 8
    /// Most index terms one query word may expand to, over all tiers (exact, inflected,
    /// compound part, folded, fuzzy, prefix) (64): more add nothing a user would notice in
    /// the top results, but each is one postings list to read.
    public static let maximumExpansionsPerTerm = 64
    /// Most index terms a whole query may expand to, plus its phrase words (512): with 32
    /// words of 64 variants each a query could read 2,048 postings lists; 512 still allows
    /// eight wide prefix searches (`a* b* …`) at once.
    public static let maximumExpansionsPerQuery = 512
    /// Most term-dictionary entries a prefix search inspects per segment before picking the
    /// most frequent (4,096): `s*` would otherwise scan a tenth of the dictionary.
    public static let maximumPrefixScan = 4_096
    /// Most episodes per page of results (1,000; `limit` is clamped).
    public static let maximumResultsPerPage = 1_000
    /// Deepest page start (100,000; `offset` is clamped): the top-k heap holds
    /// `offset + limit` entries.
    public static let maximumOffset = 100_000
    /// Most hits (cues) shown per episode (50; `hits` is clamped).
    public static let maximumHitsPerEpisode = 50
    /// Most values listed per facet (series, speakers, years) of a faceted search (50): the
    /// most common ones; the counts themselves are over every match.
    public static let maximumFacetValues = 50
}
