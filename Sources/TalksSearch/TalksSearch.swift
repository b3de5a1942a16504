/// TalksSearch: queries over an index.
///
/// Parses the query language, expands terms (inflections, compounds, ASCII folding,
/// typos), scores with BM25F, groups hits by episode and makes snippets and deep links.
public enum TalksSearch {}
