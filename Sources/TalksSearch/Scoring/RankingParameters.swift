import TalksIndex

/// The knobs of BM25F ranking and term expansion, in one place so they can be tuned and
/// tested together.
///
/// BM25F (Robertson & Zaragoza, "The Probabilistic Relevance Framework: BM25 and Beyond",
/// 2009): per episode, each field's term frequency is length-normalised and weighted, the
/// weighted sum is saturated once with `k1`, and multiplied by the term's IDF. A variant
/// found by expansion contributes its frequency times its tier weight, so an exact match
/// outranks the same number of inflected, compound-part, folded or fuzzy matches.
public struct RankingParameters: Sendable, Hashable {
    public var k1: Double = 1.2
    public var b: Double = 0.75
    /// Boosts per field: title and speakers matter most, the transcript is the baseline.
    public var titleWeight: Double = 3
    public var speakersWeight: Double = 2.5
    public var tagsWeight: Double = 1.5
    /// A chapter title names what one part of the talk is about: more specific than the
    /// description or a tag, but about a part where the title is about the whole talk, so
    /// between the title and the tags.
    public var chaptersWeight: Double = 2
    public var descriptionWeight: Double = 1.2
    public var seriesWeight: Double = 1
    public var transcriptWeight: Double = 1
    /// Most variants one query word may expand to (all tiers together).
    public var maximumExpansions: Int = SearchLimits.maximumExpansionsPerTerm
    /// Most index terms a whole query may expand to (a `QueryError` beyond).
    public var maximumQueryExpansions: Int = SearchLimits.maximumExpansionsPerQuery
    /// Most dictionary terms a prefix search inspects before picking the most frequent.
    public var maximumPrefixScan: Int = SearchLimits.maximumPrefixScan
    /// Most compounds one word may be found inside (most frequent first).
    public var maximumCompoundVariants: Int = 24
    /// Most fuzzy variants kept per unknown word (nearest, then most frequent).
    public var maximumFuzzyVariants: Int = 8
    /// An organisers' synonym (`synonyms.txt`) scores this share of the IDF of the words the
    /// query named (at most its own), so it ranks below an exact match.
    public var synonymWeight: Double = 0.6
    /// A compound's parts said apart (`QueryPlanner+CompoundParts`: `grisgödsel` in "gödsel
    /// från grisarna") score together this share of the smaller of each part's IDF and the
    /// compound's (each of n parts 1/n of it), so they rank below the compound and its forms.
    public var compoundPartsWeight: Double = 0.5
    /// The parts route is for compounds the archive says rarely or never: a compound one of
    /// whose forms is said in at least this many episodes is not also looked for in parts.
    /// Its parts-only episodes would rank below all of those episodes (pages later), and
    /// scoring two frequent parts over every segment was most of a compound query's cost
    /// (at 5,000 episodes `skogsägare` 0.41 → 2.2 ms, `livsmedelsstrategi` 0.51 → 1.35 ms).
    public var compoundPartsUpToEpisodes: Int = 50
    /// Most synonym clauses one query adds (a one-word alternative is one clause, a phrase
    /// one per inflected form), and most phrases one multi-word alternative becomes. Synonym
    /// clauses also stop at half of `maximumQueryExpansions` index terms.
    public var maximumSynonymAlternatives: Int = 16
    public var maximumSynonymPhrases: Int = 8
    /// Most inflected forms one quoted phrase also matches (`"regional livsmedelsstrategi"` →
    /// "regionala livsmedelsstrategier"), ranked below the phrase as typed; 0 keeps phrases exact.
    public var maximumPhraseForms: Int = 12

    public init() {}

    public func weight(of field: Field) -> Double {
        switch field {
        case .title: return titleWeight
        case .description: return descriptionWeight
        case .speakers: return speakersWeight
        case .tags: return tagsWeight
        case .series: return seriesWeight
        case .transcript: return transcriptWeight
        case .chapters: return chaptersWeight
        }
    }

    /// Okapi BM25 IDF, always positive: ln(1 + (N − df + 0.5) / (df + 0.5)).
    public static func inverseDocumentFrequency(documentFrequency: Int, documentCount: Int) -> Double {
        let df = Double(max(0, documentFrequency))
        let count = Double(max(documentCount, documentFrequency, 1))
        return log(1 + (count - df + 0.5) / (df + 0.5))
    }
}

#if canImport(Glibc)
import Glibc
#endif
