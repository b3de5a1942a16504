import Foundation
import TalksIndex
import TalksModel
@testable import TalksSearch
import XCTest

/// `speaker:` with every clause shape (word, prefix, phrase, exclusion) on a real index: only
/// the named speaker's cues match, rank and are hits.
final class SpeakerScopeSearchTests: XCTestCase {
    private static func index() throws -> TestIndex {
        try TestIndex([
            TestIndex.episode("samtal-1", title: "Om vall", speakers: ["Karin Lindqvist", "Olof Berg"], cues: [
                "Karin Lindqvist: Välkomna, idag pratar vi om bete.",
                "Olof Berg: Kvävegödsling av vallen är det jag får flest frågor om.",
                "Olof Berg: Och torkan förra sommaren slog hårt mot vallen.",
                "Karin Lindqvist: Tack Olof, nu över till frågorna från chatten.",
            ]),
            TestIndex.episode("samtal-2", title: "Om torka", speakers: ["Karin Lindqvist", "Maja Ström"], cues: [
                "Karin Lindqvist: Hur klarade ni torkan förra sommaren?",
                "Maja Ström: Vi bevattnade vallen från dammen och det räckte nästan.",
                "Karin Lindqvist: Kvävegödsling, hur tänkte ni kring den?",
            ]),
        ])
    }

    private func hits(_ response: SearchResponse) -> [String] {
        response.results.flatMap { result in result.hits.map { "\(result.episode.id) \($0.speaker ?? "-"): \($0.text)" } }
    }

    func testEveryClauseShapeIsKeptToTheSpeaker() throws {
        let index = try Self.index()
        // A word Olof says in samtal-1 and Karin in samtal-2.
        XCTAssertEqual(hits(try index.search("speaker:Karin kvävegödsling")),
                       ["samtal-2 Karin Lindqvist: Kvävegödsling, hur tänkte ni kring den?"])
        XCTAssertEqual(try index.ids("speaker:Olof kvävegödsling"), ["samtal-1"])
        // Prefix and phrase.
        XCTAssertEqual(hits(try index.search("speaker:Karin kväve*")),
                       ["samtal-2 Karin Lindqvist: Kvävegödsling, hur tänkte ni kring den?"])
        XCTAssertEqual(hits(try index.search("speaker:Olof \"förra sommaren\"")),
                       ["samtal-1 Olof Berg: Och torkan förra sommaren slog hårt mot vallen."])
        XCTAssertEqual(try index.ids("speaker:Maja \"förra sommaren\""), [])
        // Both words must be said by the speaker (in that episode), not one by someone else.
        XCTAssertEqual(try index.ids("speaker:Karin torkan vallen"), [])
        XCTAssertEqual(try index.ids("torkan vallen").sorted(), ["samtal-1", "samtal-2"])
        // Excluding what the speaker says: Karin never says "vallen" in samtal-2, Maja does.
        XCTAssertEqual(try index.ids("speaker:Karin torkan -vallen"), ["samtal-2"])
        XCTAssertEqual(try index.ids("speaker:Karin -vallen").sorted(), ["samtal-1", "samtal-2"])
    }

    /// A transcript without a single voice cannot say who said what: there `speaker:` keeps
    /// its episode meaning (the metadata names the speaker), every cue counts; a transcript
    /// with voices keeps the words to the speaker's cues.
    func testATranscriptWithoutVoicesKeepsTheEpisodeMeaning() throws {
        let index = try TestIndex([
            TestIndex.episode("utan-roster", title: "Om bete", speakers: ["Karin Lindqvist", "Olof Berg"], cues: [
                "Välkomna, idag pratar vi om bete.",
                "Kvävegödsling av vallen är det jag får flest frågor om.",
            ]),
            TestIndex.episode("med-roster", title: "Om vall", speakers: ["Karin Lindqvist", "Olof Berg"], cues: [
                "Olof Berg: Kvävegödsling av vallen, igen.",
                "Karin Lindqvist: Tack Olof.",
            ]),
            TestIndex.episode("annan", title: "Om torka", speakers: ["Maja Ström"], cues: [
                "Kvävegödsling i torka.",
            ]),
        ])
        XCTAssertEqual(hits(try index.search("speaker:Karin kvävegödsling")),
                       ["utan-roster -: Kvävegödsling av vallen är det jag får flest frågor om."])
        XCTAssertEqual(try index.ids("speaker:Olof kvävegödsling").sorted(), ["med-roster", "utan-roster"])
        XCTAssertEqual(try index.ids("speaker:Maja kvävegödsling"), ["annan"])
        XCTAssertEqual(try index.ids("speaker:Maja vallen"), [])
    }

    func testSynonymsRankBelowTheWordAsTypedAndNeverFailAQuery() throws {
        let index = try TestIndex([
            TestIndex.episode("uttryck", title: "Forskning", cues: ["Försöken gjordes av forskare vid Sveriges lantbruksuniversitet i Alnarp."]),
            TestIndex.episode("forkortning", title: "Forskning", cues: ["Försöken gjordes av forskare vid SLU i Alnarp, hela sommaren."]),
        ])
        let file = index.directory + "/synonyms.txt"
        // Two alternatives of the group match "Sveriges lantbruksuniversitet": they count once.
        try "SLU, Sveriges lantbruksuniversitet, lantbruksuniversitetet\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        let reader = try IndexReader.open(directory: index.directory)
        let searcher = Searcher(reader: reader, synonymFiles: [file])
        func ids(_ query: String, _ searcher: Searcher) throws -> [String] {
            try searcher.search(SearchRequest(query: query)).results.map(\.episode.id)
        }
        XCTAssertEqual(try ids("SLU", searcher), ["forkortning", "uttryck"])
        XCTAssertEqual(try ids("\"Sveriges lantbruksuniversitet\"", searcher), ["uttryck", "forkortning"])
        // A tiny expansion budget: the query's own words still fit, synonyms are cut, no error.
        var parameters = RankingParameters()
        parameters.maximumQueryExpansions = 2
        let tight = Searcher(reader: reader, parameters: parameters, synonymFiles: [file])
        XCTAssertEqual(try ids("SLU", tight), ["forkortning", "uttryck"])
        let clauses = try tight.explain(SearchRequest(query: "SLU")).clauses
        XCTAssertEqual(clauses.map(\.text), ["slu", "\"sveriges lantbruksuniversitet\""], "synonyms stop at the budget")
    }
}
