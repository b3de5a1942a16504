import XCTest
import TalksModel

/// `Excerpt` is how a diagnostic quotes input: short, one line, every invisible or
/// terminal-controlling character shown as an escape.
final class ExcerptTests: XCTestCase {
    func testShortPrintableTextIsQuotedAsIs() {
        XCTAssertEqual(Excerpt.quoted("Landet lär avsnitt 55"), "\"Landet lär avsnitt 55\"")
        XCTAssertEqual(Excerpt.quoted("19 oktober 2022", quote: "'"), "'19 oktober 2022'")
        XCTAssertEqual(Excerpt.quoted(""), "\"\"")
    }

    func testLongTextIsCutAfterTheLimit() {
        let line = String(repeating: "x", count: Excerpt.maximumScalars) + "HEMLIGT"
        XCTAssertEqual(Excerpt.quoted(line), "\"" + String(repeating: "x", count: Excerpt.maximumScalars) + "…\"")
        XCTAssertEqual(Excerpt.escaped(String(repeating: "y", count: Excerpt.maximumScalars)), String(repeating: "y", count: Excerpt.maximumScalars))
        // One character of many combining marks cannot make the excerpt long.
        let zalgo = "a" + String(repeating: "\u{301}", count: 10_000)
        XCTAssertEqual(Excerpt.escaped(zalgo).unicodeScalars.count, Excerpt.maximumScalars + 1)
    }

    func testControlFormatAndSeparatorCharactersAreEscaped() {
        let cases: [(String, String)] = [
            ("\u{1B}]0;title\u{07}", "\\u{1B}]0;title\\u{7}"),
            ("a\nb\rc\td", "a\\nb\\rc\\td"),
            ("\u{9B}31m", "\\u{9B}31m"),
            ("evil\u{202E}txt.exe", "evil\\u{202E}txt.exe"),
            ("zero\u{200B}width", "zero\\u{200B}width"),
            ("line\u{2028}break", "line\\u{2028}break"),
            ("back\\slash \"quote\"", "back\\\\slash \\\"quote\\\""),
            ("\u{E000}", "\\u{E000}"),
        ]
        for (input, expected) in cases {
            XCTAssertEqual(Excerpt.escaped(input), expected, input.debugDescription)
        }
        XCTAssertEqual(Excerpt.quoted("it's", quote: "'"), "'it\\'s'")
    }
}
