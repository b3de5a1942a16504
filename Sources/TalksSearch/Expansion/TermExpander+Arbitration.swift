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
        let segments: [SegmentReader]
        /// Whether the archive bears out the query word's lemmas; if not, nothing is separated.
        private let isQueryReadingBorneOut: Bool

        init(query: String, lemmas: [String], segments: [SegmentReader]) {
            queryLemmas = Set(lemmas)
            self.segments = segments
            isQueryReadingBorneOut = Self.isBorneOut(lemmas, of: query, in: segments)
        }

        /// Whether the dictionary knows the query word.
        var knowsQueryWord: Bool { !queryLemmas.isEmpty }

        /// Whether the dictionary separates the term `ordinal` of `segment` from the query
        /// word: both known, no lemma in common, both readings borne out by the archive.
        func separates(_ segment: SegmentReader, ordinal: Int) -> Bool {
            guard isQueryReadingBorneOut else { return false }
            let candidate = segment.term(at: ordinal)
            let candidateLemmas = segment.lemmaKeys(ofForm: candidate)
            guard !candidateLemmas.isEmpty, !candidateLemmas.contains(where: { queryLemmas.contains($0) }) else {
                return false
            }
            return Self.isBorneOut(candidateLemmas, of: candidate, in: segments)
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
/// as a form of `humrarna`), which used to keep it from the typo routes. With the
/// dictionary, such a word is most likely mistyped, so the typo routes run as well
/// (bounded as always, ranked below the rules' readings); a word the dictionary knows is
/// never read as a typo of a near word.
///
/// "Knows" is what the segments stored: the word is a form of a lemma of some segment's
/// lemma-form map, or it may be one whose form the map leaves out because the rules
/// already reach it (FORMAT.md, "Lemma maps": a form whose inflection key is its lemma's):
/// some term under the word's inflection key has a lemma with that same key, and the word
/// is that lemma with at most its last letter changed before an ending, as a regular form
/// is (`bonde`, never said, beside `bonden`, lemma `bonde`; `flickor` for `flicka`). So
/// `humer` is not taken for a form of `humor`, whose key `hum` it shares. Rules-only
/// indexes are unchanged: there the typo routes run only for words nothing else matched.
extension TermExpander {
    /// Whether a query word is a probable typo although some route matched it: not
    /// indexed, unknown to the dictionary, and the index was written with one.
    func isProbableTypo(_ term: String, key: String, isIndexed: Bool, arbiter: LexiconArbiter) -> Bool {
        guard !isIndexed, !arbiter.knowsQueryWord, segments.contains(where: { $0.hasLemmaMaps }) else { return false }
        for segment in segments where segment.hasLemmaMaps {
            for ordinal in segment.terms(withInflectionKey: key) {
                let lemmas = segment.lemmaKeys(ofForm: segment.term(at: ordinal))
                if lemmas.contains(where: { Self.inflectionKey($0) == key && Self.mayBeRegularForm(term, of: $0) }) {
                    return false
                }
            }
        }
        return true
    }

    /// Whether `form` keeps all of `lemma` but perhaps its last letter (`bonden`, `flickor`,
    /// `köpte` for `bonde`, `flicka`, `köpa`): the shape of a regular inflection.
    static func mayBeRegularForm(_ form: String, of lemma: String) -> Bool {
        let shared = zip(form.unicodeScalars, lemma.unicodeScalars).prefix { $0 == $1 }.count
        return shared >= lemma.unicodeScalars.count - 1
    }
}
