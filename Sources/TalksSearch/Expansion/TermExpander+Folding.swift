import TalksAnalysis
import TalksIndex

/// The rules' route and the folded route of `expand(word:)`: the inflections, syncope
/// forms, lemma forms and compounds of the word as typed, and the word's spellings with
/// å/ä/ö together with everything those spellings stand for.
///
/// A spelling with å/ä/ö found for a word typed without them (`froknar` → `fröknar`) is
/// expanded as that spelling would be, one tier lower: its forms by the dictionary's lemma
/// maps (`fröken`, `frökens`) and its compounds (`tradgard` → `trädgårdsnäring`), all at
/// `foldedInflected`. Before, only the folded key was looked up, so a paradigm whose forms
/// fold to different keys (`öken`/`öknen`, `fröken`/`fröknar`) was found only in part.
///
/// A typed string that no segment holds and the dictionary relates to nothing, but whose
/// spelling with å/ä/ö is indexed (`algarna` → `älgarna`), is read as that spelling only
/// (`FoldingPolicy`, rule 3): the rules' guesses for the typed string (`algerna`, by the
/// shared key `alg`) are another word the viewer did not type.
extension TermExpander {
    /// Whether `term` (typed without å/ä/ö) is in no segment, while a segment holds the same
    /// letters with å/ä/ö (a term under its folded key that folds to `term` itself).
    func readsAsSpelling(_ term: String, foldedKey: String) -> Bool {
        guard lookUp(term).documentFrequency == 0 else { return false }
        for segment in segments {
            for ordinal in segment.terms(withFoldedKey: foldedKey) {
                let text = segment.term(at: ordinal)
                if text != term, AsciiFolder.fold(text) == term { return true }
            }
        }
        return false
    }

    /// The word as typed, by the rules and the dictionary, in segment `index`: its
    /// inflections (key), syncope forms, lemma forms and the compounds holding it; with
    /// `formsKeyedByTerm` (a compound's part) also the terms whose key is the word itself.
    func addRuleVariants(
        of term: String, key: String, syncope: SyncopeReading, lemmas: [String], compounds: Bool,
        formsKeyedByTerm: Bool = false,
        segment: SegmentReader, index: Int, arbiter: inout LexiconArbiter, into collector: inout VariantCollector
    ) {
        for ordinal in segment.terms(withInflectionKey: key) where !arbiter.separates(segment, ordinal: ordinal) {
            let candidate = segment.term(at: ordinal)
            guard syncope.keeps(candidate, of: term), !isOtherWordOfItsOwn(candidate, of: term) else { continue }
            collector.add(segment: segment, index: index, ordinal: ordinal, tier: .inflected)
        }
        if formsKeyedByTerm {
            // A compound's part whose own key is shorter than its forms' (`höns`, key
            // `hön`; `hönsen`, key `höns`): the terms keyed by the part itself.
            for ordinal in segment.terms(withInflectionKey: term) where !arbiter.separates(segment, ordinal: ordinal) {
                collector.add(segment: segment, index: index, ordinal: ordinal, tier: .inflected)
            }
        }
        addSyncopeVariants(of: term, reading: syncope, segment: segment, index: index, arbiter: &arbiter,
                           into: &collector)
        addLemmaVariants(lemmas, of: key, in: segment, index: index, compounds: compounds, to: &collector)
        guard compounds else { return }
        for candidate in plausibleCompounds(segment, part: term, partKey: key)
        where syncope.keepsCompound(segment.term(at: candidate.ordinal), of: term) {
            collector.add(segment: segment, index: index, ordinal: candidate.ordinal, tier: .compoundPart,
                          frequency: candidate.frequency)
        }
    }

    /// Adds the spellings with å/ä/ö found under the folded key (`found`, at their tiers),
    /// then, for each distinct spelling, its compounds and (with `paradigms`) its lemma
    /// forms in every segment, at `foldedInflected`. A word of its own (`lager`, or one the
    /// dictionary knows) keeps its spellings (`läger`) but not their paradigms (`lägret`).
    func addSpellingVariants(
        _ found: [(segment: Int, ordinal: Int, tier: TermVariant.Tier)], paradigms: Bool, compounds: Bool,
        into collector: inout VariantCollector
    ) {
        var spellings: [String] = []
        var seen = Set<String>()
        for entry in found {
            let segment = segments[entry.segment]
            collector.add(segment: segment, index: entry.segment, ordinal: entry.ordinal, tier: entry.tier)
            let spelled = segment.term(at: entry.ordinal)
            if seen.insert(spelled).inserted { spellings.append(spelled) }
        }
        var lemmas = Set<String>()
        if paradigms {
            for spelled in spellings { lemmas.formUnion(lemmaKeys(of: spelled)) }
        }
        let sortedLemmas = lemmas.sorted()
        var compoundKeys = Set<String>()
        for (index, segment) in segments.enumerated() {
            // Lemma keys whose inflection key a spelling shares are searched as compound
            // parts below, with that spelling.
            addLemmaVariants(sortedLemmas, of: "", in: segment, index: index, compounds: compounds, to: &collector,
                             formTier: .foldedInflected, compoundTier: .foldedInflected)
            guard compounds else { continue }
            for spelled in spellings {
                let spelledKey = Self.inflectionKey(spelled)
                guard compoundKeys.insert("\(index) \(spelledKey)").inserted else { continue }
                for candidate in plausibleCompounds(segment, part: spelledKey, partKey: spelledKey) {
                    collector.add(segment: segment, index: index, ordinal: candidate.ordinal, tier: .foldedInflected,
                                  frequency: candidate.frequency)
                }
            }
        }
    }
}
