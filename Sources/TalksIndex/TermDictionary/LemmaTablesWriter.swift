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
///   key order. So `vapnen`, never said, resolves to `vapen` and its terms. Every form is
///   listed, and every term of the lemma too, so search can tell a word the dictionary
///   knows (a form of a lemma the segment holds) from one it does not, and give each term
///   its lemmas: it keeps apart what the rules join and the dictionary separates
///   (`lägret`, lemma `läger`, and `lägger`), and reads an unknown word that is not
///   indexed as a probable typo (`TermExpander+Arbitration`).
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
            let ordinals = lemmaMap.list(index)
            let uniform = ordinals.allSatisfy { ruleKeys[Int($0)] == lemmaRuleKey }
            // When uniform, the lemma and its own terms have the lemma's rule key already
            // (`ruleKeys`): they are left out without computing their keys again.
            var forms = uniform
                ? paradigm.filter { form in
                    form != lemma && !ordinals.contains { vocabulary.terms[Int($0)] == form }
                        && ExpansionKeys.inflection(form) != lemmaRuleKey
                }
                : paradigm
            // The lemma's own terms always stay, so every term the dictionary knows has its
            // lemmas here. A paradigm is a handful of forms: a linear look is cheaper than
            // hashing them into a set.
            for ordinal in ordinals {
                let term = vocabulary.terms[Int(ordinal)]
                if !forms.contains(term) { forms.append(term) }
            }
            return forms
        }
        var formPairs = KeyListTable.Builder(capacity: forms.reduce(0) { $0 + $1.count })
        for (index, list) in forms.enumerated() {
            for form in list { formPairs.append(form, UInt32(index)) }
        }
        return lemmaMap.sections + formPairs.table().sections
    }
}
