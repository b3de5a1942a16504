import XCTest
@testable import TalksSearch

final class BoundedLevenshteinTests: XCTestCase {
    func testDistancesWithinAndBeyondTheLimit() {
        var levenshtein = BoundedLevenshtein()
        func distance(_ a: String, _ b: String, _ limit: Int) -> Int? {
            levenshtein.distance(BoundedLevenshtein.scalars(a), BoundedLevenshtein.scalars(b), limit: limit)
        }
        XCTAssertEqual(distance("strategi", "strategi", 1), 0)
        XCTAssertEqual(distance("stratgei", "strategi", 2), 2)
        XCTAssertNil(distance("stratgei", "strategi", 1))
        XCTAssertEqual(distance("vatmark", "våtmark", 1), 1, "å→a is one edit, not two bytes")
        XCTAssertEqual(distance("livsmedel", "livsmedl", 1), 1)
        XCTAssertEqual(distance("landsbygd", "landsbyggd", 1), 1)
        XCTAssertNil(distance("kostnad", "ost", 2))
        XCTAssertEqual(distance("", "ab", 2), 2)
        XCTAssertNil(distance("abcdef", "ghijkl", 2))
        XCTAssertEqual(distance("ab", "ba", 2), 2)
    }

    /// The fast decoder for dictionary bytes gives what the generic one gives, valid or not.
    func testFastDecodeAgreesWithTheGenericDecoder() {
        let samples: [[UInt8]] = [
            Array("våtmarker".utf8), Array("Östergötland".utf8), Array("naïve café €10 😀".utf8),
            [0xFF, 0x61], [0x61, 0xC3], [0xC3, 0x28, 0x61], [0xC0, 0x80], [0xE2, 0x82], [0x61, 0xF0, 0x9F, 0x98, 0x80, 0xC3, 0xA5], [],
        ]
        for bytes in samples {
            var generic: [UInt32] = []
            var fast: [UInt32] = [0x99]
            BoundedLevenshtein.decode(bytes, into: &generic)
            bytes.withUnsafeBytes { BoundedLevenshtein.decode($0, into: &fast) }
            XCTAssertEqual(fast, generic, "\(bytes)")
        }
    }

    func testDecodesUTF8() {
        var buffer: [UInt32] = []
        BoundedLevenshtein.decode(Array("åka".utf8), into: &buffer)
        XCTAssertEqual(buffer, [0xE5, 0x6B, 0x61])
        BoundedLevenshtein.decode([0xFF, 0x61], into: &buffer)
        XCTAssertEqual(buffer, [0xFFFD, 0x61])
    }
}

final class TopEpisodesTests: XCTestCase {
    func testKeepsTheBestInOrderWithStableTies() {
        var top = TopEpisodes(capacity: 3)
        for (episode, score) in [(0, 1.0), (1, 5.0), (2, 3.0), (3, 5.0), (4, 0.5), (5, 4.0)] {
            top.insert(episode: episode, score: score)
        }
        XCTAssertEqual(top.sorted().map(\.episode), [1, 3, 5])
        XCTAssertEqual(top.threshold, 4.0)
        var empty = TopEpisodes(capacity: 0)
        empty.insert(episode: 1, score: 1)
        XCTAssertTrue(empty.sorted().isEmpty)
    }
}
