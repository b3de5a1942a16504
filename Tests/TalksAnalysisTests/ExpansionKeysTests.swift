import XCTest
@testable import TalksAnalysis

/// The keys index and query both compute: words typed without å/ä/ö share the folded key of
/// the word as written, and `talks analyze` reports the very same keys.
final class ExpansionKeysTests: XCTestCase {
    func testFoldedKeysMatchWordsTypedWithoutDiacritics() {
        let pairs = [("våtmarkerna", "vatmarker"), ("östergötlands", "ostergotland"), ("affären", "affar"),
                     ("älgarna", "algen"), ("åkrar", "akrar")]
        for (written, typed) in pairs {
            XCTAssertEqual(ExpansionKeys.folded(written), ExpansionKeys.folded(typed), "\(written) ↔ \(typed)")
        }
        XCTAssertNotEqual(ExpansionKeys.folded("mål"), ExpansionKeys.folded("post"))
    }

    func testInflectedFormsShareTheInflectionKey() {
        let forms = ["strategi", "strategin", "strategier", "strategierna"]
        XCTAssertEqual(Set(forms.map(ExpansionKeys.inflection)).count, 1, "\(forms.map(ExpansionKeys.inflection))")
        XCTAssertNotEqual(ExpansionKeys.inflection("torka"), ExpansionKeys.inflection("strategi"))
    }

    func testTheAnalyzerReportsTheSameKeys() {
        for token in Analyzer().analyzeStandalone("Våtmarkerna och livsmedelsstrategin i Östergötland") {
            XCTAssertEqual(token.inflectionKey, ExpansionKeys.inflection(token.token.term))
            XCTAssertEqual(token.foldedKey, ExpansionKeys.folded(token.token.term))
        }
    }
}
