import TalksIndex
import XCTest
@testable import TalksSearch

/// The walk `CueNegation.keepsAHit` takes for plans of words only (positive cues in order,
/// stopping at the first one no negated word holds) gives the same answer as marking every
/// cue, episode by episode, with cursors kept across episodes: on generated transcripts
/// where kept cues come first, last, between negated ones, or not at all.
final class CueNegationWalkTests: XCTestCase {
    /// Birds and their inflections; no word of the graded evaluation.
    private static let words = ["trana", "tranan", "tranor", "lärka", "lärkan", "falk", "falken", "stare", "staren", "vipa"]

    /// `count` episodes of 1–12 cues of 1–4 words each, from a fixed linear congruential
    /// sequence (the same episodes every run). Some titles say a word too, so that episodes
    /// found by their metadata alone are covered.
    private static func episodes(count: Int) -> [IndexableEpisode] {
        var generated = GeneratedCues(seed: 0x5EED)
        return (0..<count).map { number in
            let cues = generated.cues(upTo: 12, of: words)
            let title = generated.next(4) == 0 ? "Om \(words[generated.next(words.count)])" : "Avsnitt \(number)"
            return TestIndex.episode("ep-\(number)", title: title, cues: cues)
        }
    }

    private static let queries = [
        "trana -lärka", "tranan -falk", "lärka -trana", "falk -stare", "stare -vipa", "vipa -tranor",
        "trana falk -lärka", "trana OR vipa -staren", "lärka -trana -falk", "falken -falk", "trana -trana",
        "stare OR lärka -vipa -tranor", "tranor -\"lärka falk\"", "\"trana lärka\" -stare",
    ]

    func testTheWalkAnswersAsMarkingEveryCue() throws {
        let index = try TestIndex(Self.episodes(count: 160))
        try assertWalkMatchesMarking(index)
    }

    /// Deleted episodes and a second segment: cursors reopen per segment and skip gaps.
    func testTheWalkAnswersAsMarkingAcrossSegmentsAndDeletions() throws {
        let all = Self.episodes(count: 120)
        let index = try TestIndex(Array(all.prefix(70)))
        try index.update(adding: Array(all.dropFirst(70)), removing: ["ep-3", "ep-4", "ep-40", "ep-69"])
        XCTAssertGreaterThan(index.searcher.reader.segments.count, 1)
        try assertWalkMatchesMarking(index)
    }

    /// Every query's kept episodes agree between the walk and the marking, and between both
    /// and what the search returns; across the queries each outcome occurs.
    private func assertWalkMatchesMarking(_ index: TestIndex, file: StaticString = #filePath, line: UInt = #line) throws {
        let searcher = index.searcher
        var kept = 0
        var dropped = 0
        for query in Self.queries {
            let plan = try searcher.plan(try searcher.parser.parse(query))
            let terms = SegmentTerms.resolve(plan, segmentCount: searcher.reader.segments.count)
            for (segmentIndex, segment) in searcher.reader.segments.enumerated() {
                var walking = CueNegation(segment: segment, plan: plan, terms: terms[segmentIndex])
                var marking = CueNegation(segment: segment, plan: plan, terms: terms[segmentIndex])
                for episode in 0..<segment.episodeCount where !segment.isDeleted(episode: episode) {
                    for metadataNegated in [false, true] {
                        let walked = try walking.keepsAHit(episode: episode, metadataNegated: metadataNegated)
                        let marked = try marking.keepsAHitByMarking(episode: episode, metadataNegated: metadataNegated)
                        XCTAssertEqual(walked, marked, "\(query): segment \(segmentIndex) episode \(episode)", file: file, line: line)
                        if walked { kept += 1 } else { dropped += 1 }
                    }
                }
            }
        }
        XCTAssertGreaterThan(kept, 100, file: file, line: line)
        XCTAssertGreaterThan(dropped, 100, file: file, line: line)
    }

    /// Through the search: an episode whose only kept cue comes after cues saying the negated
    /// word stays, one whose every positive cue says it goes.
    func testAKeptCueAfterNegatedOnesKeepsTheEpisode() throws {
        let index = try TestIndex([
            TestIndex.episode("late", title: "Fåglar", cues: ["Trana och lärka.", "Lärka och trana.", "Trana flög."]),
            TestIndex.episode("never", title: "Fåglar", cues: ["Trana och lärka.", "Lärka sjöng.", "Trana, lärka."]),
            TestIndex.episode("first", title: "Fåglar", cues: ["Trana i flock.", "Trana och lärka."]),
        ])
        XCTAssertEqual(Set(try index.ids("trana -lärka")), ["late", "first"])
        XCTAssertEqual(Set(try index.ids("trana")), ["late", "never", "first"])
    }
}
