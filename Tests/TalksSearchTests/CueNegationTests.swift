import XCTest
@testable import TalksSearch

/// `-word` per cue (issue 13): the moments saying the negated word are never hits; an
/// episode goes only when every moment that matched says it, or, found by its metadata
/// alone, its metadata says it.
final class CueNegationTests: XCTestCase {
    private func makeIndex() throws -> TestIndex {
        try TestIndex([
            TestIndex.episode(
                "both", title: "Vatten i landskapet: torka och våtmarker", tags: ["torka", "våtmarker"],
                cues: ["Torkan slog hårt mot våtmarkerna.", "Vi anlade en våtmark på gården.",
                       "Torkan 2018 var svår.", "En våtmark renar vattnet."]),
            TestIndex.episode("only-together", title: "Sommaren", cues: ["Våtmarken torkade ut i torkan.", "Sen kom regnet."]),
            TestIndex.episode("plain", title: "Fåglar", cues: ["Fåglarna häckar i våtmarken."]),
            TestIndex.episode("title-only", title: "Våtmarker och torka", cues: ["Välkomna hit.", "Tack för i dag."]),
            TestIndex.episode("title-clean", title: "Våtmarker", cues: ["Välkomna hit."]),
        ])
    }

    func testCuesSayingTheNegatedWordAreNeverHits() throws {
        let index = try makeIndex()
        let response = try index.search("våtmark -torkan", hits: 5)
        XCTAssertEqual(Set(response.results.map(\.episode.id)), ["both", "plain", "title-clean"])
        for result in response.results {
            for hit in result.hits {
                XCTAssertFalse(hit.text.lowercased().contains("tork"), "\(result.episode.id): \(hit.text)")
            }
        }
        let both = try XCTUnwrap(response.results.first { $0.episode.id == "both" })
        XCTAssertEqual(both.hits.map(\.text), ["Vi anlade en våtmark på gården.", "En våtmark renar vattnet."])
    }

    func testAnEpisodeWhoseEveryMatchSaysTheWordGoes() throws {
        let index = try makeIndex()
        XCTAssertFalse(try index.ids("våtmark -torkan").contains("only-together"))
        XCTAssertTrue(try index.ids("våtmark").contains("only-together"))
    }

    /// Found by its title alone: its metadata decides (`title-only` says torka in its title).
    func testAnEpisodeFoundByMetadataAloneGoesWhenTheMetadataSaysIt() throws {
        let index = try makeIndex()
        XCTAssertTrue(try index.ids("våtmark").contains("title-only"))
        XCTAssertFalse(try index.ids("våtmark -torka").contains("title-only"))
        XCTAssertTrue(try index.ids("våtmark -torka").contains("title-clean"))
    }

    func testNegatedPhrasesWorkPerCueToo() throws {
        let index = try makeIndex()
        let response = try index.search("torkan -\"torkan 2018\"", hits: 5)
        let both = try XCTUnwrap(response.results.first { $0.episode.id == "both" })
        XCTAssertEqual(both.hits.map(\.text), ["Torkan slog hårt mot våtmarkerna."])
    }

    /// With filters only there are no moments: a negated word excludes any episode saying it.
    func testFilterOnlyListingsExcludeEveryMention() throws {
        let index = try makeIndex()
        XCTAssertEqual(Set(try index.ids("series:\"Landet lär\" -torkan")), ["plain", "title-clean"], "title-only says torka in its title")
    }
}
