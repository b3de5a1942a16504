import TalksIndex

/// What `-word` means inside an episode: the moments that say the word are never hits.
///
/// A viewer who types `våtmark -torkan` means "the moments about våtmark that are not about
/// torkan", not "episodes that never say torkan": a talk about wetlands mentions the
/// drought somewhere (and may be tagged with it). So a negated word or phrase works per cue,
/// as the peers that index cues as documents do:
/// - a cue containing it (any of its inflections, or the phrase) is never a hit;
/// - an episode is left out when every cue matching a positive word contains it, or, when
///   no cue matches (the episode was found by its title, description, tags or speakers),
///   when its metadata contains it.
/// The episode's score is still that of its positive words (as `SegmentEvaluator` scores it).
///
/// Cost: only the episodes the positive words found are visited, each with fresh cursors
/// advanced to its cue range, so a common negated word costs its postings in those episodes.
struct CueNegation {
    let segment: SegmentReader
    let plan: QueryPlan
    let terms: SegmentTerms
    private var phraseMatcher = PhraseMatcher()

    init(segment: SegmentReader, plan: QueryPlan, terms: SegmentTerms) {
        self.segment = segment
        self.plan = plan
        self.terms = terms
    }

    /// Whether the plan has negated clauses (otherwise nothing here applies).
    var isActive: Bool { plan.clauses.contains { $0.isNegated } }

    /// The cues (segment ordinals) of episode `episode` matched by the clauses whose
    /// `isNegated` equals `negated`.
    mutating func cues(ofEpisode episode: Int, negated: Bool) throws(IndexError) -> Set<Int> {
        let range = segment.cueRange(ofEpisode: episode)
        var found = Set<Int>()
        guard !range.isEmpty else { return found }
        for (index, clause) in plan.clauses.enumerated() where clause.isNegated == negated {
            switch clause.shape {
            case .terms:
                for variant in terms.variants[index] {
                    var cursor = segment.postings(term: variant.ordinal, field: .transcript)
                    guard cursor.count > 0, cursor.advance(to: range.lowerBound) else {
                        try cursor.checkIntact()
                        continue
                    }
                    while cursor.document < range.upperBound {
                        found.insert(cursor.document)
                        if !cursor.next() { break }
                    }
                    try cursor.checkIntact()
                }
            case .phrase:
                guard let ordinals = terms.phrases[index] else { continue }
                var matcher = phraseMatcher
                try matcher.forEachMatch(segment: segment, ordinals: ordinals, field: .transcript, range: range) { cue, _ in
                    found.insert(cue)
                }
                phraseMatcher = matcher
            }
        }
        return found
    }

    /// Whether episode `episode` keeps a cue that matches a positive clause and no negated
    /// one; an episode no cue matched stays unless `metadataNegated` (its metadata holds a
    /// negated word).
    mutating func keepsAHit(episode: Int, metadataNegated: Bool) throws(IndexError) -> Bool {
        let positive = try cues(ofEpisode: episode, negated: false)
        guard !positive.isEmpty else { return !metadataNegated }
        let negative = try cues(ofEpisode: episode, negated: true)
        return positive.contains { !negative.contains($0) }
    }
}
