/// One indexed term a query word stands for, with how it was found and the weight that
/// multiplies its contribution to the score.
///
/// Tiers rank the ways a term can match: the word itself, another inflection of it, a
/// compound containing it, the word typed without å/ä/ö, and a near miss (typo: one edit,
/// or two for words of nine letters or more, ranked lower).
public struct TermVariant: Sendable, Hashable {
    /// How a variant relates to the word the viewer typed, best first; the order is the
    /// ranking order (an exact match always outranks an inflection, and so on down to typos).
    public enum Tier: Int, Sendable, Hashable, Comparable, CaseIterable {
        case exact = 0, inflected, compoundPart, folded, foldedInflected, fuzzy, fuzzyFar, prefix

        /// The multiplier of a variant's term frequency.
        public var weight: Double {
            switch self {
            case .exact: return 1.0
            case .prefix: return 1.0
            case .inflected: return 0.8
            case .compoundPart: return 0.5
            case .folded: return 0.4
            case .foldedInflected: return 0.35
            case .fuzzy: return 0.3
            case .fuzzyFar: return 0.2
            }
        }

        public static func < (left: Tier, right: Tier) -> Bool { left.rawValue < right.rawValue }
    }

    /// The indexed (normalised) term.
    public var term: String
    public var tier: Tier
    /// Documents containing the term, over all segments (the larger of episode-transcript
    /// and per-field counts).
    public var documentFrequency: Int

    /// Where the term lives, one entry per segment holding it (any order). Filled by
    /// `TermExpander`; scoring reads ordinals from here and never looks the term up again.
    var states: [TermState] = []

    public var weight: Double { tier.weight }

    public init(term: String, tier: Tier, documentFrequency: Int) {
        self.term = term
        self.tier = tier
        self.documentFrequency = documentFrequency
    }

    init(term: String, tier: Tier, documentFrequency: Int, states: [TermState]) {
        self.init(term: term, tier: tier, documentFrequency: documentFrequency)
        self.states = states
    }
}
