/// Lemma keys: what the index would key a term's inflections by when the dictionary is
/// there. Terms with a common lemma key are forms of one word.
///
/// - A form the dictionary knows: its lemmas (`vapnen` → `vapen`; `lagrar` → `lager`,
///   `lagra`).
/// - An unknown compound whose parts the dictionary knows: the compound with its last part
///   replaced by that part's lemma (`dricksvattenförsörjningen` →
///   `dricksvattenförsörjning`, `kärnvapenproven` → `kärnvapenprov`). The split uses the
///   dictionary alone, so a term's keys do not depend on what else an index holds.
/// - Anything else: none; the caller falls back to `SwedishInflection.key`
///   (`SwedishInflection.keys(_:dictionary:)` does).
extension SwedishLexicon {
    /// The lemma keys of a normalised term, sorted; empty when the dictionary knows neither
    /// the term nor the last part of a compound it makes.
    public func lemmaKeys(of term: String, splitter: CompoundSplitter = CompoundSplitter()) -> [String] {
        let known = lemmas(of: term)
        if !known.isEmpty { return known }
        return compoundLemmas(of: term, splitter: splitter)
    }

    /// The lemmas of an unknown compound: the term up to its last part, plus each lemma of
    /// that part; empty when the dictionary cannot split it.
    public func compoundLemmas(of term: String, splitter: CompoundSplitter = CompoundSplitter()) -> [String] {
        let never: (String) -> Bool = { _ in false }
        guard let (scalars, parts) = splitter.segment(term, dictionary: self, isWord: never, isKey: never),
              let last = parts.last
        else { return [] }
        let head = CompoundSplitter.text(scalars, 0..<last.lowerBound)
        let part = CompoundSplitter.text(scalars, last)
        var lastLemmas = lemmas(of: part, having: .compoundEnd)
        if lastLemmas.isEmpty { lastLemmas = lemmas(of: part) }
        return lastLemmas.map { head + $0 }
    }
}

extension SwedishLexicon {
    /// The forms a lemma key stands for, sorted: what the index stores so that a query
    /// form the archive never said still resolves (`vapnet` → `vapen` when only `vapen`
    /// was said). A dictionary lemma: its standalone forms (`paradigm(of:)`). A compound
    /// key from `compoundLemmas` (`dricksvattenförsörjning`): the head with each form of
    /// the last part's lemma that may end a compound or stand alone
    /// (`dricksvattenförsörjningen`, …). Empty when the dictionary knows neither.
    public func paradigm(ofKey key: String, splitter: CompoundSplitter = CompoundSplitter()) -> [String] {
        if lemmaTable.find(key) != nil {
            let forms = paradigm(of: key)
            if !forms.isEmpty { return forms }
        }
        let never: (String) -> Bool = { _ in false }
        guard let (scalars, parts) = splitter.segment(key, dictionary: self, isWord: never, isKey: never),
              let last = parts.last
        else { return [] }
        let head = CompoundSplitter.text(scalars, 0..<last.lowerBound)
        let part = CompoundSplitter.text(scalars, last)
        var result = Set<String>()
        var candidates = lemmas(of: part, having: .compoundEnd)
        if candidates.isEmpty { candidates = lemmas(of: part) }
        for lemma in candidates where head + lemma == key {
            for form in paradigm(of: lemma, roles: [.standalone, .compoundEnd]) { result.insert(head + form) }
        }
        return result.sorted()
    }
}

extension SwedishInflection {
    /// The keys a term's inflections share: its dictionary lemma keys
    /// (`SwedishLexicon.lemmaKeys`) when there is a dictionary and it knows the term,
    /// else the rule key (`key`). One key for most terms; several for a form of two words
    /// (`lagrar`: `lager`, `lagra`).
    public static func keys(_ term: String, dictionary: SwedishLexicon?) -> [String] {
        if let dictionary {
            let lemmas = dictionary.lemmaKeys(of: term)
            if !lemmas.isEmpty { return lemmas }
        }
        return [key(term)]
    }
}
