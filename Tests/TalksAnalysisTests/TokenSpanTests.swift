import XCTest
@testable import TalksAnalysis

/// `forEachTokenSpan` must give exactly the tokens of `forEachToken` (positions, byte ranges,
/// and through `term(of:in:)` the terms), and `keepsLength` must only be set where the term
/// has as many bytes as the surface: snippets rely on both.
final class TokenSpanTests: XCTestCase {
    private let texts = [
        "Det är Snabb-bemanning i Östergötlands län, 2030 och 2,5 procent.",
        "ÅÄÖ åäö Ærø ÉCOLE naïve café",
        "Decomposed a\u{030A}terv\u{0308}att och e\u{0301}n",
        "Ǆemal İstanbul ΣΟΦΙΑ straße — emoji 🎉 mitt-i-natten",
        "snabb\u{00AD}bemanning, soft\u{2010}hyphen, non\u{2011}breaking - lone -",
        "Sveriges' 'citat' \"quote\" <b>tagg</b> & mer",
        "",
        "---",
        "a-b-c-d 1-2 x-",
    ]

    func testSpansGiveTheTokensOfForEachToken() throws {
        let tokenizer = Tokenizer()
        let sample = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/landet-lar-sample.txt"), encoding: .utf8)
        for text in texts + sample.split(separator: "\n").map(String.init) {
            var copy = text
            let tokens = tokenizer.tokens(in: text)
            var fromSpans: [Token] = []
            var lengthsKept: [Bool] = []
            copy.withUTF8 { bytes in
                tokenizer.forEachTokenSpan(inUTF8: bytes) { span in
                    let term = tokenizer.term(of: span, in: bytes)
                    fromSpans.append(Token(term: term, position: span.position, utf8Start: span.utf8Start, utf8End: span.utf8End))
                    lengthsKept.append(span.keepsLength)
                    if span.keepsLength {
                        XCTAssertEqual(term.utf8.count, span.utf8End - span.utf8Start, "\(term) in \(text)")
                    }
                }
            }
            XCTAssertEqual(fromSpans, tokens, text)
        }
    }

    func testKeepsLengthOnlyForLatin1SingleWords() {
        var text = "Öl och snabb-bemanning Ǆemal"
        var spans: [TokenSpan] = []
        text.withUTF8 { bytes in Tokenizer().forEachTokenSpan(inUTF8: bytes) { spans.append($0) } }
        XCTAssertEqual(spans.map(\.keepsLength), [true, true, true, false, true, false])
        XCTAssertEqual(spans.map(\.isJoined), [false, false, false, true, false, false])
    }
}
