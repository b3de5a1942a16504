import XCTest
import TalksAnalysis
import TalksTestSupport

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

/// Random bytes and random text must never crash the tokenizer, and every token must be
/// well formed: a non-empty term, a byte range inside the input, positions in order.
final class TokenizerRobustnessTests: XCTestCase {
    /// A small deterministic generator (SplitMix64), so failures reproduce.

    private func checkTokens(of bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) {
        var lastPosition = -1
        bytes.withUnsafeBufferPointer { buffer in
            Tokenizer().forEachToken(inUTF8: buffer) { token in
                XCTAssertFalse(token.term.isEmpty, file: file, line: line)
                XCTAssertTrue(0 <= token.utf8Start && token.utf8Start < token.utf8End && token.utf8End <= bytes.count, file: file, line: line)
                XCTAssertGreaterThanOrEqual(token.position, lastPosition, file: file, line: line)
                lastPosition = token.position
            }
        }
    }

    func testRandomBytes() {
        var generator = SplitMix64(seed: 2030)
        for _ in 0..<2_000 {
            let length = Int.random(in: 0..<64, using: &generator)
            checkTokens(of: (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) })
        }
    }

    func testRandomSwedishishText() {
        let pieces = ["å", "Ä", "ö", "a\u{030A}", "-", "‐", "\u{00AD}", " ", "'", "’", "2030", "snabb", "Östergötland",
                      "🌾", "\u{0301}", "ß", "İ", ",", ".", "\u{200D}", "كتاب", "漢字", "\n"]
        var generator = SplitMix64(seed: 7)
        for _ in 0..<2_000 {
            let count = Int.random(in: 0..<20, using: &generator)
            let text = (0..<count).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &generator)] }.joined()
            checkTokens(of: Array(text.utf8))
            // The String entry point agrees with the byte entry point.
            var fromBytes: [Token] = []
            Array(text.utf8).withUnsafeBufferPointer { buffer in Tokenizer().forEachToken(inUTF8: buffer) { fromBytes.append($0) } }
            XCTAssertEqual(Tokenizer().tokens(in: text), fromBytes)
        }
    }
}
