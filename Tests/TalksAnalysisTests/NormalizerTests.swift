import XCTest
import TalksAnalysis

final class NormalizerTests: XCTestCase {
    func testLowercasesAsciiAndLatin1() {
        XCTAssertEqual(Normalizer.normalize("AgTech"), "agtech")
        XCTAssertEqual(Normalizer.normalize("ÅÄÖ ÉÜ Þ"), "åäö éü þ")
        XCTAssertEqual(Normalizer.normalize("×÷"), "×÷")
        XCTAssertEqual(Normalizer.normalize(""), "")
    }

    func testComposesDecomposedInput() {
        XCTAssertEqual(Normalizer.normalize("A\u{030A}ngstro\u{0308}m"), "ångström")
        XCTAssertEqual(Normalizer.normalize("Ö").unicodeScalars.count, 1)
        XCTAssertEqual(Normalizer.normalize("O\u{0308}"), Normalizer.normalize("Ö"))
    }

    func testOtherScripts() {
        XCTAssertEqual(Normalizer.normalize("ΣΟΦΙΑ Łódź"), "σοφια łódź")
    }

    func testAgreesWithTokenizerTerms() {
        let text = "Östergötlands LIVSMEDELSSTRATEGI"
        let terms = Tokenizer().tokens(in: text).map(\.term)
        XCTAssertEqual(terms, text.split(separator: " ").map { Normalizer.normalize(String($0)) })
    }
}
