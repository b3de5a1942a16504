import XCTest
@testable import TalksIngest

final class ContentHasherTests: XCTestCase {
    /// Published XXH64 test vectors (seed 0).
    func testMatchesReferenceVectors() {
        XCTAssertEqual(ContentHasher.hexDigest(of: []), "ef46db3751d8e999")
        XCTAssertEqual(ContentHasher.hexDigest(of: Array("a".utf8)), "d24ec4f1a98c6e5b")
        XCTAssertEqual(ContentHasher.hexDigest(of: Array("abc".utf8)), "44bc2cf5ad770999")
        XCTAssertEqual(ContentHasher.hexDigest(of: Array("Nobody inspects the spammish repetition".utf8)), "fbcea83c8a378bf1")
    }

    func testIncrementalUpdatesEqualOneShot() {
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        let oneShot = ContentHasher.hexDigest(of: bytes)
        for split in [0, 1, 7, 31, 32, 33, 64, 500, 999, 1000] {
            var hasher = ContentHasher()
            hasher.update(bytes[..<split])
            hasher.update(bytes[split...])
            XCTAssertEqual(hasher.hexDigest(), oneShot, "split at \(split)")
        }
        var byteByByte = ContentHasher()
        for byte in bytes { byteByByte.update([byte]) }
        XCTAssertEqual(byteByByte.hexDigest(), oneShot)
    }

    func testFieldsCannotRunTogether() {
        var first = ContentHasher()
        first.update(field: "ab")
        first.update(field: "c")
        var second = ContentHasher()
        second.update(field: "a")
        second.update(field: "bc")
        XCTAssertNotEqual(first.finalize(), second.finalize())
    }
}
