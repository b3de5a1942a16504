import XCTest
import TalksIndex
@testable import TalksSearch

/// A query of more than 64 clauses (a long OR of compounds, each adding its parts, or
/// phrases adding their inflected forms) shares `HitCollector`'s per-cue clause bits between
/// clauses (`index & 63`): a compound's parts then alias other clauses, and the rule that
/// forgets cues saying only some parts (`Evidence.keepWhole`) must not forget a cue that
/// says a whole word of the query. Rules only; words of no evaluation query.
final class ManyClauseHitTests: XCTestCase {
    private func makeIndex() throws -> TestIndex {
        try TestIndex([
            TestIndex.episode("sylt", title: "Skafferiet", cues: [
                "Syltburken var full.", "Vi fyllde en burk med sylt.", "Sedan regnade det."]),
            TestIndex.episode("djur", title: "Gården", cues: ["Hund, katt, fisk, häst, gris, älg och lamm."]),
        ])
    }

    private func hits(_ response: SearchResponse, _ id: String) -> [String] {
        response.results.first { $0.episode.id == id }?.hits.map(\.text) ?? []
    }

    func testACueSayingTheWholeCompoundStaysAHitInAQueryOfManyClauses() throws {
        let index = try makeIndex()
        let expected = ["Syltburken var full.", "Vi fyllde en burk med sylt."]
        XCTAssertEqual(hits(try index.search("syltburk", hits: 10), "sylt"), expected)
        // Then 25 compounds of two animals: each is a clause and its two parts, so the
        // parts of the 22nd share the bits of the first compound's clauses.
        let animals = ["hund", "katt", "fisk", "häst", "gris", "älg", "lamm"]
        let others = animals.flatMap { first in animals.filter { $0 != first }.map { first + $0 } }
            .filter { !$0.hasSuffix("älg") }.prefix(25)  // (älg as a last part is no split here)
        let long = (["syltburk"] + others).joined(separator: " OR ")
        let plan = try index.searcher.plan(try index.searcher.parser.parse(long))
        // Clause 64, whose bit is clause 0's (the compound `syltburk`), is a first part.
        XCTAssertGreaterThan(plan.clauses.count, 66)
        XCTAssertEqual(plan.nearGroups.first { $0.contains(64) }?.first, 64)
        XCTAssertEqual(hits(try index.search(long, hits: 10), "sylt"), expected)
    }
}
