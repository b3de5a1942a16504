import TalksIndex

/// The dictionary arbitrates what the rules join. The inflection rules key words by a
/// stem, and two words can share one (`lägret`, a form of `läger`, and `lägger`, a form of
/// `lägga`; `lag` and `lager`): the rules alone cannot tell such words apart. When a
/// segment was written with the Swedish dictionary, its lemma maps give every term the
/// dictionary knows its lemmas (FORMAT.md, "Lemma maps"), so a candidate the rules file
/// under the query word's key is dropped when the query word and the candidate are both
/// known to the dictionary, share no lemma, and the archive bears out both readings.
///
/// A reading is borne out when a lemma of the word is an indexed term (`lägger`, `läger`)
/// or has an indexed term besides the word itself (`lägren` for `lägret`). This guards
/// against the dictionary's gaps: sv_SE gives `ost` no plural and files `ostarna` under
/// `osta` alone, a word the archive never says; there the rules' reading (`ost` + `arna`)
/// is the better one and stays. The rules still decide for words the dictionary lacks
/// (names, new compounds), and rules-only indexes are unchanged (their lemma maps are
/// empty).
///
/// Cost: for a query word the dictionary knows, its lemmas looked up once, then per
/// candidate one look-up in the segment's lemma-form map, and, for a candidate sharing no
/// lemma, a few look-ups of its lemmas.
extension TermExpander {
    /// What the dictionary knows of a query word: its lemma keys over all segments.
    struct LexiconArbiter {
        /// The query word's lemma keys; empty when no segment's dictionary knows it.
        let queryLemmas: Set<String>
        let query: String
        let segments: [SegmentReader]
        /// Whether the archive bears out the query word's lemmas (if not, nothing is
        /// separated); looked up at the first candidate that needs it.
        private var isQueryReadingBorneOut: Bool?

        init(query: String, lemmas: [String], segments: [SegmentReader]) {
            queryLemmas = Set(lemmas)
            self.query = query
            self.segments = segments
        }

        /// Whether the dictionary knows the query word.
        var knowsQueryWord: Bool { !queryLemmas.isEmpty }

        /// Whether the dictionary separates the term `ordinal` of `segment` from the query
        /// word: both known, no lemma in common, both readings borne out by the archive.
        mutating func separates(_ segment: SegmentReader, ordinal: Int) -> Bool {
            guard knowsQueryWord else { return false }
            let candidate = segment.term(at: ordinal)
            guard candidate != query else { return false }
            let candidateLemmas = segment.lemmaKeys(ofForm: candidate)
            guard !candidateLemmas.isEmpty, !candidateLemmas.contains(where: { queryLemmas.contains($0) }) else {
                return false
            }
            if isQueryReadingBorneOut == nil {
                isQueryReadingBorneOut = Self.isBorneOut(Array(queryLemmas), of: query, in: segments)
            }
            return isQueryReadingBorneOut == true && Self.isBorneOut(candidateLemmas, of: candidate, in: segments)
        }

        /// Whether a lemma of `word` is an indexed term or has an indexed term other than `word`.
        static func isBorneOut(_ lemmas: [String], of word: String, in segments: [SegmentReader]) -> Bool {
            lemmas.contains { lemma in
                segments.contains { segment in
                    segment.termOrdinal(lemma) != nil
                        || segment.terms(withLemmaKey: lemma).contains { segment.term(at: $0) != word }
                }
            }
        }
    }
}

/// A probable typo the rules misread: a word no segment holds and no segment's dictionary
/// knows (`humer` for `hummer`) may still have an inflection reading by the rules (`humer`
/// as a form of `humrarna`), which used to keep it from the typo routes and so from the
/// rest of the word's paradigm (`hummer`, `hummern`). With the dictionary, such a word is
/// most likely mistyped, so the typo routes run as well, bounded as always and ranked
/// below the rules' reading; of what they find, only the terms that share a lemma with a
/// term of that reading are kept: the near word the reading agrees with is the word meant.
///
/// The agreement keeps a real word the index does not know from being read as a typo of a
/// near word: `bonde`, never said, whose rules reading is `bonden`, `bönder`, gains
/// nothing from `borde` or `boende`, which share no lemma with them. Words nothing else
/// matched take every typo variant, as before; rules-only indexes are unchanged. A word
/// typed without å/ä/ö whose spelling with them is indexed (`skogsagare`) is no typo: the
/// typo routes scan a dictionary range and would cost such queries 3-8x their instructions.
extension TermExpander {
    /// Whether a query word is a probable typo although some route matched it: not
    /// indexed, unknown to the dictionary, and the index was written with one.
    func isProbableTypo(isIndexed: Bool, arbiter: LexiconArbiter) -> Bool {
        !isIndexed && !arbiter.knowsQueryWord && segments.contains { $0.hasLemmaMaps }
    }

    /// Adds to `collector` the variants of `typos` that share a lemma with a term of the
    /// word's own reading in `collector` (its inflections and spellings, not compounds).
    func addAgreeingTypos(_ typos: VariantCollector, to collector: inout VariantCollector) {
        let readingTiers: Set<TermVariant.Tier> = [.inflected, .folded, .foldedInflected]
        let readingLemmas = Set(collector.terms(in: readingTiers).flatMap { lemmaKeys(of: $0) })
        guard !readingLemmas.isEmpty else { return }
        collector.merge(typos) { term in lemmaKeys(of: term).contains { readingLemmas.contains($0) } }
    }
}
