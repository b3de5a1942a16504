import Foundation
import TalksAnalysis
import TalksIndex
import TalksModel

/// Answers queries over one generation of the index: the entry point the CLI and the
/// server share.
///
/// A `Searcher` wraps one `IndexReader` (an immutable snapshot) plus what it derives from
/// it once (collection statistics, per-segment length factors, lazily the filter facts), so
/// it is safe to use from many threads at once; each `search` allocates its own scratch
/// state. `SearchEngine` swaps in a new `Searcher` when ingest commits a new generation.
public final class Searcher: @unchecked Sendable {
    public let reader: IndexReader
    public let parameters: RankingParameters
    public let parser: QueryParser
    let statistics: CollectionStatistics
    let contexts: [SegmentContext]
    let expander: TermExpander

    private let factsLock = NSLock()
    private var factsBySegment: [EpisodeFacts?]
    /// The synonym files applied at query time (`SynonymSource`): those given, or else the
    /// `synonyms.txt` of each archive the index's episodes came from, found on first use.
    private var synonymSource: SynonymSource?

    /// The index generation this searcher reads.
    public var generation: UInt64 { reader.generation }

    /// `synonymFiles`: the synonym files to apply; nil for the `synonyms.txt` of the archive
    /// folders holding the indexed episodes (their paths as ingest named them, so relative
    /// ones are found from the folder ingest ran in).
    public init(reader: IndexReader, parameters: RankingParameters = RankingParameters(), parser: QueryParser = QueryParser(),
                synonymFiles: [String]? = nil) {
        self.reader = reader
        synonymSource = synonymFiles.map(SynonymSource.init(paths:))
        self.parameters = parameters
        self.parser = parser
        let statistics = CollectionStatistics(segments: reader.segments)
        self.statistics = statistics
        contexts = reader.segments.map { SegmentContext(segment: $0, statistics: statistics, parameters: parameters) }
        expander = TermExpander(segments: reader.segments, parameters: parameters)
        factsBySegment = Array(repeating: nil, count: reader.segments.count)
    }

    /// Opens the current generation in `directory`.
    public convenience init(directory: String) throws(IndexError) {
        self.init(reader: try IndexReader.open(directory: directory))
    }

    /// The filter facts of segment `index`, built on first use.
    func facts(_ index: Int) -> EpisodeFacts {
        factsLock.lock()
        defer { factsLock.unlock() }
        if let facts = factsBySegment[index] { return facts }
        let facts = EpisodeFacts(segment: reader.segments[index])
        factsBySegment[index] = facts
        return facts
    }

    /// The synonym files this searcher applies (see `init`).
    public var synonymFiles: [String] { synonyms().paths }

    /// The synonym files' source, made on first use.
    func synonyms() -> SynonymSource {
        factsLock.lock()
        defer { factsLock.unlock() }
        if let synonymSource { return synonymSource }
        var sources: [String] = []
        for segment in reader.segments {
            for ordinal in 0..<segment.episodeCount where !segment.isDeleted(episode: ordinal) {
                if let path = try? segment.sourcePath(ofEpisode: ordinal) { sources.append(path) }
            }
        }
        let made = SynonymSource(paths: SynonymSource.archiveFiles(forEpisodeSources: sources))
        synonymSource = made
        return made
    }

    /// The plan of `query` with the synonyms as they are now.
    func plan(_ query: Query) throws(QueryError) -> QueryPlan {
        var planner = QueryPlanner(expander: expander, documentCount: statistics.liveEpisodes)
        planner.synonyms = synonyms().current()
        return try planner.plan(query)
    }

    /// Parses and runs a request. Throws `QueryError` for a malformed query (and bad filter
    /// values in the request), `IndexError` when the index turns out to be damaged.
    public func search(_ request: SearchRequest) throws -> SearchResponse {
        let stopwatch = Stopwatch()
        let query = try parser.parse(request: request)
        let plan = try self.plan(query)
        let limit = max(0, min(request.limit, SearchLimits.maximumResultsPerPage))
        let offset = max(0, min(request.offset, SearchLimits.maximumOffset))
        let hitsPerEpisode = max(0, min(request.hitsPerEpisode, SearchLimits.maximumHitsPerEpisode))

        let segmentTerms = SegmentTerms.resolve(plan, segmentCount: reader.segments.count)
        var tally: FacetTally? = request.countsFacets ? FacetTally() : nil
        let scopes = try speakerScopes(plan)
        let (total, ranked) = plan.listsByFilterOnly
            ? try listByDate(plan, segmentTerms, scopes, offset: offset, limit: limit, tally: &tally)
            : try rankByScore(plan, segmentTerms, scopes, offset: offset, limit: limit, tally: &tally)
        let results = try results(for: ranked, plan: plan, segmentTerms: segmentTerms, scopes: scopes, hitsPerEpisode: hitsPerEpisode)
        let suggestions = total == 0 ? self.suggestions(for: plan) : []
        let facets = tally?.facets()  // before the stopwatch is read: took_ms includes them
        return SearchResponse(query: request.query, totalEpisodes: total, results: results,
                              suggestions: suggestions, tookMilliseconds: stopwatch.elapsedMilliseconds, facets: facets)
    }

    /// A ranked episode: segment index, ordinal in the segment, score.
    typealias Ranked = (segment: Int, episode: Int, score: Double)

    /// Per segment, the cues the query's `speaker:` filters name (`SpeakerScope`); nil
    /// entries when the query has none.
    func speakerScopes(_ plan: QueryPlan) throws(IndexError) -> [SpeakerScope?] {
        guard !plan.filters.speakers.isEmpty else { return Array(repeating: nil, count: contexts.count) }
        var scopes: [SpeakerScope?] = []
        for index in contexts.indices {
            scopes.append(try SpeakerScope(segment: reader.segments[index], names: plan.filters.speakers,
                                           allowed: allowed(segment: index, filters: plan.filters)))
        }
        return scopes
    }

    /// All matches counted (and, with a tally, counted by facet); the best `offset + limit`
    /// kept by score in a bounded heap.
    private func rankByScore(_ plan: QueryPlan, _ segmentTerms: [SegmentTerms], _ scopes: [SpeakerScope?],
                             offset: Int, limit: Int, tally: inout FacetTally?) throws(IndexError) -> (Int, [Ranked]) {
        var total = 0
        var top = TopEpisodes(capacity: offset + limit)
        for (index, context) in contexts.enumerated() {
            var evaluator = SegmentEvaluator(context: context, plan: plan, terms: segmentTerms[index], parameters: parameters,
                                             allowed: allowed(segment: index, filters: plan.filters), scope: scopes[index])
            let matches = try evaluator.evaluate()
            total += matches.count
            for position in 0..<matches.count {
                top.insert(episode: index << 32 | Int(matches.episodes[position]), score: matches.scores[position])
            }
            if tally != nil, matches.count > 0 {
                tally?.begin(facts(index))
                for position in 0..<matches.count { tally?.count(episode: Int(matches.episodes[position])) }
                tally?.end()
            }
        }
        return (total, top.sorted().dropFirst(offset).map { ($0.episode >> 32, $0.episode & 0xFFFF_FFFF, $0.score) })
    }

    /// A query of filters only: the episodes they allow, newest first, with score 0.
    private func listByDate(_ plan: QueryPlan, _ segmentTerms: [SegmentTerms], _ scopes: [SpeakerScope?],
                            offset: Int, limit: Int, tally: inout FacetTally?) throws(IndexError) -> (Int, [Ranked]) {
        var all: [(segment: Int, episode: Int, date: Int)] = []
        for (index, context) in contexts.enumerated() {
            var evaluator = SegmentEvaluator(context: context, plan: plan, terms: segmentTerms[index], parameters: parameters,
                                             allowed: allowed(segment: index, filters: plan.filters), scope: scopes[index])
            let matches = try evaluator.evaluate()
            let facts = facts(index)
            let dates = facts.dates
            tally?.begin(facts)
            for position in 0..<matches.count {
                let episode = Int(matches.episodes[position])
                all.append((index, episode, episode < dates.count ? dates[episode] ?? 0 : 0))
                tally?.count(episode: episode)
            }
            tally?.end()
        }
        all.sort { $0.date != $1.date ? $0.date > $1.date : ($0.segment, $0.episode) < ($1.segment, $1.episode) }
        return (all.count, all.dropFirst(offset).prefix(limit).map { ($0.segment, $0.episode, 0) })
    }

    /// Episode metadata and hits for the ranked page; hits are collected per segment.
    private func results(for ranked: [Ranked], plan: QueryPlan, segmentTerms: [SegmentTerms], scopes: [SpeakerScope?],
                         hitsPerEpisode: Int) throws -> [EpisodeResult] {
        var episodes: [Episode] = []
        episodes.reserveCapacity(ranked.count)
        for entry in ranked {
            episodes.append(try contexts[entry.segment].segment.episode(entry.episode))
        }
        var collector = HitCollector(plan: plan, parameters: parameters)
        var hitsByEpisode: [Int: [Int: [Hit]]] = [:]
        if hitsPerEpisode > 0 {
            for segmentIndex in Set(ranked.map(\.segment)) {
                var links: [Int: DeepLink.Resolved] = [:]
                var chapters: [Int: [Chapter]] = [:]
                for (position, entry) in ranked.enumerated() where entry.segment == segmentIndex {
                    links[entry.episode] = DeepLink.Resolved(DeepLink.Source(episode: episodes[position]))
                    if !episodes[position].chapters.isEmpty { chapters[entry.episode] = episodes[position].chapters }
                }
                hitsByEpisode[segmentIndex] = try collector.hits(
                    context: contexts[segmentIndex], terms: segmentTerms[segmentIndex],
                    episodes: Array(links.keys), links: links, chapters: chapters, limit: hitsPerEpisode, scope: scopes[segmentIndex])
            }
        }
        return ranked.enumerated().map { position, entry in
            EpisodeResult(episode: episodes[position], score: entry.score, hits: hitsByEpisode[entry.segment]?[entry.episode] ?? [])
        }
    }

    private func allowed(segment index: Int, filters: QueryFilters) -> [Bool]? {
        filters.isEmpty ? nil : facts(index).allowed(by: filters, segment: reader.segments[index])
    }

    /// "Menade du: …": for each word of the query the index does not know (in a plain word
    /// or a phrase), the nearest known terms.
    func suggestions(for plan: QueryPlan, limit: Int = 5) -> [String] {
        var result: [String] = []
        for clause in plan.clauses where !clause.isNegated && clause.synonym == nil && (clause.isPlainWord || clause.shape == .phrase) {
            for word in clause.typed where word.unicodeScalars.count >= 3 && expander.documentFrequency(word) == 0 {
                let distance = word.unicodeScalars.count >= 5 ? 2 : 1
                for near in expander.nearest(to: word, maximumDistance: distance, limit: limit)
                where !result.contains(near.term) {
                    result.append(near.term)
                }
            }
        }
        return Array(result.prefix(limit))
    }

    /// Completions of the last word of `prefix` from the term dictionary, most frequent
    /// first: search-as-you-type.
    public func suggest(prefix: String, limit: Int = 10) -> [String] {
        guard limit > 0, let last = Tokenizer().tokens(in: prefix).last?.term else { return [] }
        return expander.expand(prefix: last, limit: min(limit, 100), withStates: false).map(\.term)
    }
}
