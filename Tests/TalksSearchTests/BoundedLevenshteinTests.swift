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

    /// The banded `distance` against the plain whole-matrix algorithm: random words over a
    /// small alphabet with å/ä/ö (so near words are common), each against itself with one to
    /// three random edits and against another random word, every limit from 0 to 3.
    func testBandedDistanceAgreesWithTheFullMatrix() {
        var banded = BoundedLevenshtein()
        var full = BoundedLevenshtein()
        let alphabet = "aåäöbekrst".unicodeScalars.map(\.value)
        var seed: UInt64 = 7
        func random(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int(seed >> 33) % bound
        }
        func word() -> [UInt32] { (0..<random(11)).map { _ in alphabet[random(alphabet.count)] } }
        var agreed = 0
        var within = 0
        for _ in 0..<3000 {
            let source = word()
            var near = source
            for _ in 0..<(1 + random(3)) {
                switch random(3) {
                case 0: near.insert(alphabet[random(alphabet.count)], at: random(near.count + 1))
                case 1: if !near.isEmpty { near.remove(at: random(near.count)) }
                default: if !near.isEmpty { near[random(near.count)] = alphabet[random(alphabet.count)] }
                }
            }
            for target in [near, word(), source] {
                for limit in 0...3 {
                    let expected = full.fullDistance(source, target, limit: limit)
                    XCTAssertEqual(banded.distance(source, target, limit: limit), expected, "\(source) \(target) limit \(limit)")
                    agreed += 1
                    if expected != nil { within += 1 }
                }
            }
        }
        XCTAssertEqual(agreed, 36000)
        XCTAssertGreaterThan(within, 5000, "many pairs lie within the limit")
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
