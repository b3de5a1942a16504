import TalksAnalysis
import TalksSystem

/// Builds a segment's two lemma maps (FORMAT.md, "Lemma maps"), so that search resolves
/// dictionary lemmas without loading the dictionary.
///
/// - lemma: each lemma key of a term (`SwedishLexicon.lemmaKeys`: `vapnet` → `vapen`;
///   an unknown compound, `dricksvattenförsörjningen` → `dricksvattenförsörjning`) → the
///   terms having it.
/// - lemma form: every form of every lemma key of the first map
///   (`SwedishLexicon.paradigm(ofKey:)`) → the indexes of its lemma keys in the first map's
///   key order. So `vapnen`, never said, resolves to `vapen` and its terms. A form is
///   left out when the rules already do its work: when its inflection key is the lemma's
///   and every term of the lemma has that inflection key too (`strategierna` for
///   `strategi`), the inflection map reaches exactly those terms.
///
/// Both maps are built as sorted pair lists (`KeyListTable.Builder`), not dictionaries of
/// arrays: a segment has a lemma key per known term and several forms per key.
///
/// Without a dictionary both maps are empty (four sections each, no keys).
enum LemmaTablesWriter {
    static func build(
        _ vocabulary: Vocabulary, dictionary: SwedishLexicon?, workers: Int
    ) -> [[UInt8]] {
        guard let dictionary else { return KeyListTable().sections + KeyListTable().sections }
        var lemmaPairs = KeyListTable.Builder(capacity: vocabulary.terms.count)
        for (ordinal, keys) in vocabulary.lemmaKeys.enumerated() {
            for key in keys { lemmaPairs.append(key, UInt32(ordinal)) }
        }
        let lemmaMap = lemmaPairs.table()
        let ruleKeys = vocabulary.keys
        let forms = Parallel.map(count: lemmaMap.count, workers: workers) { index -> [String] in
            let lemma = lemmaMap.key(index)
            let paradigm = dictionary.paradigm(ofKey: lemma)
            let lemmaRuleKey = ExpansionKeys.inflection(lemma)
            let uniform = lemmaMap.list(index).allSatisfy { ruleKeys[Int($0)] == lemmaRuleKey }
            guard uniform else { return paradigm }
            return paradigm.filter { ExpansionKeys.inflection($0) != lemmaRuleKey }
        }
        var formPairs = KeyListTable.Builder(capacity: forms.reduce(0) { $0 + $1.count })
        for (index, list) in forms.enumerated() {
            for form in list { formPairs.append(form, UInt32(index)) }
        }
        return lemmaMap.sections + formPairs.table().sections
    }
}
