import XCTest
@testable import TalksModel

final class JSONWriterTests: XCTestCase {
    func testCompactKeepsMemberOrderAndEscapes() {
        let value = JSONValue.object([
            "title": "Om \"gröna\" kluster\n",
            "number": 55,
            "start": 12.5,
            "end": 20.0,
            "speaker": nil,
            "tags": ["mat", "klimat"],
        ])
        XCTAssertEqual(
            JSONWriter().string(value),
            #"{"title":"Om \"gröna\" kluster\n","number":55,"start":12.5,"end":20,"speaker":null,"tags":["mat","klimat"]}"#
        )
    }

    func testPrettyIndentsByTwoSpaces() {
        let value = JSONValue.object(["a": [1, 2], "b": .object([])])
        XCTAssertEqual(JSONWriter(pretty: true).string(value), "{\n  \"a\": [\n    1,\n    2\n  ],\n  \"b\": {}\n}")
    }

    func testControlCharactersAndNonFiniteNumbers() {
        XCTAssertEqual(JSONWriter().string(.string("a\u{01}b")), #""a\u0001b""#)
        XCTAssertEqual(JSONWriter().string(.number(.infinity)), "null")
    }

    /// The escaper copies unescaped byte runs whole: escapes at either end, the line and
    /// paragraph separators (E2 80 A8/A9) beside other E2 sequences (… is E2 80 A6, – is
    /// E2 80 93), a lone E2 run at the end, and multibyte letters must all come out right.
    func testEscapesByteRunsAroundSeparatorsAndMultibyteText() {
        XCTAssertEqual(JSONWriter().string(.string("\"ö\\")), #""\"ö\\""#)
        XCTAssertEqual(JSONWriter().string(.string("a\u{2028}b\u{2029}…–")), #""a\u2028b\u2029…–""#)
        XCTAssertEqual(JSONWriter().string(.string("\u{1F}\t\r\u{08}\u{0C}å")), #""\u001f\t\r\b\få""#)
        XCTAssertEqual(JSONWriter().string(.string("Östergötlands län…")), #""Östergötlands län…""#)
        XCTAssertEqual(JSONWriter().bytes(.string("")), Array(#""""#.utf8))
    }
}
