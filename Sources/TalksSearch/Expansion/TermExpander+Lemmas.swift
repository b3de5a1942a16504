import TalksAnalysis
import TalksIndex

/// The lemma route of expansion: forms the Swedish dictionary relates, read from the
/// segments' lemma maps (stored at ingest; search never loads the dictionary).
///
/// A query word's lemma keys are looked up in every segment's lemma-form map and united
/// (`vapnet` → `vapen`, even when only another segment holds a form of it); each key then
/// lists its terms in every segment (tier `inflected`, as the rules' inflections) and,
/// as a compound part, the compounds whose part has its key (`vapnet` → `kärnvapenproven`).
/// Rules-only segments have empty lemma maps and contribute nothing here.
extension TermExpander {
    /// The lemma keys of a normalised query word, over all segments, sorted.
    func lemmaKeys(of term: String) -> [String] {
        var keys = Set<String>()
        for segment in segments { keys.formUnion(segment.lemmaKeys(ofForm: term)) }
        return keys.sorted()
    }

    /// Adds the terms having one of `lemmas` in segment `index`, and with `compounds` the
    /// compounds having one as a part (when its inflection key differs from the word's
    /// own `key`, which the compound route has already looked up). The folded route
    /// (`TermExpander+Folding`) adds them one tier lower: `formTier`, `compoundTier`.
    func addLemmaVariants(
        _ lemmas: [String], of key: String, in segment: SegmentReader, index: Int, compounds: Bool,
        to collector: inout VariantCollector,
        formTier: TermVariant.Tier = .inflected, compoundTier: TermVariant.Tier = .compoundPart
    ) {
        for lemma in lemmas {
            for ordinal in segment.terms(withLemmaKey: lemma) {
                collector.add(segment: segment, index: index, ordinal: ordinal, tier: formTier)
            }
            let partKey = Self.inflectionKey(lemma)
            guard compounds, partKey != key else { continue }
            // An `-er` lemma that is a word of its own (`lager`, whose key is `lag`) keeps
            // only the compounds that hold it, not those of the shorter stem (`förslag`).
            let reading = syncopeReading(of: lemma)
            for candidate in plausibleCompounds(segment, part: lemma, partKey: partKey)
            where reading.keepsCompound(segment.term(at: candidate.ordinal), of: lemma) {
                collector.add(segment: segment, index: index, ordinal: candidate.ordinal, tier: compoundTier,
                              frequency: candidate.frequency)
            }
        }
    }
}
