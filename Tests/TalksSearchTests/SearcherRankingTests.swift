import XCTest
import TalksIndex
@testable import TalksSearch

/// Scoring order over in-test episodes: exact > inflected > compound part > folded > fuzzy,
/// with everything else (frequency, lengths, fields) equal.
final class SearcherRankingTests: XCTestCase {
    func testTiersRankExactInflectedCompoundFolded() throws {
        let index = try TestIndex([
            TestIndex.episode("compound", title: "Avsnitt ett", cues: ["vi pratar om livsmedelsstrategi idag", "livsmedel och mat"]),
            TestIndex.episode("folded", title: "Avsnitt två", cues: ["vi pratar om strätegi idag", "bröd och mat"]),
            TestIndex.episode("inflected", title: "Avsnitt tre", cues: ["vi pratar om strategier idag", "fisk och mat"]),
            TestIndex.episode("exact", title: "Avsnitt fyra", cues: ["vi pratar om strategi idag", "kött och mat"]),
            TestIndex.episode("other", title: "Avsnitt fem", cues: ["vi pratar om vatten idag", "ost och mat"]),
        ])
        let response = try index.search("strategi")
        XCTAssertEqual(response.results.map(\.episode.id), ["exact", "inflected", "compound", "folded"])
        XCTAssertEqual(response.totalEpisodes, 4)
        let scores = response.results.map(\.score)
        XCTAssertEqual(scores, scores.sorted(by: >))
        XCTAssertTrue(zip(scores, scores.dropFirst()).allSatisfy { $0 > $1 }, "strictly ordered: \(scores)")
    }

    func testFuzzyRanksBelowExactAndOnlyForUnknownWords() throws {
        let index = try TestIndex([
            TestIndex.episode("a", title: "Vatten", cues: ["bevattning av åkrarna", "mer om torka"]),
            TestIndex.episode("b", title: "Skog", cues: ["granbarkborren i skogen", "bemanning i skogen"]),
        ])
        let exact = try index.search("bevattning")
        let typo = try index.search("bevatning")
        XCTAssertEqual(exact.results.map(\.episode.id), ["a"])
        XCTAssertEqual(typo.results.map(\.episode.id), ["a", "b"], "9 letters: bevattning (1 edit) above bemanning (2 edits)")
        XCTAssertLessThan(typo.results[0].score, exact.results[0].score * 0.5)
        XCTAssertEqual(try index.ids("bevatnig"), [], "8 letters allow one edit; bevattning is two away")
        XCTAssertEqual(try index.search("bevatnig").suggestions.first, "bevattning")
        XCTAssertEqual(try index.ids("skoj"), [], "4 letters: no fuzzy matching (skog is one edit away)")
    }

    func testTitleOutranksTranscript() throws {
        let index = try TestIndex([
            TestIndex.episode("transcript", title: "Om mat", cues: ["här nämns gårdsmejerier en gång", "och sedan annat"]),
            TestIndex.episode("title", title: "Gårdsmejerier i Sverige", cues: ["vi börjar", "och sedan annat"]),
        ])
        XCTAssertEqual(try index.ids("gårdsmejerier"), ["title", "transcript"])
    }

    func testMoreOccurrencesRankHigherWithSaturation() throws {
        let index = try TestIndex([
            TestIndex.episode("once", title: "Ett", cues: ["biogas här", "annat", "annat", "annat"]),
            TestIndex.episode("thrice", title: "Två", cues: ["biogas här", "biogas där", "biogas nu", "annat"]),
        ])
        let response = try index.search("biogas")
        XCTAssertEqual(response.results.map(\.episode.id), ["thrice", "once"])
        XCTAssertLessThan(response.results[0].score, response.results[1].score * 3, "BM25 saturates")
    }
}

/// Scores do not depend on how episodes are spread over segments: statistics are global.
final class SearcherSegmentTests: XCTestCase {
    func testScoresAreTheSameInOneOrSeveralSegments() throws {
        let episodes = [
            TestIndex.episode("a", title: "Vatten och torka", cues: ["torkan kom tidigt", "vi pratar om vatten"]),
            TestIndex.episode("b", title: "Skog", cues: ["granbarkborren efter torkan", "torka i skogen", "mer skog"]),
            TestIndex.episode("c", title: "Mat", cues: ["livsmedelsstrategi och vatten", "torka"]),
        ]
        let single = try TestIndex(episodes)
        let split = try TestIndex(Array(episodes.prefix(2)))
        try split.update(adding: [episodes[2]])
        XCTAssertEqual(split.searcher.reader.segments.count, 2, "two commits of small segments stay two segments")
        for query in ["torka", "vatten", "\"torkan kom\"", "torka OR skog"] {
            let one = try single.search(query)
            let two = try split.search(query)
            XCTAssertEqual(one.results.map(\.episode.id), two.results.map(\.episode.id), query)
            XCTAssertEqual(one.totalEpisodes, two.totalEpisodes, query)
            for (left, right) in zip(one.results, two.results) {
                XCTAssertEqual(left.score, right.score, accuracy: 1e-9, query)
                XCTAssertEqual(left.hits.map(\.start), right.hits.map(\.start), query)
            }
        }
    }
}
