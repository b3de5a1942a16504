import XCTest
import TalksAnalysis
import TalksModel
@testable import TalksSearch

final class SnippetTests: XCTestCase {
    /// Byte ranges of the tokens of `text` whose term is in `terms`, as the searcher passes them.
    private func matches(_ text: String, _ terms: Set<String>) -> [Range<Int>] {
        Tokenizer().tokens(in: text).filter { terms.contains($0.term) }.map { $0.utf8Start..<$0.utf8End }
    }

    func testMarksMatchedWordsKeepingTheirSpelling() {
        let text = "Vi pratar om Livsmedelsstrategin i Östergötland."
        let snippet = Snippet(text: text, matches: matches(text, ["livsmedelsstrategin", "östergötland"]))
        XCTAssertEqual(snippet.html, "Vi pratar om <mark>Livsmedelsstrategin</mark> i <mark>Östergötland</mark>.")
        let plain = Snippet.plain(fromHTML: snippet.html)
        XCTAssertEqual(plain.text, text)
        let marked = plain.highlights.map { String(decoding: Array(plain.text.utf8)[$0], as: UTF8.self) }
        XCTAssertEqual(marked, ["Livsmedelsstrategin", "Östergötland"])
    }

    func testEscapesHTMLInsideAndOutsideMarks() {
        let text = "<b>Mat & \"vatten\"</b> 'här'"
        let snippet = Snippet(text: text, matches: matches(text, ["vatten", "b"]))
        XCTAssertEqual(snippet.html,
                       "&lt;<mark>b</mark>&gt;Mat &amp; &quot;<mark>vatten</mark>&quot;&lt;/<mark>b</mark>&gt; &#39;här&#39;")
    }

    func testLongCueIsWindowedAroundTheMatchAtWordBoundaries() {
        let words = (1...120).map { "ord\($0)" }
        let text = words.joined(separator: " ") + " våtmarker " + words.joined(separator: " ")
        let snippet = Snippet(text: text, matches: matches(text, ["våtmarker"]), maximumBytes: 120)
        XCTAssertTrue(snippet.html.hasPrefix("…ord"), snippet.html)
        XCTAssertTrue(snippet.html.hasSuffix("…"), snippet.html)
        XCTAssertTrue(snippet.html.contains("<mark>våtmarker</mark>"))
        let plain = Snippet.plain(fromHTML: snippet.html).text
        XCTAssertLessThanOrEqual(plain.utf8.count, 120 + 6)
        XCTAssertFalse(plain.dropFirst().dropLast().hasPrefix(" "))
        let inner = plain.dropFirst().dropLast()
        XCTAssertTrue(inner.split(separator: " ").allSatisfy { $0.hasPrefix("ord") || $0 == "våtmarker" }, "cut at spaces: \(inner)")
    }

    func testPlainTextInvertsTheEscaping() {
        let text = "<b>Mat & \"vatten\"</b> 'här' &amp;"
        let snippet = Snippet(text: text, matches: matches(text, ["vatten", "här"]))
        let plain = Snippet.plain(fromHTML: snippet.html)
        XCTAssertEqual(plain.text, text)
        XCTAssertEqual(plain.highlights.map { String(decoding: Array(plain.text.utf8)[$0], as: UTF8.self) }, ["vatten", "här"])
    }

    func testOverlappingAndOutOfRangeMatchesAreSafe() {
        let text = "snabb-bemanning i åäö"
        let ranges = [0..<5, 0..<15, 6..<15, 40..<50, -3..<2, 7..<7]
        let snippet = Snippet(text: text, matches: ranges)
        XCTAssertEqual(snippet.html, "<mark>snabb-bemanning</mark> i åäö")
    }
}
