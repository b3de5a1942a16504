import XCTest
@testable import TalksAnalysis

/// `FormTable`'s slots keep 8 bits of the hash above the index: every string is found
/// after growth, through the parts a cache stores, and a slot that names no string is
/// refused when a table is read back.
final class FormTableTests: XCTestCase {
    private func strings(_ count: Int) -> [String] {
        (0..<count).map { "form\($0)" + ($0 % 3 == 0 ? "ö" : "") }
    }

    func testEveryStringIsFoundAfterGrowthAndThroughItsParts() {
        var table = FormTable(capacity: 4)
        let words = strings(5_000)
        for (index, word) in words.enumerated() {
            var word = word
            XCTAssertEqual(word.withUTF8 { table.intern($0) }, index)
        }
        let parts = table.parts
        guard let copy = FormTable(bytes: parts.bytes, starts: parts.starts, slots: parts.slots, shift: parts.shift) else {
            return XCTFail("the parts of a table must make a table again")
        }
        for (index, word) in words.enumerated() {
            XCTAssertEqual(table.find(word), index)
            XCTAssertEqual(copy.find(word), index)
            XCTAssertEqual(copy.string(at: index), word)
        }
        for absent in ["form", "form5000", "form1ö", "", "ö"] {
            XCTAssertNil(copy.find(absent), absent)
        }
        XCTAssertTrue(parts.slots.contains { $0 >> 24 != 0 }, "slots keep hash bits above the index")
    }

    func testSlotsNamingNoStringAreRefused() {
        var table = FormTable(capacity: 4)
        for word in strings(10) {
            var word = word
            _ = word.withUTF8 { table.intern($0) }
        }
        let parts = table.parts
        for damage: UInt32 in [0x0100_0000, 0x0000_000B, 0xFF00_0000] {
            var slots = parts.slots
            guard let empty = slots.firstIndex(of: 0) else { return XCTFail("a table is at most half full") }
            slots[empty] = damage
            XCTAssertNil(FormTable(bytes: parts.bytes, starts: parts.starts, slots: slots, shift: parts.shift),
                         "slot \(String(damage, radix: 16)) names no string of 10")
        }
    }
}
