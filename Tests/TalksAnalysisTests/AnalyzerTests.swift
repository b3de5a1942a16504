import XCTest
import TalksAnalysis

final class AnalyzerTests: XCTestCase {
    func testChainFillsEveryField() {
        let tokens = Analyzer().analyze("Torkan i Östergötland", isWord: nil)
        XCTAssertEqual(tokens.map(\.token.term), ["torkan", "i", "östergötland"])
        XCTAssertEqual(tokens[0].stem, "torkan")
        XCTAssertEqual(tokens[0].inflectionKey, "tork")
        XCTAssertEqual(tokens[2].folded, "ostergotland")
        XCTAssertTrue(tokens.allSatisfy { $0.compoundParts == nil })
    }

    func testCompoundsSplitWithLexicon() {
        let lexicon = Lexicon(["livsmedel", "strategi"])
        let tokens = Analyzer().analyze("Livsmedelsstrategin", isWord: lexicon.contains)
        XCTAssertEqual(tokens.first?.compoundParts, ["livsmedel", "strategin"])
        XCTAssertEqual(tokens.first?.inflectionKey, "livsmedelsstrategi")
    }

    func testStandaloneUsesBuiltInWordsAndTheTextItself() {
        let tokens = Analyzer().analyzeStandalone("Agtech-bolag och skogsägare")
        let parts = Dictionary(uniqueKeysWithValues: tokens.map { ($0.token.term, $0.compoundParts) })
        XCTAssertEqual(parts["agtechbolag"], .some(["agtech", "bolag"]))
        XCTAssertEqual(parts["skogsägare"], .some(["skog", "ägare"]))
        XCTAssertEqual(parts["och"], .some(nil))
    }

    func testLexiconAnswersForWordsAndKeys() {
        let lexicon = Lexicon(["Strategi", "torka", "ab"])
        XCTAssertTrue(lexicon.contains("strategi"))
        XCTAssertTrue(lexicon.contains("tork"))
        XCTAssertFalse(lexicon.contains("ab"))
        XCTAssertFalse(lexicon.contains("Strategi"))
        XCTAssertGreaterThan(Lexicon.common.count, 700)
    }
}
