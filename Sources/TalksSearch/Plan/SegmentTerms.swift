import TalksIndex

/// A plan's clauses resolved to one segment's term ordinals, once per query and segment, so
/// scoring and hit collection never look a term up by string again.
struct SegmentTerms {
    struct Weighted {
        var ordinal: Int
        var weight: Double
    }

    /// Per clause: the variants this segment holds, with their tier weights.
    let variants: [[Weighted]]
    /// Per clause: the phrase's term ordinals in order, or nil when the segment lacks a word
    /// (or the clause is not a phrase).
    let phrases: [[Int]?]

    init(plan: QueryPlan, segment: SegmentReader) {
        var variants: [[Weighted]] = []
        var phrases: [[Int]?] = []
        for clause in plan.clauses {
            switch clause.shape {
            case .terms:
                variants.append(clause.variants.compactMap { variant in
                    segment.termOrdinal(variant.term).map { Weighted(ordinal: $0, weight: variant.weight) }
                })
                phrases.append(nil)
            case .phrase:
                variants.append([])
                let ordinals = clause.phraseTerms.compactMap { segment.termOrdinal($0) }
                phrases.append(ordinals.count == clause.phraseTerms.count && !ordinals.isEmpty ? ordinals : nil)
            }
        }
        self.variants = variants
        self.phrases = phrases
    }
}
