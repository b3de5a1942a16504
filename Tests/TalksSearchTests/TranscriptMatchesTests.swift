import TalksModel
import XCTest
@testable import TalksSearch

/// `Searcher.transcriptMatches(of:inEpisode:)`: the words of a query marked across a whole
/// transcript with search's own analysis, and exactly the words a hit's snippet marks.
final class TranscriptMatchesTests: XCTestCase {
    static let cues = [
        "Karin Lindqvist: Vi pratar om strategin för regionen.",
        "Helene Oscarsson: Östergötlands livsmedelsstrategi är viktig.",
        "Karin Lindqvist: Och strategierna skiljer sig åt.",
        "Helene Oscarsson: Vatten i landskapet, inte strategi.",
        "Karin Lindqvist: De gröna klustren i Sverige har en strategi.",
    ]

    private func marked(_ index: TestIndex, _ query: String, episode: String = "e1") throws -> [Int: [String]] {
        let matches = try XCTUnwrap(try index.searcher.transcriptMatches(of: query, inEpisode: episode))
        let cues = try XCTUnwrap(try index.searcher.transcript(id: episode))
        var words: [Int: [String]] = [:]
        for (cue, ranges) in matches.rangesByCue {
            let bytes = Array(cues[cue].text.utf8)
            words[cue] = ranges.map { String(decoding: bytes[$0], as: UTF8.self) }
        }
        return words
    }

    func testInflectionsCompoundsAndFoldingAreMarkedInEveryCue() throws {
        let index = try TestIndex([
            TestIndex.episode("e1", title: "Strategier", cues: Self.cues),
            TestIndex.episode("e2", title: "Annat", cues: ["Här sägs strategi också."]),
        ])
        XCTAssertEqual(try marked(index, "strategi"), [
            0: ["strategin"], 1: ["livsmedelsstrategi"], 2: ["strategierna"], 3: ["strategi"], 4: ["strategi"],
        ])
        XCTAssertEqual(try marked(index, "ostergotland"), [1: ["Östergötlands"]])
        XCTAssertEqual(try marked(index, "\"gröna klustren\""), [4: ["gröna", "klustren"]])
        XCTAssertEqual(try marked(index, "vatten OR klustren -kött"), [3: ["Vatten"], 4: ["klustren"]])
        XCTAssertEqual(try marked(index, "livsm*"), [1: ["livsmedelsstrategi"]])
        XCTAssertEqual(try marked(index, "vatten -landskapet"), [3: ["Vatten"]], "a negated word marks nothing")
        XCTAssertEqual(try index.searcher.transcriptMatches(of: "strategi", inEpisode: "e1")?.count, 5)
        XCTAssertEqual(try marked(index, "strategi", episode: "e2"), [0: ["strategi"]], "only the asked episode's cues")
        XCTAssertEqual(try marked(index, "ordsomintefinns"), [:])
        let window = try XCTUnwrap(try index.searcher.transcriptMatches(of: "strategi", inEpisode: "e1", cues: 1..<3))
        XCTAssertEqual(window.rangesByCue.keys.sorted(), [1, 2], "a window keeps the transcript's cue indices")
        XCTAssertEqual(window.rangesByCue, try index.searcher.transcriptMatches(of: "strategi", inEpisode: "e1")?.rangesByCue.filter { (1..<3).contains($0.key) })
        XCTAssertEqual(try index.searcher.transcriptMatches(of: "strategi", inEpisode: "e1", cues: 7..<90)?.count, 0)
    }

    func testTheMarksAreThoseOfSearchHits() throws {
        let index = try TestIndex([TestIndex.episode("e1", title: "Strategier", cues: Self.cues)])
        for query in ["strategi", "ostergotland", "\"gröna klustren\"", "sverige vatten", "strat*"] {
            let response = try index.search(query, hits: 20)
            let matches = try XCTUnwrap(try index.searcher.transcriptMatches(of: query, inEpisode: "e1"))
            let cues = try XCTUnwrap(try index.searcher.transcript(id: "e1"))
            let hits = response.results.first?.hits ?? []
            XCTAssertEqual(hits.count, matches.rangesByCue.count, query)
            for hit in hits {
                let cue = try XCTUnwrap(cues.firstIndex { $0.start == hit.start })
                XCTAssertEqual(Snippet(text: cues[cue].text, matches: matches.ranges(ofCue: cue)).html, hit.snippetHTML, query)
            }
        }
    }

    func testAnUnknownEpisodeIsNilAndABadQueryThrows() throws {
        let index = try TestIndex([TestIndex.episode("e1", title: "Strategier", cues: Self.cues)])
        XCTAssertNil(try index.searcher.transcriptMatches(of: "strategi", inEpisode: "nope"))
        XCTAssertThrowsError(try index.searcher.transcriptMatches(of: "\"oavslutad", inEpisode: "e1")) { error in
            XCTAssertTrue(error is QueryError, "\(error)")
        }
        try index.update(removing: ["e1"])
        XCTAssertNil(try index.searcher.transcriptMatches(of: "strategi", inEpisode: "e1"), "a removed episode is gone")
    }
}
