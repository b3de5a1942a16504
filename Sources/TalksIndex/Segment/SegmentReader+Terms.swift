/// The term dictionary and expansion tables of a segment.
///
/// Terms are the analyser's normalised tokens (not stems), sorted by UTF-8 bytes.
extension SegmentReader {
    /// The ordinal of `term`, or nil when the segment does not contain it.
    public func termOrdinal(_ term: String) -> Int? {
        var term = term
        return term.withUTF8 { dictionary.find(UnsafeRawBufferPointer($0)) }
    }

    /// The ordinal of the term with these UTF-8 bytes (no `String` needed).
    public func termOrdinal(bytes: UnsafeRawBufferPointer) -> Int? {
        dictionary.find(bytes)
    }

    /// The term with ordinal `ordinal` ("" when out of range).
    public func term(at ordinal: Int) -> String {
        String(decoding: dictionary.termBytes(ordinal), as: UTF8.self)
    }

    /// The UTF-8 bytes of term `ordinal`, valid while the segment lives.
    public func termBytes(at ordinal: Int) -> UnsafeRawBufferPointer {
        dictionary.termBytes(ordinal)
    }

    /// The ordinals of all terms starting with `prefix` (byte-wise), a contiguous range.
    public func termOrdinals(withPrefix prefix: String) -> Range<Int> {
        var prefix = prefix
        return prefix.withUTF8 { dictionary.prefixRange(UnsafeRawBufferPointer($0)) }
    }

    /// Terms whose `ExpansionKeys.inflection` equals `key` (e.g. key of "strategin" →
    /// strategi, strategin, strategier, strategierna).
    public func terms(withInflectionKey key: String) -> [Int] {
        expansions.lookup(.inflection, key)
    }

    /// Terms whose `ExpansionKeys.folded` equals `folded` (å/ä/ö and other diacritics
    /// folded after inflection: "vatmark" → våtmark, våtmarker, våtmarkerna).
    public func terms(withFoldedKey folded: String) -> [Int] {
        expansions.lookup(.folded, folded)
    }

    /// Compound terms that split into a part whose inflection key is `key`
    /// ("strategi" → livsmedelsstrategi, livsmedelsstrategin). Whole words are not listed.
    public func compounds(withPartKey key: String) -> [Int] {
        expansions.lookup(.compoundPart, key)
    }
}

/// The lemma maps and the keys typos are matched against (FORMAT.md, "Lemma maps").
extension SegmentReader {
    /// The lemma keys of a form: the keys of the lemma map whose paradigm holds `form`
    /// (`vapnet` → `vapen`), as stored by a segment written with the Swedish dictionary;
    /// empty for a rules-only segment or a form the dictionary does not relate.
    public func lemmaKeys(ofForm form: String) -> [String] {
        let table = expansions.tables[ExpansionTablesReader.Map.lemma.rawValue]
        return expansions.lookup(.lemmaForm, form).map { String(decoding: table.key($0), as: UTF8.self) }
    }

    /// Whether the segment was written with the Swedish dictionary: it then has lemma maps
    /// (a rules-only segment's are empty), so a term absent from them is one the
    /// dictionary does not know.
    public var hasLemmaMaps: Bool {
        expansions.tables[ExpansionTablesReader.Map.lemma.rawValue].count > 0
    }

    /// Terms having the lemma key `key` (`vapen` → vapen, vapnet, vapnen).
    public func terms(withLemmaKey key: String) -> [Int] {
        expansions.lookup(.lemma, key)
    }

    /// The keys a typo may be matched against, besides the terms: inflection keys and
    /// lemma keys.
    public enum MatchableKeys: Sendable, CaseIterable {
        case inflection, lemma

        var map: ExpansionTablesReader.Map { self == .inflection ? .inflection : .lemma }
    }

    /// Calls `body` with every key of `keys` starting with `prefix` (bytes valid during the
    /// call) and the terms listed under it.
    public func forEachKey(
        _ keys: MatchableKeys, withPrefix prefix: String,
        _ body: (_ key: UnsafeRawBufferPointer, _ terms: () -> [Int]) -> Void
    ) {
        let map = keys.map
        let table = expansions.tables[map.rawValue]
        let bound = expansions.bound(map)
        var prefix = prefix
        prefix.withUTF8 { utf8 in
            for index in table.keys(withPrefix: UnsafeRawBufferPointer(utf8)) {
                body(table.key(index), { table.list(index, bound: bound) })
            }
        }
    }
}
