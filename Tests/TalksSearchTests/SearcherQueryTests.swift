import XCTest
import TalksIndex
import TalksModel
@testable import TalksSearch

/// The query language end to end over a small real index.
final class SearcherQueryTests: XCTestCase {

    private func makeIndex() throws -> TestIndex {
        try TestIndex([
            TestIndex.episode(
                "ep-38", title: "Vatten i landskapet", date: "2021-09-15T12:00:00+02:00", number: 38,
                speakers: ["Karin Berg", "Olof Lind"], tags: ["vatten"],
                cues: [
                    "Karin Berg: Välkomna till Landet lär om vatten.",
                    "Karin Berg: Torkan 2018 var svår för många.",
                    "Olof Lind: Vi anlade våtmarker på gården.",
                    "Olof Lind: Landet är torrt, lär vi oss.",
                    "Karin Berg: <b>Tack</b> & hej då!",
                ]),
            TestIndex.episode(
                "ep-55", title: "Gröna klustren i Östergötland", date: "2022-10-19T12:00:00+02:00", number: 55,
                speakers: ["Helene Oscarsson"], description: "Om Vreta Kluster och samverkan.",
                cues: [
                    "Helene Oscarsson: Vinnova finansierade snabb-bemanning.",
                    "Helene Oscarsson: Östergötlands livsmedelsstrategi är viktig.",
                    "Helene Oscarsson: Och sen Agtech 2030 i Linköping.",
                    "Helene Oscarsson: Landet lär sig av de gröna klustren.",
                ]),
            TestIndex.episode(
                "ep-58", title: "Skogen och torkan", date: "2023-03-01T12:00:00+01:00", series: "Skogsveckan",
                number: 58, speakers: ["Björn Åkesson"],
                cues: [
                    "Björn Åkesson: Granbarkborren kom efter torkan 2018.",
                    "Björn Åkesson: Granarna dog, och sen kom biogas.",
                    "Björn Åkesson: Mer om torka och vatten.",
                ]),
        ])
    }

    func testPhraseMatchesWithinOneCueOnly() throws {
        let index = try makeIndex()
        XCTAssertEqual(Set(try index.ids("\"Landet lär\"")), ["ep-38", "ep-55"])
        XCTAssertEqual(try index.ids("\"lär landet\""), [])
        XCTAssertEqual(Set(try index.ids("\"torkan 2018\"")), ["ep-38", "ep-58"])
        XCTAssertEqual(try index.ids("\"gröna klustren\"").first, "ep-55", "title phrase")
        let hits = try index.search("\"landet lär\"").results.first { $0.episode.id == "ep-38" }?.hits ?? []
        XCTAssertEqual(hits.map(\.start), [10], "cue 4 has 'Landet är torrt, lär' which is not the phrase")
    }

    /// `-word` drops the moments that say it (issue 13; `CueNegationTests` has the details):
    /// an episode stays while a matching cue without it remains.
    func testNegationDropsMomentsNotEpisodes() throws {
        let index = try makeIndex()
        XCTAssertEqual(Set(try index.ids("\"torkan 2018\" -granarna")), ["ep-38", "ep-58"])
        XCTAssertEqual(try index.ids("torkan -\"torkan 2018\""), ["ep-58"], "ep-58 also says 'Mer om torka och vatten'")
        XCTAssertEqual(Set(try index.ids("vatten")), ["ep-38", "ep-58"])
        XCTAssertEqual(Set(try index.ids("vatten -biogas")), ["ep-38", "ep-58"])
        XCTAssertEqual(try index.ids("granarna -biogas"), [], "the only cue with granarna also says biogas")
        let hits = try index.search("torkan -\"torkan 2018\"", hits: 5).results.flatMap(\.hits).map(\.text)
        XCTAssertEqual(hits, ["Mer om torka och vatten."])
    }

    func testOrAndPrefixes() throws {
        let index = try makeIndex()
        XCTAssertEqual(Set(try index.ids("biogas OR vinnova")), ["ep-55", "ep-58"])
        XCTAssertEqual(try index.ids("kvantdator OR vinnova"), ["ep-55"])
        XCTAssertEqual(try index.ids("granbark*"), ["ep-58"])
        XCTAssertEqual(try index.ids("vinn*"), ["ep-55"])
        XCTAssertEqual(try index.ids("(biogas OR vinnova) 2030"), ["ep-55"])
    }

    func testHyphenatedWordsMatchPartsAndJoinedForm() throws {
        let index = try makeIndex()
        XCTAssertEqual(try index.ids("bemanning"), ["ep-55"])
        XCTAssertEqual(try index.ids("snabbbemanning"), ["ep-55"])
        XCTAssertEqual(try index.ids("snabb-bemanning"), ["ep-55"])
        XCTAssertEqual(try index.ids("\"snabb bemanning\""), ["ep-55"])
    }

    func testFilters() throws {
        let index = try makeIndex()
        XCTAssertEqual(try index.ids("torkan speaker:\"Björn Åkesson\""), ["ep-58"])
        XCTAssertEqual(try index.ids("torkan speaker:bjorn"), ["ep-58"], "whole words, folded, any case")
        XCTAssertEqual(try index.ids("torkan speaker:\"Helene Oscarsson\""), [])
        XCTAssertEqual(Set(try index.ids("torkan series:\"Landet lär\"")), ["ep-38"])
        XCTAssertEqual(try index.ids("torkan after:2022-01-01"), ["ep-58"])
        XCTAssertEqual(try index.ids("torkan before:2022-01-01"), ["ep-38"])
        XCTAssertEqual(try index.ids("torkan after:2023-03-01"), ["ep-58"], "after is inclusive, by the date as written")
        XCTAssertEqual(try index.ids("torkan before:2023-03-01"), ["ep-38"], "before is exclusive")
        let request = SearchRequest(query: "torkan", speaker: "Karin Berg")
        XCTAssertEqual(try index.searcher.search(request).results.map(\.episode.id), ["ep-38"])
        XCTAssertThrowsError(try index.searcher.search(SearchRequest(query: "torkan", after: "2022-02-30"))) { error in
            XCTAssertEqual((error as? QueryError)?.kind, .badDate)
        }
    }

    func testSpeakerFilterKeepsHitsToThatSpeakersCues() throws {
        let index = try makeIndex()
        XCTAssertEqual(try index.search("landet speaker:karin", hits: 1).results.first?.hits.map(\.start), [10])
        XCTAssertEqual(try index.search("landet speaker:\"Olof Lind\"", hits: 1).results.first?.hits.map(\.start), [25])
        XCTAssertEqual(try index.search("landet speaker:olof", hits: 3).results.first?.hits.map(\.start), [25],
                       "other speakers' matches are not hits of speaker:olof (issue 13 item 3)")
    }

    func testFiltersAloneListEpisodesNewestFirst() throws {
        let index = try makeIndex()
        XCTAssertEqual(try index.ids("series:\"Landet lär\""), ["ep-55", "ep-38"])
        XCTAssertEqual(try index.ids("after:2021-01-01 -torkan"), ["ep-55"])
        let empty = SearchRequest(query: "", series: "Skogsveckan")
        XCTAssertEqual(try index.searcher.search(empty).results.map(\.episode.id), ["ep-58"])
    }

    func testPagingAndTotals() throws {
        let index = try makeIndex()
        let all = try index.search("2018 OR och", limit: 10)
        XCTAssertEqual(all.totalEpisodes, 3)
        let first = try index.search("2018 OR och", limit: 2, offset: 0)
        let second = try index.search("2018 OR och", limit: 2, offset: 2)
        XCTAssertEqual(first.totalEpisodes, 3)
        XCTAssertEqual(second.totalEpisodes, 3)
        XCTAssertEqual(first.results.map(\.episode.id) + second.results.map(\.episode.id), all.results.map(\.episode.id))
        XCTAssertEqual(try index.search("2018 OR och", limit: 2, offset: 5).results.count, 0)
        XCTAssertEqual(try index.search("2018 OR och", limit: 0).results.count, 0)
    }

    func testHitsAreBestCuesInTimeOrderWithSnippetsAndLinks() throws {
        let index = try makeIndex()
        let response = try index.search("torkan 2018 granbarkborren", hits: 2)
        XCTAssertEqual(response.results.map(\.episode.id), ["ep-58"])
        let hits = response.results[0].hits
        XCTAssertEqual(hits.map(\.start), [10, 20], "cue with all three words first, then the torka cue, in time order")
        XCTAssertEqual(hits[0].snippetHTML, "<mark>Granbarkborren</mark> kom efter <mark>torkan</mark> <mark>2018</mark>.")
        XCTAssertEqual(hits[0].speaker, "Björn Åkesson")
        XCTAssertEqual(hits[0].url?.text, "https://media.example.org/ep-58.mp4#t=10")
        XCTAssertEqual(hits[1].snippetHTML, "Mer om <mark>torka</mark> och vatten.")
        let one = try index.search("torkan", hits: 1).results.first { $0.episode.id == "ep-58" }
        XCTAssertEqual(one?.hits.count, 1)
    }

    func testSnippetsEscapeHTML() throws {
        let index = try makeIndex()
        let hit = try index.search("tack").results.first?.hits.first
        XCTAssertEqual(hit?.snippetHTML, "&lt;b&gt;<mark>Tack</mark>&lt;/b&gt; &amp; hej då!")
    }

    func testMetadataOnlyMatchesHaveNoHits() throws {
        let index = try makeIndex()
        let response = try index.search("samverkan")
        XCTAssertEqual(response.results.map(\.episode.id), ["ep-55"])
        XCTAssertEqual(response.results.first?.hits.count, 0)
    }

    func testNothingFoundSuggestsNearTerms() throws {
        let index = try makeIndex()
        let response = try index.search("bioxgaz")
        XCTAssertEqual(response.totalEpisodes, 0, "7 letters allow one edit; biogas is two away")
        XCTAssertTrue(response.results.isEmpty)
        XCTAssertEqual(response.suggestions.first, "biogas")
        XCTAssertEqual(try index.search("kvantdator").suggestions, [])
        XCTAssertEqual(try index.search("\"gröna klustrem\"").suggestions.first, "klustren", "unknown words of a phrase too")
        XCTAssertFalse(try index.search("\"gröna klustrem\"").suggestions.contains("gröna"), "known words are not corrected")
    }

    func testMalformedQueriesThrowQueryErrors() throws {
        let index = try makeIndex()
        for text in ["\"öppen", "torka OR", "-torka", "", "after:2022-13-01 torka", "!!! ???"] {
            XCTAssertThrowsError(try index.search(text), text) { error in
                XCTAssertTrue(error is QueryError, "\(text): \(error)")
            }
        }
    }

    func testJSONShape() throws {
        let index = try makeIndex()
        let response = try index.search("vinnova")
        guard case .object(let top) = response.jsonValue else { return XCTFail("not an object") }
        XCTAssertEqual(top.map(\.key), ["query", "total_episodes", "results", "suggestions", "took_ms"])
        guard case .object(let result)? = response.jsonValue["results"]?.arrayValue?.first else { return XCTFail("no result") }
        XCTAssertEqual(result.map(\.key), ["episode", "score", "hits"])
        guard case .object(let episode)? = result.first?.value else { return XCTFail("no episode") }
        XCTAssertEqual(episode.map(\.key), ["id", "title", "series", "number", "date", "speakers", "recording", "page", "chapters"])
        guard case .object(let hit)? = response.jsonValue["results"]?.arrayValue?.first?["hits"]?.arrayValue?.first else {
            return XCTFail("no hit")
        }
        XCTAssertEqual(hit.map(\.key), ["start", "cue_start", "end", "speaker", "text", "snippet_html", "url", "chapter"])
        XCTAssertTrue(response.jsonLine.contains("\"snippet_html\":\"<mark>Vinnova</mark> finansierade snabb-bemanning.\""),
                      response.jsonLine)
    }

    func testDeletedEpisodesDisappearAtOnce() throws {
        let index = try makeIndex()
        XCTAssertEqual(try index.ids("granbarkborren"), ["ep-58"])
        try index.update(removing: ["ep-58"])
        XCTAssertEqual(try index.ids("granbarkborren"), [])
        XCTAssertNil(try index.searcher.episode(id: "ep-58"))
        XCTAssertEqual(try index.searcher.episodes().total, 2)
    }

    func testBrowsing() throws {
        let index = try makeIndex()
        let page = try index.searcher.episodes(offset: 0, limit: 2)
        XCTAssertEqual(page.total, 3)
        XCTAssertEqual(page.episodes.map(\.id), ["ep-58", "ep-55"])
        XCTAssertEqual(try index.searcher.episode(id: "ep-55")?.title, "Gröna klustren i Östergötland")
        XCTAssertEqual(try index.searcher.transcript(id: "ep-58")?.map(\.start), [10, 15, 20])
        XCTAssertNil(try index.searcher.transcript(id: "nope"))
    }

    func testSuggestCompletesByFrequency() throws {
        let index = try makeIndex()
        XCTAssertEqual(index.searcher.suggest(prefix: "granb", limit: 5), ["granbarkborren"])
        XCTAssertEqual(index.searcher.suggest(prefix: "mer om tork", limit: 5).first, "torkan", "completes the last word; torkan is in most episodes")
        XCTAssertEqual(index.searcher.suggest(prefix: "", limit: 5), [])
    }

    func testEngineReloadsANewGeneration() throws {
        let index = try makeIndex()
        let engine = SearchEngine(directory: index.directory)
        let before = try engine.searcher()
        XCTAssertTrue(try before.search(SearchRequest(query: "kvantdator")).results.isEmpty)
        XCTAssertTrue(try engine.searcher() === before, "no reload without a commit")
        try index.update(adding: [TestIndex.episode("ep-99", title: "Kvantdatorer", cues: ["En kvantdator på gården."])])
        let after = try engine.searcher()
        XCTAssertGreaterThan(after.generation, before.generation)
        XCTAssertEqual(try after.search(SearchRequest(query: "kvantdator")).results.map(\.episode.id), ["ep-99"])
        XCTAssertTrue(try before.search(SearchRequest(query: "granbarkborren")).results.count == 1, "old searcher still answers")
    }

    func testEngineKeepsServingWhenANewGenerationCannotBeOpened() throws {
        let index = try makeIndex()
        let engine = SearchEngine(directory: index.directory)
        let before = try engine.searcher()
        let manifest = index.directory + "/manifest.json"
        try Data("{\"format\":1,\"generation\":99,\"segments\":[{\"name\":\"seg-99-0\"}]}".utf8)
            .write(to: URL(fileURLWithPath: manifest))
        let during = try engine.searcher()
        XCTAssertTrue(during === before, "a damaged new generation does not replace the working one")
        XCTAssertNotNil(engine.lastReloadError)
        XCTAssertEqual(try during.search(SearchRequest(query: "granbarkborren")).results.map(\.episode.id), ["ep-58"])
        XCTAssertThrowsError(try SearchEngine(directory: index.directory).searcher(), "a fresh engine has nothing to fall back on")
    }
}
