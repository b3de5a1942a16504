/// Compound splitting with the Swedish dictionary's compound roles as well as the index's
/// vocabulary.
///
/// A part before the last is accepted when the dictionary says its form may begin or
/// continue a compound (`dricksvatten`, `yrkes`, `ränte`) or, as without the dictionary,
/// when the vocabulary has it (`split(_:isWord:isKey:)`'s head test); the last part when the
/// dictionary says it may end one (`försörjningen`) or the vocabulary has it. So
/// `dricksvattenförsörjningen` splits into `dricksvatten` + `försörjning` in an archive
/// that never says `dricksvatten` alone, and words the dictionary lacks (names, new
/// coinages) still split against the index as before.
///
/// Everything that keeps false parts out still applies to dictionary parts: at least three
/// letters and a vowel, three-letter parts only from `CommonSwedishWords`, no suffix as the
/// last part, fewest parts first, and the linking `-s-`/`-e-` rules. The dictionary only
/// adds parts; it never removes one the vocabulary allows (many nouns lack sv_SE's
/// `COMPOUNDBEGIN`: `kost` in `kostchef`).
///
/// Parts come back as lemmas: the dictionary's lemma of the part's form in its role
/// (`yrkes` → `yrke`, `försörjningen` → `försörjning`, `vapnen` → `vapen`), the part as
/// written when the dictionary does not know it.
extension CompoundSplitter {
    /// The parts of `term` as lemmas, or nil when it is not a compound. `isWord`/`isKey`
    /// answer for the index's terms and their inflection keys, as in
    /// `split(_:isWord:isKey:)`; pass `{ _ in false }` to split against the dictionary alone.
    public func split(
        _ term: String, dictionary: SwedishLexicon, isWord: (String) -> Bool, isKey: (String) -> Bool
    ) -> [String]? {
        guard let (scalars, parts) = segment(term, dictionary: dictionary, isWord: isWord, isKey: isKey) else { return nil }
        return parts.enumerated().map { offset, range in
            Self.lemma(of: Self.text(scalars, range), isLast: offset == parts.count - 1, dictionary: dictionary)
        }
    }

    /// The segmentation with dictionary roles: the term's scalars and its parts' ranges.
    func segment(
        _ term: String, dictionary: SwedishLexicon, isWord: (String) -> Bool, isKey: (String) -> Bool
    ) -> (scalars: [Unicode.Scalar], parts: [Range<Int>])? {
        let key = SwedishInflection.key(term)
        let baseIsWord = key != term && (isWord(key) || !dictionary.lemmas(of: key).isEmpty)
        // The index's words are asked first: a hash table of the segment's vocabulary,
        // mostly in cache, where a dictionary lookup is a miss in tables of 800,000 forms.
        // Either answer makes the part a word (cost 0), so the order changes nothing else.
        return segment(term, baseIsWord: baseIsWord, head: { part in
            if isWord(part) || dictionary.roles(of: part).canPrecedeLastPart { return 0 }
            return strictHeadCost(ofNonWord: part, isWord: isWord, isKey: isKey)
        }, tail: { part in
            if isWord(part) || dictionary.roles(of: part).contains(.compoundEnd) { return 0 }
            return strictTailCost(ofNonWord: part, isKey: isKey)
        })
    }

    /// The lemma of a part: of its dictionary reading in its role, else of any word
    /// reading, else the part as written.
    static func lemma(of part: String, isLast: Bool, dictionary: SwedishLexicon) -> String {
        let role: FormRoles = isLast ? .compoundEnd : [.compoundBegin, .compoundMiddle]
        return dictionary.lemma(of: part, having: role) ?? dictionary.lemma(of: part, having: .standalone) ?? part
    }

    static func text(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> String {
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars[range])
        return String(result)
    }
}
