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
/// pass over its postings in those episodes. Deciding whether an episode stays (every
/// matching episode, for the total and the facets) stops at its first cue with a positive
/// word and no negated one when the plan has no phrase and no compound's parts; only the page's episodes have all
/// their negated cues listed (`cues(ofEpisode:negated:)`, for the hits).
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
    /// Whether no clause is a phrase and none is a compound's part (a `near` group, positive
    /// only where a cue says all its parts): `keepsAHit` then walks the positive words'
    /// cursors against the negated words' and stops at the first kept cue.
    private let allClausesAreWords: Bool
    /// `standing(of:)`'s cursors, one per word variant: the positive clauses' first
    /// (`positiveCount`), then the negated ones'; kept across episodes like `cursors`, nil
    /// until first used.
    private var walkCursors: [PostingsCursor]?
    private var positiveCount = 0
    /// The cue range `standing(of:)` last visited (its own cursors, its own order check).
    private var lastWalkStart = -1

    /// How the cues of one episode stand against the negated words.
    enum EpisodeCues {
        /// A cue says a positive word and no negated one.
        case kept
        /// Positive words are said, each time in a cue with a negated word.
        case allNegated
        /// No cue says a positive word (the episode was found by its metadata).
        case noPositiveCue
    }

    init(segment: SegmentReader, plan: QueryPlan, terms: SegmentTerms) {
        self.segment = segment
        self.plan = plan
        self.terms = terms
        cursors = Array(repeating: nil, count: plan.clauses.count)
        let nearGroups = plan.nearGroups
        groups = nearGroups.map { CuePartsProximity(segment: segment, clauses: $0, terms: terms) }
        grouped = Set(nearGroups.joined())
        allClausesAreWords = nearGroups.isEmpty && plan.clauses.allSatisfy { $0.shape == .terms }
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
    ///
    /// When every clause is words (no phrase, no compound's parts), this walks the positive words' cues in order
    /// and stops at the first one no negated word holds (`standing(of:)`): its cost is the
    /// cues up to that one, not every cue of the episode that says either word (`det -och`
    /// read every cue of both in each of 5,000 episodes; the first cue with "det" and
    /// without "och" is a few cues in).
    mutating func keepsAHit(episode: Int, metadataNegated: Bool) throws(IndexError) -> Bool {
        let range = segment.cueRange(ofEpisode: episode)
        guard !range.isEmpty else { return !metadataNegated }
        if allClausesAreWords {
            switch try standing(of: range) {
            case .kept: return true
            case .allNegated: return false
            case .noPositiveCue: return !metadataNegated
            }
        }
        return try keepsAHitByMarking(range, metadataNegated: metadataNegated)
    }

    /// `keepsAHit` by marking every cue of the episode that a clause matches: the general
    /// form (phrases too), and the reference the walk of `standing(of:)` is tested against.
    mutating func keepsAHitByMarking(episode: Int, metadataNegated: Bool) throws(IndexError) -> Bool {
        let range = segment.cueRange(ofEpisode: episode)
        guard !range.isEmpty else { return !metadataNegated }
        return try keepsAHitByMarking(range, metadataNegated: metadataNegated)
    }

    private mutating func keepsAHitByMarking(_ range: Range<Int>, metadataNegated: Bool) throws(IndexError) -> Bool {
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

    /// The cues of `range` (one episode) against the negated words, for plans of words only:
    /// the positive variants' cursors are merged in cue order, each cue they hold is looked
    /// up in the negated variants' cursors (`advance(to:)`, which skips), and the walk ends
    /// at the first cue no negated variant holds. Same answer as `mark` with both flags.
    private mutating func standing(of range: Range<Int>) throws(IndexError) -> EpisodeCues {
        if range.lowerBound <= lastWalkStart { walkCursors = nil }
        lastWalkStart = range.lowerBound
        // Taken out of the property while walked (mutated in place, not copied), and walked
        // through a buffer pointer: no uniqueness check or copy of a cursor per step.
        var cursors = walkCursors ?? openWalkCursors()
        walkCursors = nil
        let positiveCount = self.positiveCount
        var damaged: Int?
        let outcome = cursors.withUnsafeMutableBufferPointer { cursors -> EpisodeCues in
            // A damaged list ends its cursor (document Int.max): found here, thrown below.
            defer { damaged = cursors.indices.first { cursors[$0].isCorrupt } }
            // A cursor already at or past its target is not called (most variants of a word
            // with many are not in most episodes: their cursors wait past the range).
            var candidate = Int.max
            for index in 0..<positiveCount {
                if cursors[index].document < range.lowerBound { _ = cursors[index].advance(to: range.lowerBound) }
                candidate = min(candidate, cursors[index].document)
            }
            guard candidate < range.upperBound else { return .noPositiveCue }
            while candidate < range.upperBound {
                var negatedHere = false
                for index in positiveCount..<cursors.count {
                    if cursors[index].document < candidate { _ = cursors[index].advance(to: candidate) }
                    if cursors[index].document == candidate {
                        negatedHere = true
                        break
                    }
                }
                if !negatedHere { return .kept }
                var next = Int.max
                for index in 0..<positiveCount {
                    if cursors[index].document == candidate { _ = cursors[index].next() }
                    next = min(next, cursors[index].document)
                }
                candidate = next
            }
            return .allNegated
        }
        defer { walkCursors = cursors }
        if let damaged { try cursors[damaged].checkIntact() }
        return outcome
    }

    /// Opens `standing(of:)`'s cursors at the start of the segment's lists, the positive
    /// clauses' variants first (`positiveCount` of them), then the negated ones'.
    private mutating func openWalkCursors() -> [PostingsCursor] {
        var positive: [PostingsCursor] = []
        var negated: [PostingsCursor] = []
        for (index, clause) in plan.clauses.enumerated() {
            for variant in terms.variants[index] {
                // An empty or damaged list is kept too: it never matches, and
                // `checkIntact` reports the damage.
                let cursor = segment.postings(term: variant.ordinal, field: .transcript)
                if clause.isNegated { negated.append(cursor) } else { positive.append(cursor) }
            }
        }
        positiveCount = positive.count
        return positive + negated
    }
}
