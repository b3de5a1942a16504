import XCTest
@testable import TalksModel

final class JSONParserTests: XCTestCase {
    private func parseError(_ text: String, limits: JSONParser.Limits = .standard, file: StaticString = #filePath, line: UInt = #line) -> JSONParseError? {
        do {
            let value = try JSONParser.parse(Array(text.utf8), limits: limits)
            XCTFail("accepted \(text.debugDescription) as \(value)", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }

    func testParsesEveryKindOfValueKeepingMemberOrder() throws {
        let value = try JSONParser.parse(#"{"b": [1, -2.5, 3e2, true, false, null], "a": "x", "c": {}, "d": []}"#)
        XCTAssertEqual(value, .object([
            JSONMember("b", [.integer(1), .number(-2.5), .number(300), true, false, nil]),
            JSONMember("a", "x"),
            JSONMember("c", .object([])),
            JSONMember("d", []),
        ]))
    }

    func testStringsDecodeEscapesSurrogatePairsAndUTF8() throws {
        let value = try JSONParser.parse(#"["Sm\u00e5land \"x\" \\ \/ \b\f\n\r\t", "\ud83d\ude00", "Östergötland"]"#)
        XCTAssertEqual(value, ["Småland \"x\" \\ / \u{08}\u{0C}\n\r\t", "😀", "Östergötland"])
    }

    func testNumbersFollowTheGrammar() throws {
        XCTAssertEqual(try JSONParser.parse("0"), .integer(0))
        XCTAssertEqual(try JSONParser.parse("-0"), .integer(0))
        XCTAssertEqual(try JSONParser.parse("9223372036854775807"), .integer(Int64.max))
        XCTAssertEqual(try JSONParser.parse("9223372036854775808"), .number(9_223_372_036_854_775_808))
        XCTAssertEqual(try JSONParser.parse("1.5E-3"), .number(0.0015))
        XCTAssertEqual(parseError("01")?.message, "numbers must not have leading zeros")
        XCTAssertNotNil(parseError("1."))
        XCTAssertNotNil(parseError(".5"))
        XCTAssertNotNil(parseError("+1"))
        XCTAssertNotNil(parseError("1e"))
        XCTAssertNotNil(parseError("NaN"))
        XCTAssertTrue(parseError("1e999")?.message.contains("out of range") ?? false)
    }

    func testErrorsCarryLineAndColumn() throws {
        let error = try XCTUnwrap(parseError("{\n  \"title\": \"x\",\n  \"date\": \"y\"\n  \"series\": 1\n}"))
        XCTAssertEqual(error.line, 4)
        XCTAssertEqual(error.column, 3)
        XCTAssertEqual(error.description, "line 4, column 3: expected ',' or '}' after object member, found '\"'")
    }

    func testColumnsCountCharactersNotBytes() throws {
        let error = try XCTUnwrap(parseError("[\"åäö\" 1]"))
        XCTAssertEqual(error.column, 8)
    }

    func testStrictnessRejectsCommonMistakes() {
        XCTAssertTrue(parseError("[1, 2,]")?.message.contains("trailing comma") ?? false)
        XCTAssertTrue(parseError("{\"a\": 1,}")?.message.contains("trailing comma") ?? false)
        XCTAssertNotNil(parseError("{'a': 1}"))
        XCTAssertNotNil(parseError("{a: 1}"))
        XCTAssertNotNil(parseError("// comment\n{}"))
        XCTAssertNotNil(parseError("[tru]"))
        XCTAssertTrue(parseError("\"tab\there\"")?.message.contains("control character") ?? false)
        XCTAssertTrue(parseError("\"line\nbreak\"")?.message.contains("unterminated string") ?? false)
        XCTAssertTrue(parseError(#""\x""#)?.message.contains("invalid escape") ?? false)
        XCTAssertTrue(parseError(#""\ud800""#)?.message.contains("unpaired surrogate") ?? false)
        XCTAssertTrue(parseError(#""\udc00""#)?.message.contains("unpaired surrogate") ?? false)
        XCTAssertTrue(parseError("{} {}")?.message.contains("after the end") ?? false)
        XCTAssertTrue(parseError("")?.message.contains("empty") ?? false)
        XCTAssertTrue(parseError("   ")?.message.contains("empty") ?? false)
        XCTAssertTrue(parseError("\"abc")?.message.contains("unterminated") ?? false)
        XCTAssertTrue(parseError("{\"a\" 1}")?.message.contains("expected ':'") ?? false)
    }

    func testInvalidUTF8IsRejected() {
        for bytes: [UInt8] in [[0x22, 0xFF, 0x22], [0x22, 0xC3, 0x22], [0x22, 0xC0, 0xAF, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22], [0x22, 0xE2, 0x82]] {
            XCTAssertThrowsError(try JSONParser.parse(bytes), "\(bytes)")
        }
    }

    func testByteOrderMarkIsSkipped() throws {
        XCTAssertEqual(try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("[1]".utf8)), [1])
    }

    func testDepthAndSizeAreBounded() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        XCTAssertTrue(parseError(deep)?.message.contains("nested more than 64 deep") ?? false)
        XCTAssertEqual(try JSONParser.parse(String(repeating: "[", count: 64) + String(repeating: "]", count: 64)).arrayValue?.count, 1)
        XCTAssertNotNil(parseError(String(repeating: "[", count: 65) + String(repeating: "]", count: 65)))
        let big = "\"" + String(repeating: "a", count: 200) + "\""
        XCTAssertTrue(parseError(big, limits: JSONParser.Limits(maximumBytes: 100))?.message.contains("more than the limit") ?? false)
    }

    func testDocumentRecordsWhereValuesStart() throws {
        let document = try JSONParser.parseDocument(Array("{\n  \"title\": \"x\",\n  \"speakers\": [\n    {\"name\": \"A\"}\n  ]\n}".utf8))
        XCTAssertEqual(document.location(), JSONLocation(line: 1, column: 1))
        XCTAssertEqual(document.location("title"), JSONLocation(line: 2, column: 12))
        XCTAssertEqual(document.line("speakers", 0), 4)
        XCTAssertEqual(document.line("speakers", 0, "name"), 4)
        XCTAssertNil(document.line("missing"))
    }

    func testRoundTripsThroughJSONWriter() throws {
        let value: JSONValue = .object(["title": "Om Vreta Kluster", "cues": [.object(["start": 1.5, "speaker": nil])], "n": 55])
        XCTAssertEqual(try JSONParser.parse(JSONWriter().string(value)), value)
        XCTAssertEqual(try JSONParser.parse(JSONWriter(pretty: true).string(value)), value)
    }
}
