/// A plan's clauses resolved to one segment's term ordinals, once per query and segment, so
/// scoring and hit collection never look a term up by string again.
///
/// The ordinals come from the variants' `TermState`s, which the expander kept when it found
/// them: resolving a plan is a pass over those states, with no dictionary search.
struct SegmentTerms {
    struct Weighted {
        var ordinal: Int
        var weight: Double
    }

    /// Per clause: the variants this segment holds, in the clause's variant order (so the
    /// scores add up in the same order in every segment), with their tier weights.
    private(set) var variants: [[Weighted]]
    /// Per clause: the phrase's term ordinals in order, or nil when the segment lacks a word
    /// (or the clause is not a phrase).
    private(set) var phrases: [[Int]?]

    private init(clauseCount: Int) {
        variants = Array(repeating: [], count: clauseCount)
        phrases = Array(repeating: nil, count: clauseCount)
    }

    /// The terms of every segment of the reader the plan was made for (`segmentCount`
    /// segments, in the reader's order).
    static func resolve(_ plan: QueryPlan, segmentCount: Int) -> [SegmentTerms] {
        var result = Array(repeating: SegmentTerms(clauseCount: plan.clauses.count), count: segmentCount)
        for (index, clause) in plan.clauses.enumerated() {
            switch clause.shape {
            case .terms:
                for variant in clause.variants {
                    for state in variant.states where state.segment >= 0 && state.segment < segmentCount {
                        result[state.segment].variants[index].append(Weighted(ordinal: state.ordinal, weight: variant.weight))
                    }
                }
            case .phrase:
                let words = clause.phraseTerms
                guard !words.isEmpty else { continue }
                var ordinals = Array(repeating: [Int](repeating: -1, count: words.count), count: segmentCount)
                for (position, word) in words.enumerated() {
                    for state in word.states where state.segment >= 0 && state.segment < segmentCount {
                        ordinals[state.segment][position] = state.ordinal
                    }
                }
                for segment in 0..<segmentCount where !ordinals[segment].contains(-1) {
                    result[segment].phrases[index] = ordinals[segment]
                }
            }
        }
        return result
    }
}
