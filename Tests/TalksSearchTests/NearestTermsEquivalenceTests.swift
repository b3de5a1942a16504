import XCTest
import TalksIndex
@testable import TalksSearch

/// Typo search's fast path against the plain evaluation, on the sample archive's real
/// dictionary: `TermExpander.nearest` (rows shared between neighbouring terms, inline UTF-8
/// decoding) must find exactly the terms, distances, frequencies and order that a plain scan
/// finds (every dictionary term with the word's first letter, decoded by the standard
/// library, compared by the plain whole-matrix edit distance, `BoundedLevenshtein`).
final class NearestTermsEquivalenceTests: XCTestCase {
    nonisolated(unsafe) static var sharedIndex: (directory: String, searcher: Searcher)?

    override class func setUp() {
        super.setUp()
        sharedIndex = try? RelevanceTests.buildArchiveIndex()
    }

    override class func tearDown() {
        if let directory = sharedIndex?.directory { try? FileManager.default.removeItem(atPath: directory) }
        sharedIndex = nil
        super.tearDown()
    }

    /// The plain evaluation of `nearest`: same candidates (first letter), same merge of
    /// segments, same order, with `fullDistance` and `String` decoding.
    static func plainNearest(_ segments: [SegmentReader], to term: String, maximumDistance: Int, limit: Int) -> [TermExpander.NearTerm] {
        guard let first = term.unicodeScalars.first else { return [] }
        let target = term.unicodeScalars.map(\.value)
        var levenshtein = BoundedLevenshtein()
        var found: [String: TermExpander.NearTerm] = [:]
        for (index, segment) in segments.enumerated() {
            for ordinal in 0..<segment.termCount {
                let text = segment.term(at: ordinal)
                guard text.unicodeScalars.first == first else { continue }
                let candidate = text.unicodeScalars.map(\.value)
                guard candidate != target,
                      let distance = levenshtein.distance(target, candidate, limit: maximumDistance) else { continue }
                let frequency = TermExpander.documentFrequency(segment, ordinal)
                let state = TermState(segment: index, ordinal: ordinal)
                if var existing = found[text] {
                    existing.documentFrequency += frequency
                    existing.states.append(state)
                    found[text] = existing
                } else {
                    found[text] = TermExpander.NearTerm(term: text, distance: distance, documentFrequency: frequency, states: [state])
                }
            }
        }
        let sorted = found.values.sorted {
            if $0.distance != $1.distance { return $0.distance < $1.distance }
            if $0.documentFrequency != $1.documentFrequency { return $0.documentFrequency > $1.documentFrequency }
            return $0.term < $1.term
        }
        return Array(sorted.prefix(limit))
    }

    /// Typed forms of dictionary words: a letter dropped, doubled, swapped with the next,
    /// replaced, and å/ä/ö written without their marks; every 7th term of the dictionary.
    static func typos(of segments: [SegmentReader]) -> [String] {
        var words: Set<String> = []
        for segment in segments {
            for ordinal in stride(from: 0, to: segment.termCount, by: 7) {
                let scalars = Array(segment.term(at: ordinal).unicodeScalars)
                guard scalars.count >= 4 else { continue }
                let middle = scalars.count / 2
                var dropped = scalars
                dropped.remove(at: middle)
                var doubled = scalars
                doubled.insert(scalars[middle], at: middle)
                var swapped = scalars
                swapped.swapAt(middle, middle - 1)
                var replaced = scalars
                replaced[middle] = "k"
                let unmarked = scalars.map { ["å": "a", "ä": "a", "ö": "o"][$0] ?? $0 }
                for form in [dropped, doubled, swapped, replaced, unmarked] {
                    var text = String.UnicodeScalarView()
                    text.append(contentsOf: form)
                    words.insert(String(text))
                }
            }
        }
        return words.sorted()
    }

    func testNearestAgreesWithThePlainScanForManyTypos() throws {
        let searcher = try XCTUnwrap(Self.sharedIndex?.searcher, "could not index archive/")
        let segments = searcher.reader.segments
        let words = Self.typos(of: segments)
        XCTAssertGreaterThan(words.count, 500)
        var compared = 0
        var nonEmpty = 0
        for word in words {
            for distance in [1, 2] {
                let fast = searcher.expander.nearest(to: word, maximumDistance: distance, limit: 8)
                let plain = Self.plainNearest(segments, to: word, maximumDistance: distance, limit: 8)
                XCTAssertEqual(fast.map(\.term), plain.map(\.term), "\(word), distance \(distance)")
                XCTAssertEqual(fast.map(\.distance), plain.map(\.distance), "\(word), distance \(distance)")
                XCTAssertEqual(fast.map(\.documentFrequency), plain.map(\.documentFrequency), "\(word), distance \(distance)")
                compared += 1
                if !plain.isEmpty { nonEmpty += 1 }
            }
        }
        XCTAssertGreaterThan(nonEmpty, compared / 2, "most typed forms have near terms")
    }

    /// The near inflection and lemma keys (`TermExpander.nearKeys`, rows shared between
    /// neighbouring keys) against a plain scan: every key with the word's first letter, decoded
    /// by the standard library and compared by the whole-matrix `BoundedLevenshtein`.
    static func plainNearKeys(_ segments: [SegmentReader], to term: String, maximumDistance: Int,
                              limit: Int) -> [(key: TermExpander.NearKey, distance: Int)] {
        guard let first = term.unicodeScalars.first else { return [] }
        let target = term.unicodeScalars.map(\.value)
        var levenshtein = BoundedLevenshtein()
        var found: [TermExpander.NearKey: Int] = [:]
        for segment in segments {
            for kind in SegmentReader.MatchableKeys.allCases {
                segment.forEachKey(kind, withPrefix: String(first)) { bytes, _ in
                    let text = String(decoding: bytes, as: UTF8.self)
                    let candidate = text.unicodeScalars.map(\.value)
                    guard candidate != target, let distance = levenshtein.distance(target, candidate, limit: maximumDistance)
                    else { return }
                    let near = TermExpander.NearKey(kind: kind, key: text)
                    found[near] = min(found[near] ?? distance, distance)
                }
            }
        }
        return found.sorted {
            if $0.value != $1.value { return $0.value < $1.value }
            if $0.key.key != $1.key.key { return $0.key.key < $1.key.key }
            return $0.key.kind == .inflection && $1.key.kind == .lemma
        }.prefix(limit).map { (key: $0.key, distance: $0.value) }
    }

    func testNearKeysAgreeWithThePlainScanForManyTypos() throws {
        let searcher = try XCTUnwrap(Self.sharedIndex?.searcher, "could not index archive/")
        let segments = searcher.reader.segments
        let words = Self.typos(of: segments)
        XCTAssertGreaterThan(words.count, 500)
        var nonEmpty = 0
        for word in words {
            for distance in [1, 2] {
                let fast = searcher.expander.nearKeys(to: word, maximumDistance: distance, limit: 40)
                let plain = Self.plainNearKeys(segments, to: word, maximumDistance: distance, limit: 40)
                XCTAssertEqual(fast.map(\.key), plain.map(\.key), "\(word), distance \(distance)")
                XCTAssertEqual(fast.map(\.distance), plain.map(\.distance), "\(word), distance \(distance)")
                if !plain.isEmpty { nonEmpty += 1 }
            }
        }
        XCTAssertGreaterThan(nonEmpty, words.count / 2, "most typed forms have near keys")
    }
}
