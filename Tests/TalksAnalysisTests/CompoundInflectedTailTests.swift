import XCTest
@testable import TalksAnalysis

/// A last part that the compound's inflection key cuts into, keeping two letters of it, is
/// read as an inflection ending of a longer word: `vinsten` is `vinst` + `-en`, not `vin` +
/// `sten`, even when the index has never seen `vinst` alone.
final class CompoundInflectedTailTests: XCTestCase {
    private let splitter = CompoundSplitter()

    func testEndingReadingWinsOverAShortHeadAndSten() {
        // An index that knows vin, sten, kon, kust, gäst as words but not vinst, konst, kust…
        let words = Lexicon(["vin", "sten", "kon", "gäst", "tal", "vinter"])
        for term in ["vinsten", "konsten", "gästen", "vinstens"] {
            XCTAssertNil(splitter.split(term, lexicon: words), "\(term) → \(splitter.split(term, lexicon: words) ?? [])")
            XCTAssertNil(splitter.split(term, isWord: words.contains), "lenient: \(term)")
        }
    }

    func testPartsWhoseKeyFitsOrReachesThreeLettersStay() {
        let words = Lexicon(["skog", "ägare", "vatten", "kraft", "livsmedel", "strategi", "bonde", "gård"])
        XCTAssertEqual(splitter.split("skogsägare", lexicon: words), ["skog", "ägare"])
        XCTAssertEqual(splitter.split("vattenkraften", lexicon: words), ["vatten", "kraften"])
        XCTAssertEqual(splitter.split("livsmedelsstrategin", lexicon: words), ["livsmedel", "strategin"])
        XCTAssertEqual(splitter.split("bondgården", isWord: Lexicon(["bond", "gård"]).contains), ["bond", "gården"])
    }

    func testTheRuleItself() {
        // vinsten: key vinst (5), sten starts at 3 with key sten (4): cut, two letters left.
        XCTAssertFalse(CompoundSplitter.lastPartSurvivesKey(start: 3, partKeyLength: 4, termKeyLength: 5, cutEnding: "en"))
        // skogsägare: key skogsäg (7), ägare starts at 5 with key ägar (4): cut by -are, a
        // derivational ending: kept.
        XCTAssertTrue(CompoundSplitter.lastPartSurvivesKey(start: 5, partKeyLength: 4, termKeyLength: 7, cutEnding: "are"))
        // A part whose key fits: kept.
        XCTAssertTrue(CompoundSplitter.lastPartSurvivesKey(start: 5, partKeyLength: 2, termKeyLength: 7, cutEnding: "en"))
        // Cut but three letters left: kept.
        XCTAssertTrue(CompoundSplitter.lastPartSurvivesKey(start: 3, partKeyLength: 5, termKeyLength: 6, cutEnding: "en"))
    }
}
