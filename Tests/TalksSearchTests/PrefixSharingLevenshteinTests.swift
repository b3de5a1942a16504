import XCTest
@testable import TalksSearch

/// The prefix-sharing scan against the plain whole-matrix distance (`BoundedLevenshtein`),
/// term by term.
final class PrefixSharingLevenshteinTests: XCTestCase {
    /// Random words over a small alphabet with å/ä/ö, sorted so that neighbours share
    /// prefixes (and dead prefixes are skipped), then the same words shuffled; each word
    /// scanned against every other with limits 0 to 3.
    func testAgreesWithTheFullMatrixInSortedAndShuffledOrder() {
        let alphabet = "aåäöbekrst".unicodeScalars.map(\.value)
        var seed: UInt64 = 11
        func random(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int(seed >> 33) % bound
        }
        var words: [[UInt32]] = []
        for _ in 0..<150 {
            let stem = (0..<(1 + random(6))).map { _ in alphabet[random(alphabet.count)] }
            for _ in 0..<(1 + random(4)) {
                words.append(stem + (0..<random(5)).map { _ in alphabet[random(alphabet.count)] })
            }
        }
        words.append([])
        let sorted = words.sorted { $0.lexicographicallyPrecedes($1) }
        var shuffled = words
        for index in shuffled.indices.reversed() { shuffled.swapAt(index, random(index + 1)) }
        var plain = BoundedLevenshtein()
        var within = 0
        for word in words.prefix(60) {
            for limit in 0...3 {
                for order in [sorted, shuffled] {
                    var scan = PrefixSharingLevenshtein(word: word, limit: limit)
                    for term in order {
                        let expected = plain.distance(word, term, limit: limit)
                        XCTAssertEqual(scan.distance(to: term), expected, "\(word) → \(term), limit \(limit)")
                        if expected != nil { within += 1 }
                    }
                }
            }
        }
        XCTAssertGreaterThan(within, 1000, "many pairs lie within the limit")
        var negative = PrefixSharingLevenshtein(word: [0x61], limit: -1)
        XCTAssertNil(negative.distance(to: [0x61]), "a negative limit admits nothing, as the plain distance")
    }
}
