import XCTest
import TalksIndex
@testable import TalksSearch

/// The hits of an episode for a query that mixes a word said in nearly every episode with
/// rarer ones (`ResolvedClause.isCommonWord`, `HitCollector`), end to end: the cues saying
/// only the common word are left out when a cue says the rarer words, kept when none does;
/// so is a multi-word synonym typed without quotes (`Nationella vattenkommittén`), whose
/// other alternative (`NVK`) is found and shown, with the group's file and line.
final class CommonWordHitTests: XCTestCase {
    /// 24 episodes saying "nationella" (the common word), one of which names the committee,
    /// one its abbreviation, and one has "vattenkommittén" in its title only.
    static func archive() -> [IndexableEpisode] {
        var episodes = (0..<21).map { number in
            TestIndex.episode("fyllnad-\(number)", title: "Avsnitt \(number)",
                              cues: ["Den nationella planen för avsnitt \(number).", "Vi pratar om odling."])
        }
        episodes.append(TestIndex.episode("utskrivet", title: "Remissen", cues: [
            "Det nationella läget först.",
            "Nationella vattenkommittén har svarat på remissen.",
            "Sedan den nationella statistiken.",
            "Vattenkommittén vill ha fler mätstationer.",
        ]))
        episodes.append(TestIndex.episode("forkortat", title: "Svaret", cues: [
            "Den nationella nivån räcker inte.",
            "NVK har svarat på remissen.",
        ]))
        episodes.append(TestIndex.episode("bara-titeln", title: "Vattenkommittén i fokus", cues: [
            "Det nationella arbetet fortsätter.",
            "Vi pratar om odling.",
        ]))
        return episodes
    }

    private func hits(_ response: SearchResponse, _ id: String) -> [String] {
        response.results.first { $0.episode.id == id }?.hits.map(\.text) ?? []
    }

    func testCuesSayingOnlyACommonWordAreNoHitsBesideTheRarerWords() throws {
        let index = try TestIndex(Self.archive())
        let response = try index.search("nationella vattenkommittén", hits: 10)
        XCTAssertEqual(hits(response, "utskrivet"), [
            "Nationella vattenkommittén har svarat på remissen.", "Vattenkommittén vill ha fler mätstationer.",
        ])
        // Found by its title only: its cues saying the common word stay its hits.
        XCTAssertEqual(hits(response, "bara-titeln"), ["Det nationella arbetet fortsätter."])
        // The common word alone is what the query asks for: every cue saying it is a hit.
        XCTAssertEqual(hits(try index.search("nationella", limit: 30, hits: 10), "utskrivet").count, 3)
    }

    func testAMultiWordSynonymTypedWithoutQuotesShowsTheCuesOfItsAlternatives() throws {
        let index = try TestIndex(Self.archive())
        let file = index.directory + "/synonyms.txt"
        try "# test\nNVK, Nationella vattenkommittén\n".write(toFile: file, atomically: true, encoding: .utf8)
        let searcher = Searcher(reader: try IndexReader.open(directory: index.directory), synonymFiles: [file])
        let response = try searcher.search(SearchRequest(query: "Nationella vattenkommittén", hitsPerEpisode: 10))
        XCTAssertEqual(Set(response.results.map(\.episode.id)), ["utskrivet", "forkortat", "bara-titeln"])
        XCTAssertEqual(hits(response, "forkortat"), ["NVK har svarat på remissen."])
        XCTAssertEqual(hits(response, "utskrivet").count, 2)
        let synonym = try searcher.explain(SearchRequest(query: "Nationella vattenkommittén")).clauses.compactMap(\.synonym)
        XCTAssertEqual(synonym.map { "\($0.query) \($0.file):\($0.line)" }, ["nationella vattenkommittén \(file):2"])
        // Quoted, and the abbreviation alone, work as before.
        XCTAssertEqual(try searcher.search(SearchRequest(query: "\"Nationella vattenkommittén\"")).results.first?.episode.id,
                       "utskrivet")
        XCTAssertEqual(try searcher.search(SearchRequest(query: "NVK")).results.map(\.episode.id).first, "forkortat")
    }
}
