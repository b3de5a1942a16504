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
}
