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
/// Cost: only the episodes the positive words found are visited, with one cursor per word
/// variant moving forward through the segment, so a common negated word costs at most one
/// pass over its postings in those episodes.
struct CueNegation {
    let segment: SegmentReader
    let plan: QueryPlan
    let terms: SegmentTerms
    private var phraseMatcher = PhraseMatcher()
    /// One cursor per word variant of each clause, kept across episodes: episodes are visited
    /// in ascending order, so each cursor only moves forward through its list once per
    /// segment instead of being reopened and skipped to every episode (`det -och` walked the
    /// skip table of two lists in a fifth of all cues once per matching episode).
    private var cursors: [[PostingsCursor]?]
    /// The cue range last visited: a range not after it (an out-of-order or repeated visit)
    /// reopens the cursors.
    private var lastStart = -1
    /// Per cue of the current episode: bit 0 a positive clause matches it, bit 1 a negated one.
    private var marks: [UInt8] = []
    /// The `near` groups (a compound's parts): positive only in a cue that says them all
    /// (`CuePartsProximity`), so a cue saying one part is no hit to keep an episode for.
    private var groups: [CuePartsProximity]
    private var grouped: Set<Int>

    init(segment: SegmentReader, plan: QueryPlan, terms: SegmentTerms) {
        self.segment = segment
        self.plan = plan
        self.terms = terms
        cursors = Array(repeating: nil, count: plan.clauses.count)
        let nearGroups = plan.nearGroups
        groups = nearGroups.map { CuePartsProximity(segment: segment, clauses: $0, terms: terms) }
        grouped = Set(nearGroups.joined())
    }

    /// Whether the plan has negated clauses (otherwise nothing here applies).
    var isActive: Bool { plan.clauses.contains { $0.isNegated } }

    /// The cues (segment ordinals) of episode `episode` matched by the clauses whose
    /// `isNegated` equals `negated`.
    mutating func cues(ofEpisode episode: Int, negated: Bool) throws(IndexError) -> Set<Int> {
        let range = segment.cueRange(ofEpisode: episode)
        guard !range.isEmpty else { return [] }
        try mark(range, positive: !negated, negated: negated)
        var found = Set<Int>()
        for offset in marks.indices where marks[offset] != 0 { found.insert(range.lowerBound + offset) }
        return found
    }

    /// Whether episode `episode` keeps a cue that matches a positive clause and no negated
    /// one; an episode no cue matched stays unless `metadataNegated` (its metadata holds a
    /// negated word).
    mutating func keepsAHit(episode: Int, metadataNegated: Bool) throws(IndexError) -> Bool {
        let range = segment.cueRange(ofEpisode: episode)
        guard !range.isEmpty else { return !metadataNegated }
        try mark(range, positive: true, negated: true)
        guard marks.contains(where: { $0 & 1 != 0 }) else { return !metadataNegated }
        return marks.contains(1)  // a positive cue that says no negated word
    }

    /// Fills `marks` for the cues of `range` with the positive and/or the negated clauses
    /// (bit 0 positive, bit 1 negated). The buffer is reused from episode to episode.
    private mutating func mark(_ range: Range<Int>, positive: Bool, negated: Bool) throws(IndexError) {
        if range.lowerBound <= lastStart { cursors = Array(repeating: nil, count: plan.clauses.count) }
        lastStart = range.lowerBound
        marks.removeAll(keepingCapacity: true)
        marks.append(contentsOf: repeatElement(0, count: range.count))
        if positive {
            for group in groups.indices {
                for offset in try groups[group].cues(inRange: range) { marks[offset] |= 1 }
            }
        }
        for (index, clause) in plan.clauses.enumerated() where clause.isNegated ? negated : positive && !grouped.contains(index) {
            let bit: UInt8 = clause.isNegated ? 2 : 1
            switch clause.shape {
            case .terms:
                var clauseCursors = cursors[index] ?? terms.variants[index].map {
                    segment.postings(term: $0.ordinal, field: .transcript)
                }
                for position in clauseCursors.indices {
                    guard clauseCursors[position].count > 0, clauseCursors[position].advance(to: range.lowerBound) else {
                        try clauseCursors[position].checkIntact()
                        continue
                    }
                    while clauseCursors[position].document < range.upperBound {
                        marks[clauseCursors[position].document - range.lowerBound] |= bit
                        if !clauseCursors[position].next() { break }
                    }
                    try clauseCursors[position].checkIntact()
                }
                cursors[index] = clauseCursors
            case .phrase:
                guard let ordinals = terms.phrases[index] else { continue }
                var matcher = phraseMatcher
                try matcher.forEachMatch(segment: segment, ordinals: ordinals, field: .transcript, range: range) { cue, _ in
                    if cue >= range.lowerBound, cue < range.upperBound { marks[cue - range.lowerBound] |= bit }
                }
                phraseMatcher = matcher
            }
        }
    }
}
