import XCTest
import TalksIndex
@testable import TalksSearch

/// A quoted phrase also finds its words inflected in the same order, ranked below the
/// phrase as typed (`QueryPlanner+PhraseForms`), end to end on words the graded evaluation
/// does not use; the words apart or in another order are still no phrase, and a negated
/// phrase stays exact.
final class PhraseFormSearchTests: XCTestCase {
    static func archive() -> [IndexableEpisode] {
        [
            TestIndex.episode("exakt", title: "Avsnitt 1", cues: ["Vi köpte en elektrisk traktor i våras."]),
            TestIndex.episode("bojd", title: "Avsnitt 2", cues: ["De elektriska traktorerna laddas på natten."]),
            TestIndex.episode("isar", title: "Avsnitt 3", cues: ["Traktorn är elektrisk numera."]),
        ]
    }

    func testAQuotedPhraseFindsItsInflectedFormsBelowItself() throws {
        for (label, index) in [("rules only", try TestIndex(Self.archive()))] {
            XCTAssertEqual(try index.ids("\"elektrisk traktor\""), ["exakt", "bojd"], label)
            XCTAssertEqual(try index.ids("\"elektriska traktorerna\""), ["bojd", "exakt"], label)
            let response = try index.search("\"elektrisk traktor\"")
            XCTAssertEqual(response.results.last?.hits.first?.snippetHTML,
                           "De <mark>elektriska</mark> <mark>traktorerna</mark> laddas på natten.")
            let forms = try index.searcher.explain(SearchRequest(query: "\"elektrisk traktor\"")).clauses.compactMap(\.phraseForm)
            XCTAssertFalse(forms.isEmpty, label)
            XCTAssertTrue(forms.allSatisfy { $0 == "\"elektrisk traktor\"" }, "\(forms)")
        }
    }

    func testANegatedPhraseStaysExact() throws {
        let index = try TestIndex(Self.archive())
        // Only the cue saying the phrase as typed is left out.
        XCTAssertEqual(Set(try index.ids("elektriska -\"elektrisk traktor\"")), ["bojd", "isar"])
    }

    func testPhraseFormsCanBeTurnedOff() throws {
        let index = try TestIndex(Self.archive())
        var parameters = RankingParameters()
        parameters.maximumPhraseForms = 0
        let exact = Searcher(reader: try IndexReader.open(directory: index.directory), parameters: parameters)
        XCTAssertEqual(try exact.search(SearchRequest(query: "\"elektrisk traktor\"")).results.map(\.episode.id), ["exakt"])
    }
}
