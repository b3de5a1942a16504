/// TalksSearch: queries over an index.
///
/// The path of one query, file by file:
/// 1. `Query/`: `QueryParser` turns text into a `Query` (boolean `QueryExpression` plus
///    `QueryFilters`), or a `QueryError` with the column and what was expected. Pure.
/// 2. `Plan/`: `QueryPlanner` analyses each word with the index's own tokenizer, expands it
///    with `TermExpander` (exact 1.0 > inflected 0.8 > compound part 0.5 > without å/ä/ö 0.4
///    > typo 0.3/0.2) and gives each clause one IDF from the whole collection (the most
///    frequent variant's, so a rare inflection cannot outrank the word itself by rarity).
///    Each variant keeps its ordinal in every segment holding it (`TermState`), so
///    `SegmentTerms` hands scoring the ordinals without looking any string up again.
/// 3. `Scoring/`: `SegmentEvaluator` scores episodes with BM25F (k1 1.2, b 0.75; title 3,
///    speakers 2.5, tags 1.5, description 1.2, series 1, transcript 1) from the per-episode
///    transcript aggregate and the metadata postings; a variant's frequency is multiplied by
///    its tier weight. AND intersects, OR unions, `-x` subtracts. Phrases use positions
///    (`PhraseMatcher`), run after cheaper clauses and only in the episodes they leave, and
///    count at most a few matching cues per episode (BM25 saturates; common-word phrases
///    would otherwise scan the whole archive). `TopEpisodes` keeps the best `offset + limit`.
/// 4. `Results/`: `HitCollector` picks each result's best cues (most distinct clauses, then
///    BM25 within the cue) in time order; `Snippet` marks matches (`<mark>`, HTML-escaped,
///    windowed with "…"); `DeepLink` builds the link into the recording at that second in
///    its platform's form (YouTube, Vimeo, Media Fragments, a template); `SearchResponse+JSON`
///    is the wire form shared by the CLI and the server.
/// 5. `Engine/`: `Searcher` (one generation, thread-safe) is the entry point; `SearchEngine`
///    swaps in a new `Searcher` when the manifest changes. A postings list found damaged
///    while scoring or collecting hits fails the search with its `IndexError` (naming the
///    segment file), never a silently shorter answer.
///
/// Beside the query path, `Export/`: `BulkExport` writes a generation as OpenSearch bulk
/// JSON lines (`talks export`), episodes and cues with their deep links.
///
/// What it does not do: read or write index files (TalksIndex), or Swedish analysis itself
/// (TalksAnalysis): expansion only looks up the keys the index stored at ingest.
public enum TalksSearch {}
