import TalksAnalysis
import TalksIndex

/// Typos inside an inflected form no one said: `mjölkrobotrna` (for `mjölkrobotarna`) is two
/// or more edits from every indexed form (`mjölkroboten`, `mjölkrobotar`) and from their
/// inflection key (`mjölkrobo`), so neither typo route reaches it. Read as a stem plus an
/// inflection ending with one edit between them (`mjölkrobot` + `rna`, one edit from
/// `arna`), the stem's own inflection key is an exact look-up, and its terms are the word's
/// other forms.
///
/// Bounds: only stems of at least `minimumStemLength` letters (a shorter stem cut from a
/// typo is too often another word: `kost` from `kostnadr`), at most `endingLengths` ending
/// lengths tried, one exact key look-up per stem and segment; the terms found take the
/// lowest typo tier (`fuzzyFar`), below the near terms and near keys of the typed word.
extension TermExpander {
    /// Swedish inflection endings a typed word is read against (nouns, adjectives, verbs;
    /// definite, plural, genitive), longest four letters plus the genitive `s`.
    static let inflectionEndings: [[UInt32]] = [
        "a", "an", "ar", "arna", "as", "e", "en", "er", "erna", "et", "n", "na", "or", "orna", "r", "rna", "s",
        "t", "de", "te", "ade", "at", "ens", "ets", "ns", "arnas", "ernas", "ornas",
    ].map(BoundedLevenshtein.scalars)

    /// The fewest letters of a stem read off a typed word.
    static let minimumStemLength = 7

    /// The lengths of ending tried (the typed word's last 1…5 letters).
    static let endingLengths = 1...5

    /// Adds the forms of the stems a typed word is one edit from as stem + ending.
    func addTypedEndingStems(of term: String, into collector: inout VariantCollector) {
        let scalars = Array(term.unicodeScalars)
        let letters = scalars.map(\.value)
        var levenshtein = BoundedLevenshtein()
        var keys = Set<String>()
        for length in Self.endingLengths where letters.count - length >= Self.minimumStemLength {
            let typedEnding = Array(letters.suffix(length))
            let isNearEnding = Self.inflectionEndings.contains { ending in
                ending != typedEnding && levenshtein.distance(typedEnding, ending, limit: 1) != nil
            }
            guard isNearEnding else { continue }
            var stem = String.UnicodeScalarView()
            stem.append(contentsOf: scalars.prefix(scalars.count - length))
            keys.insert(Self.inflectionKey(String(stem)))
        }
        for key in keys.sorted() {
            for (index, segment) in segments.enumerated() {
                for ordinal in segment.terms(withInflectionKey: key) {
                    collector.add(segment: segment, index: index, ordinal: ordinal, tier: .fuzzyFar)
                }
            }
        }
    }
}

/// A typo one edit from an indexed form is expanded like that form: `humrarrna` is one edit
/// from `humrarna`, whose paradigm (`hummer`, `humrar`, through the lemma map; forms sharing
/// its inflection key by the rules) the talk may say instead, and whose compounds hold it
/// (`växtodlingarn` → `växtodlingarna` → `växtodlingsrådgivningen`, as `växtodlingarna`
/// typed right finds it). The forms are added at the lowest typo tier, the compounds capped
/// as for any word, and only for typed words of `minimumStemLength` letters or more.
extension TermExpander {
    /// Adds the forms of the near terms one edit from a typed word.
    func addParadigms(of near: [NearTerm], typed term: String, into collector: inout VariantCollector) {
        guard term.unicodeScalars.count >= Self.minimumStemLength else { return }
        for found in near where found.distance <= 1 {
            let key = Self.inflectionKey(found.term)
            let lemmas = lemmaKeys(of: found.term)
            for (index, segment) in segments.enumerated() {
                for ordinal in segment.terms(withInflectionKey: key) {
                    collector.add(segment: segment, index: index, ordinal: ordinal, tier: .fuzzyFar)
                }
                for lemma in lemmas {
                    for ordinal in segment.terms(withLemmaKey: lemma) {
                        collector.add(segment: segment, index: index, ordinal: ordinal, tier: .fuzzyFar)
                    }
                }
                for candidate in plausibleCompounds(segment, part: found.term, partKey: key) {
                    collector.add(segment: segment, index: index, ordinal: candidate.ordinal, tier: .fuzzyFar,
                                  frequency: candidate.frequency, isCapped: true)
                }
            }
        }
    }
}
