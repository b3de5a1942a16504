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
/// Without a dictionary both maps are empty (four sections each, no keys).
enum LemmaTablesWriter {
    static func build(_ vocabulary: Vocabulary, dictionary: SwedishLexicon?, workers: Int) -> [[UInt8]] {
        var lemmaMap: [String: [UInt32]] = [:]
        if dictionary != nil {
            for (ordinal, keys) in vocabulary.lemmaKeys.enumerated() {
                for key in keys { lemmaMap[key, default: []].append(UInt32(ordinal)) }
            }
        }
        let sortedKeys = lemmaMap.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var formMap: [String: [UInt32]] = [:]
        if let dictionary, !sortedKeys.isEmpty {
            let ruleKeys = vocabulary.keys
            let paradigms = Parallel.map(count: sortedKeys.count, workers: workers) { index -> [String] in
                let lemma = sortedKeys[index]
                let lemmaRuleKey = ExpansionKeys.inflection(lemma)
                let uniform = (lemmaMap[lemma] ?? []).allSatisfy { ruleKeys[Int($0)] == lemmaRuleKey }
                return dictionary.paradigm(ofKey: lemma).filter { form in
                    !(uniform && ExpansionKeys.inflection(form) == lemmaRuleKey)
                }
            }
            for (index, forms) in paradigms.enumerated() {
                for form in forms { formMap[form, default: []].append(UInt32(index)) }
            }
        }
        return ExpansionTablesWriter.table(lemmaMap) + ExpansionTablesWriter.table(formMap)
    }
}
