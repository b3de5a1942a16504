import TalksIndex
import XCTest
@testable import TalksSearch

/// `CuePartsProximity.saysAll` (the leapfrog walk that stops at the first cue saying every
/// part of a compound) answers as `cues(inRange:)` (marking every cue that says any part),
/// episode by episode with cursors kept across episodes, with and without a predicate on
/// the cue (a speaker's scope): on generated transcripts where the parts meet in the first,
/// the last, a middle or no cue.
final class CuePartsProximityWalkTests: XCTestCase {
    /// Stable and horse words with their inflections, and fillers; no word of the graded
    /// evaluation. None is said in four fifths of the episodes (that would make it a
    /// function word, never a part).
    private static let words = [
        "häst", "hästen", "hästar", "vagn", "vagnen", "vagnar", "stall", "stallet", "sadel", "sadeln",
        "gick", "stod", "fanns", "regn", "vind", "sol",
    ]

    /// Compounds of those words that no transcript says whole: each splits into two parts.
    private static let queries = ["hästvagn", "stallhäst", "sadelvagn", "hästsadel", "vagnstall"]

    /// `count` episodes of 1–10 cues of 1–4 words, from a fixed linear congruential sequence.
    private static func episodes(count: Int) -> [IndexableEpisode] {
        var generated = GeneratedCues(seed: 0xC0FFEE)
        return (0..<count).map { number in
            let cues = generated.cues(upTo: 10, of: words)
            return TestIndex.episode("ep-\(number)", title: "Avsnitt \(number)", cues: cues)
        }
    }

    func testTheWalkAnswersAsMarkingEveryCue() throws {
        try assertWalkMatchesMarking(try TestIndex(Self.episodes(count: 160)))
    }

    /// Deleted episodes and a second segment: cursors reopen per segment and skip gaps.
    func testTheWalkAnswersAsMarkingAcrossSegmentsAndDeletions() throws {
        let all = Self.episodes(count: 120)
        let index = try TestIndex(Array(all.prefix(70)))
        try index.update(adding: Array(all.dropFirst(70)), removing: ["ep-2", "ep-5", "ep-41", "ep-69"])
        XCTAssertGreaterThan(index.searcher.reader.segments.count, 1)
        try assertWalkMatchesMarking(index)
    }

    /// For every query's `near` group, in every live episode: the walk and the marking agree,
    /// plain and with a predicate that accepts only even cue ordinals; each outcome occurs.
    private func assertWalkMatchesMarking(_ index: TestIndex, file: StaticString = #filePath, line: UInt = #line) throws {
        let searcher = index.searcher
        var found = 0
        var missing = 0
        for query in Self.queries {
            let plan = try searcher.plan(try searcher.parser.parse(query))
            XCTAssertEqual(plan.nearGroups.count, 1, "\(query) splits into parts", file: file, line: line)
            let terms = SegmentTerms.resolve(plan, segmentCount: searcher.reader.segments.count)
            for group in plan.nearGroups {
                for (segmentIndex, segment) in searcher.reader.segments.enumerated() {
                    var walking = CuePartsProximity(segment: segment, clauses: group, terms: terms[segmentIndex])
                    var scopedWalking = CuePartsProximity(segment: segment, clauses: group, terms: terms[segmentIndex])
                    var marking = CuePartsProximity(segment: segment, clauses: group, terms: terms[segmentIndex])
                    for episode in 0..<segment.episodeCount where !segment.isDeleted(episode: episode) {
                        let range = segment.cueRange(ofEpisode: episode)
                        let marked = try marking.cues(inRange: range).map { range.lowerBound + $0 }
                        let walked = try walking.saysAll(inRange: range)
                        let scoped = try scopedWalking.saysAll(inRange: range) { $0 % 2 == 0 }
                        let context = "\(query): segment \(segmentIndex) episode \(episode)"
                        XCTAssertEqual(walked, !marked.isEmpty, context, file: file, line: line)
                        XCTAssertEqual(scoped, marked.contains { $0 % 2 == 0 }, context + " (even cues)", file: file, line: line)
                        if walked { found += 1 } else { missing += 1 }
                    }
                }
            }
        }
        XCTAssertGreaterThan(found, 50, file: file, line: line)
        XCTAssertGreaterThan(missing, 50, file: file, line: line)
    }
}
