import TalksModel
import XCTest

/// `String.terminalEscaped`: what a terminal would act on becomes a visible escape, and
/// nothing else changes.
final class TerminalTextTests: XCTestCase {
    func testEveryControlBidiAndSeparatorIsEscaped() {
        let escaped: [UInt32] = Array(0x00...0x1F) + Array(0x7F...0x9F) + Array(0x202A...0x202E) + Array(0x2066...0x2069) + [0x2028, 0x2029]
        for value in escaped {
            guard let scalar = Unicode.Scalar(value) else { XCTFail("U+\(value) is not a scalar"); continue }
            let text = "a" + String(Character(scalar)) + "b"
            let shown = text.terminalEscaped
            XCTAssertTrue(shown.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F }, "U+\(String(value, radix: 16)): \(shown.debugDescription)")
            XCTAssertTrue(shown.hasPrefix("a\\") && shown.hasSuffix("b"), shown)
        }
    }

    func testEscapeForms() {
        XCTAssertEqual("\u{1B}]0;pwned\u{7}".terminalEscaped, #"\u{1B}]0;pwned\u{07}"#)
        XCTAssertEqual("rad\nett\tflik\rslut".terminalEscaped, #"rad\nett\tflik\rslut"#)
        XCTAssertEqual("\u{9B}31m\u{85}\u{202E}\u{2066}\u{2029}\u{7F}\u{0}".terminalEscaped, #"\u{9B}31m\u{85}\u{202E}\u{2066}\u{2029}\u{7F}\u{00}"#)
    }

    func testPlainTextIsUnchanged() {
        for text in ["", "Östergötlands livsmedelsstrategi – 2022 · #55", "emoji 👩🏽‍🌾 och \u{200D} ZWJ", "\\u{1B} redan synlig", "عربي עברית"] {
            XCTAssertEqual(text.terminalEscaped, text)
        }
    }

    func testEscapingIsIdempotent() {
        let once = "Vattnet\u{1B}[2J \u{9B}1m\n\u{202E}".terminalEscaped
        XCTAssertEqual(once.terminalEscaped, once)
    }

    func testKeepingLinesEscapesEverythingButLineFeeds() {
        XCTAssertEqual("fel i\u{1B}[2J\n  rad 2\t".terminalEscapedKeepingLines, "fel i\\u{1B}[2J\n  rad 2\\t")
    }
}
