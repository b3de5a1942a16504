import TalksIndex
import TalksModel

/// Where a query's words fall in one episode's transcript: for each cue with a match, the
/// UTF-8 byte ranges of the matched words in the cue's text.
///
/// The watch page marks these with `<mark>` across the whole transcript. They come from
/// the same analysis as search hits (inflections, compound parts, å/ä/ö folding, typos,
/// phrases), through the same marking code (`HitCollector`), so the page marks exactly the
/// words a search would mark in a hit's snippet, and nothing is analysed twice.
public struct TranscriptMatches: Sendable, Hashable {
    /// Byte ranges by cue index (0-based in the episode's time order, as
    /// `TranscriptCues.cue(_:)` counts): sorted, merged, within the cue's text.
    public var rangesByCue: [Int: [Range<Int>]]

    public init(rangesByCue: [Int: [Range<Int>]] = [:]) {
        self.rangesByCue = rangesByCue
    }

    /// The byte ranges to mark in cue `index`; empty when it has none.
    public func ranges(ofCue index: Int) -> [Range<Int>] {
        rangesByCue[index] ?? []
    }

    /// How many words are marked in the whole transcript.
    public var count: Int {
        rangesByCue.values.reduce(0) { $0 + $1.count }
    }
}

extension Searcher {
    /// The matches of `query` (the talks query language, as `search` takes it) in the
    /// transcript of the live episode `id`, or nil when there is no such episode.
    ///
    /// Every positive word, prefix and phrase is marked; negated clauses and filters
    /// (`speaker:`, `after:`) mark nothing. Only the cues the postings name are read, so a
    /// transcript of 3,000 cues costs its matches, not its length; `cues` (0-based indices)
    /// limits the work to the part a page shows. Throws `QueryError` for a query the
    /// language rejects and `IndexError` for a damaged index.
    public func transcriptMatches(of query: String, inEpisode id: String, cues shown: Range<Int>? = nil) throws -> TranscriptMatches? {
        guard let location = reader.locate(episodeID: id) else { return nil }
        let parsed = try parser.parse(request: SearchRequest(query: query))
        let plan = try QueryPlanner(expander: expander, documentCount: statistics.liveEpisodes).plan(parsed)
        let context = contexts[location.segment]
        let segment = context.segment
        let episodeCues = segment.cueRange(ofEpisode: location.ordinal)
        let range = shown.map { shown in
            (episodeCues.lowerBound + min(max(0, shown.lowerBound), episodeCues.count))..<(episodeCues.lowerBound + min(max(0, shown.upperBound), episodeCues.count))
        } ?? episodeCues
        guard !range.isEmpty, !plan.clauses.isEmpty else { return TranscriptMatches() }
        let terms = SegmentTerms.resolve(plan, segmentCount: reader.segments.count)[location.segment]
        var collector = HitCollector(plan: plan, parameters: parameters)
        var sources = try collector.sources(segment: segment, terms: terms)
        var evidence = HitCollector.Evidence()
        try collector.gather(&evidence, sources: &sources, context: context, cues: range)
        // A damaged list stops its cursor and keeps the damage: fail rather than mark less.
        for source in sources {
            guard case .terms(_, _, let variants) = source else { continue }
            for index in variants.indices { try variants[index].cursor.checkIntact() }
        }
        var matches = TranscriptMatches()
        for slot in evidence.touched.sorted() {
            let ordinal = range.lowerBound + slot
            let cue = try segment.cue(ordinal)
            let index = ordinal - episodeCues.lowerBound
            let ranges = Snippet.normalised(
                collector.matchRanges(in: cue.text, phrases: evidence.phraseStarts[ordinal] ?? []),
                count: cue.text.utf8.count)
            if !ranges.isEmpty { matches.rangesByCue[index] = ranges }
        }
        return matches
    }
}
