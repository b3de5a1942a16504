import XCTest
import TalksAnalysis
@testable import TalksIndex

/// The shortcuts the expansion and lemma tables take at ingest (a term folding leaves
/// unchanged reuses its inflection key; the lemma and its own terms are not keyed again)
/// must give the tables the direct computation gives, byte for byte.
final class VocabularyKeysTests: XCTestCase {
    /// ASCII terms, terms with å/ä/ö, accented loan words and a decomposed accent.
    static let terms = [
        "aktier", "avtal", "bilarna", "båtarna", "café", "cafés", "fiskebyn", "hus", "husen", "huset",
        "kommunen", "kommunerna", "lägger", "lägret", "läger", "naïve", "resumé", "städer",
        "vapen", "vapnet", "vapnen", "vattenförsörjningen", "e\u{301}tude", "örter", "öar",
    ].sorted()

    func testKeysAndFoldedKeysAreTheDirectOnes() {
        let vocabulary = Vocabulary(terms: Self.terms, workers: 2)
        XCTAssertEqual(vocabulary.keys, Self.terms.map(ExpansionKeys.inflection))
        XCTAssertEqual(vocabulary.folded, Self.terms.map(ExpansionKeys.folded))
        // Folding changes some of them, so both branches ran.
        XCTAssertTrue(Self.terms.contains { AsciiFolder.fold($0) != $0 })
        XCTAssertTrue(Self.terms.contains { AsciiFolder.fold($0) == $0 })
    }

    func testLemmaMapsAreTheDirectOnes() throws {
        guard let dictionary = SwedishLexicon.shared else { throw XCTSkip("hunspell-sv-se is not installed") }
        let vocabulary = Vocabulary(terms: Self.terms, workers: 2, dictionary: dictionary)
        XCTAssertTrue(vocabulary.lemmaKeys.contains { !$0.isEmpty }, "the dictionary knows some of the terms")
        XCTAssertEqual(LemmaTablesWriter.build(vocabulary, dictionary: dictionary, workers: 2),
                       Self.directLemmaMaps(vocabulary, dictionary: dictionary))
    }

    /// The lemma maps as FORMAT.md defines them, every rule key computed and a set per paradigm.
    static func directLemmaMaps(_ vocabulary: Vocabulary, dictionary: SwedishLexicon) -> [[UInt8]] {
        var lemmaPairs = KeyListTable.Builder(capacity: vocabulary.terms.count)
        for (ordinal, keys) in vocabulary.lemmaKeys.enumerated() {
            for key in keys { lemmaPairs.append(key, UInt32(ordinal)) }
        }
        let lemmaMap = lemmaPairs.table()
        var formPairs = KeyListTable.Builder(capacity: 0)
        for index in 0..<lemmaMap.count {
            let lemma = lemmaMap.key(index)
            let paradigm = dictionary.paradigm(ofKey: lemma)
            let lemmaRuleKey = ExpansionKeys.inflection(lemma)
            let terms = lemmaMap.list(index).map { vocabulary.terms[Int($0)] }
            let uniform = terms.allSatisfy { ExpansionKeys.inflection($0) == lemmaRuleKey }
            let forms = uniform ? paradigm.filter { ExpansionKeys.inflection($0) != lemmaRuleKey } : paradigm
            var kept = Set(forms)
            for form in forms + terms.filter({ kept.insert($0).inserted }) { formPairs.append(form, UInt32(index)) }
        }
        return lemmaMap.sections + formPairs.table().sections
    }
}
