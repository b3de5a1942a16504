import TalksIndex

/// Gathers the variants `TermExpander` finds for one query word, keyed by term: a term
/// found by several routes keeps its best tier, its document frequency is summed once per
/// segment holding it, and its `TermState`s (segment, ordinal) are kept for scoring.
///
/// Completeness: the exact, inflection, folded and typo routes look at every segment in
/// full (a term's inflection and folded keys are functions of the term alone, so a segment
/// holding the term lists it under the same key), so a term they reach has a state for
/// every segment holding it. The compound and prefix routes are capped per segment (most
/// frequent first), so a term reached only by them may lack the state of a segment where
/// the cap cut it off; such variants come back marked `isPartial`, and `TermExpander`
/// looks them up in the segments they lack, so scoring sees exactly the segments a look-up
/// by string would find.
///
/// Cost: a word meets hundreds of candidates and keeps at most `maximumExpansions`, so
/// states go to one flat log while collecting and into per-variant arrays only for the
/// variants kept.
struct VariantCollector {
    private struct Found {
        var variant: TermVariant
        /// Reached only by capped routes so far.
        var isPartial: Bool
    }

    /// Term → its index in `found`.
    private var indexOfTerm: [String: Int] = [:]
    private var found: [Found] = []
    /// Every state collected, with the index in `found` of the variant it belongs to.
    private var states: [(variant: Int, state: TermState)] = []
    /// (segment, ordinal) pairs already counted, so a term's frequency is summed once per
    /// segment however many routes reach it.
    private var counted = Set<TermState>()

    var isEmpty: Bool { found.isEmpty }

    /// Adds a term found in segment `index` (`segment`) with ordinal `ordinal`; `isCapped`
    /// marks a route capped per segment at a tier other than compound part or prefix (the
    /// compounds of a typo's near term).
    mutating func add(segment: SegmentReader, index: Int, ordinal: Int, tier: TermVariant.Tier, frequency known: Int? = nil,
                      isCapped: Bool = false) {
        let state = TermState(segment: index, ordinal: ordinal)
        let isNew = counted.insert(state).inserted
        if !isNew && tier == .compoundPart { return }
        let term = segment.term(at: ordinal)
        let capped = isCapped || tier == .compoundPart || tier == .prefix
        if let position = indexOfTerm[term] {
            if tier < found[position].variant.tier { found[position].variant.tier = tier }
            if isNew {
                found[position].variant.documentFrequency += known ?? TermExpander.documentFrequency(segment, ordinal)
                states.append((position, state))
            }
            if !capped { found[position].isPartial = false }
        } else {
            let frequency = known ?? TermExpander.documentFrequency(segment, ordinal)
            indexOfTerm[term] = found.count
            states.append((found.count, state))
            found.append(Found(variant: TermVariant(term: term, tier: tier, documentFrequency: frequency), isPartial: capped))
        }
    }

    /// Adds a near miss (`TermExpander.nearest`), which carries its states in every segment.
    mutating func add(near: TermExpander.NearTerm, tier: TermVariant.Tier) {
        let position: Int
        if let existing = indexOfTerm[near.term] {
            position = existing
            if tier < found[position].variant.tier { found[position].variant.tier = tier }
            states.removeAll { $0.variant == position }
        } else {
            position = found.count
            indexOfTerm[near.term] = position
            found.append(Found(variant: TermVariant(term: near.term, tier: tier, documentFrequency: near.documentFrequency),
                               isPartial: false))
        }
        found[position].isPartial = false
        for state in near.states {
            states.append((position, state))
            // Counted, so a key the typo also reaches (`TermExpander+Typos`) adds no second state.
            counted.insert(state)
        }
    }

    /// The terms collected at one of `tiers`.
    func terms(in tiers: Set<TermVariant.Tier>) -> [String] {
        found.filter { tiers.contains($0.variant.tier) }.map(\.variant.term)
    }

    /// Adds the variants of `other` whose term `keep` accepts and this collector lacks,
    /// with their states (a term is one variant in each collector, and its states are
    /// its own, so none is counted twice).
    mutating func merge(_ other: VariantCollector, keeping keep: (String) -> Bool) {
        var position: [Int: Int] = [:]
        for (index, entry) in other.found.enumerated() where indexOfTerm[entry.variant.term] == nil {
            guard keep(entry.variant.term) else { continue }
            position[index] = found.count
            indexOfTerm[entry.variant.term] = found.count
            found.append(entry)
        }
        for entry in other.states {
            guard let mine = position[entry.variant], counted.insert(entry.state).inserted else { continue }
            states.append((mine, entry.state))
        }
    }

    /// Best tier first, then most frequent, capped; each with its states and whether they
    /// may miss segments.
    func variants(limit: Int) -> [(variant: TermVariant, isPartial: Bool)] {
        let order = found.indices.sorted {
            let left = found[$0].variant
            let right = found[$1].variant
            if left.tier != right.tier { return left.tier < right.tier }
            if left.documentFrequency != right.documentFrequency { return left.documentFrequency > right.documentFrequency }
            return left.term < right.term
        }
        let kept = order.prefix(max(0, limit))
        var slot = [Int](repeating: -1, count: found.count)
        var result: [(variant: TermVariant, isPartial: Bool)] = []
        result.reserveCapacity(kept.count)
        for index in kept {
            slot[index] = result.count
            result.append((found[index].variant, found[index].isPartial))
        }
        for entry in states where slot[entry.variant] >= 0 {
            result[slot[entry.variant]].variant.states.append(entry.state)
        }
        return result
    }
}
