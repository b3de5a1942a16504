import XCTest
import TalksModel

/// FNV-1a against the published 64-bit test vectors, through each of its entry points.
final class FNV1aTests: XCTestCase {
    func testPublishedVectors() {
        let vectors: [(String, UInt64)] = [("", 0xcbf2_9ce4_8422_2325), ("a", 0xaf63_dc4c_8601_ec8c),
                                           ("foobar", 0x8594_4171_f739_67e8)]
        for (text, expected) in vectors {
            XCTAssertEqual(FNV1a.hash(text), expected, text)
            XCTAssertEqual(FNV1a.hash(Array(text.utf8)), expected, text)
            XCTAssertEqual(Array(text.utf8).withUnsafeBytes { FNV1a.hash($0) }, expected, text)
        }
    }
}
