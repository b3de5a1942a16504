import XCTest
import TalksAnalysis

final class AsciiFolderTests: XCTestCase {
    func testSwedishLetters() {
        XCTAssertEqual(AsciiFolder.fold("våtmarker"), "vatmarker")
        XCTAssertEqual(AsciiFolder.fold("östergötland"), "ostergotland")
        XCTAssertEqual(AsciiFolder.fold("läsår"), "lasar")
    }

    func testOtherLatinDiacritics() {
        XCTAssertEqual(AsciiFolder.fold("café"), "cafe")
        XCTAssertEqual(AsciiFolder.fold("müsli"), "musli")
        XCTAssertEqual(AsciiFolder.fold("blåbærsyltetøy"), "blabarsyltetoy")
        XCTAssertEqual(AsciiFolder.fold("straße"), "strasse")
        XCTAssertEqual(AsciiFolder.fold("łódź"), "lodz")
        XCTAssertEqual(AsciiFolder.fold("señor"), "senor")
    }

    func testAsciiAndOtherScriptsAreUnchanged() {
        XCTAssertEqual(AsciiFolder.fold("agtech2030"), "agtech2030")
        XCTAssertEqual(AsciiFolder.fold("киев"), "киев")
        XCTAssertEqual(AsciiFolder.fold(""), "")
    }

    func testLeftoverCombiningMarksAreDropped() {
        XCTAssertEqual(AsciiFolder.fold("a\u{0301}"), "a")
    }
}
