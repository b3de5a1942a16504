import XCTest
import TalksAnalysis

final class TokenizerTests: XCTestCase {
    private func terms(_ text: String) -> [String] { Tokenizer().tokens(in: text).map(\.term) }

    func testRunsOfLettersAndDigits() {
        XCTAssertEqual(terms("Agtech i Östergötland 2030!"), ["agtech", "i", "östergötland", "2030"])
        XCTAssertEqual(terms("  ...  "), [])
        XCTAssertEqual(terms(""), [])
    }

    func testPunctuationApostrophesAndEmojiSplit() {
        XCTAssertEqual(terms("Sveriges' bönder—och 🌾skördar,2,5"), ["sveriges", "bönder", "och", "skördar", "2", "5"])
        XCTAssertEqual(terms("don't"), ["don", "t"])
    }

    func testHyphenatedWordGivesPartsAndJoinedForm() {
        let tokens = Tokenizer().tokens(in: "Snabb-bemanning nu")
        XCTAssertEqual(tokens.map(\.term), ["snabb", "snabbbemanning", "bemanning", "nu"])
        XCTAssertEqual(tokens.map(\.position), [0, 0, 1, 2])
        XCTAssertEqual(tokens[1].utf8Start, 0)
        XCTAssertEqual(tokens[1].utf8End, 15)
        XCTAssertEqual(terms("a-b-c"), ["a", "abc", "b", "c"])
        XCTAssertEqual(terms("-snabb- -"), ["snabb"])
    }

    func testDecomposedInputEqualsPrecomposed() {
        let decomposed = "va\u{030A}tmark O\u{0308}STERGO\u{0308}TLAND"
        XCTAssertEqual(terms(decomposed), ["våtmark", "östergötland"])
        XCTAssertEqual(terms(decomposed), terms("våtmark Östergötland"))
    }

    func testByteRangesPointIntoOriginalText() {
        let text = "Östra Ängby, 2030"
        let bytes = Array(text.utf8)
        for token in Tokenizer().tokens(in: text) {
            let surface = String(decoding: bytes[token.utf8Start..<token.utf8End], as: UTF8.self)
            XCTAssertEqual(Normalizer.normalize(surface), token.term)
        }
    }

    func testNonLatinScriptsAndNumbers() {
        XCTAssertEqual(terms("Ελλάδα КИЕВ ١٢٣"), ["ελλάδα", "киев", "١٢٣"])
    }

    func testMalformedUTF8IsSeparator() {
        let bytes: [UInt8] = [0x61, 0xFF, 0x62, 0xC3, 0x41, 0xE2, 0x82]
        var terms: [String] = []
        bytes.withUnsafeBufferPointer { buffer in
            Tokenizer().forEachToken(inUTF8: buffer) { terms.append($0.term) }
        }
        XCTAssertEqual(terms, ["a", "b", "a"])
    }
}
