import Foundation
import TalksIndex
import TalksModel
import TalksTestSupport
import XCTest
@testable import TalksSearch

/// `SearchResponse.facets` against a brute-force count: every episode of a generated archive
/// (several series, speakers and years, three segments, some episodes removed) is checked
/// against the query on its own, and the facets of the ones that match are counted here.
final class SearchFacetsTests: XCTestCase {
    static let seriesNames: [String?] = ["Landet lär", "Stad och land", "Framtidens jordbruk", nil]
    static let speakerNames = ["Anna Berg", "Omar Said", "Lisa Ek", "Per Holm", "Åsa Öberg"]
    /// Words no analysis step turns into one another (no shared stems, compounds or typos).
    static let vocabulary = ["kaffe", "cykel", "moln", "tåg"]

    /// What the brute force knows of an episode: its words and its facet values.
    struct Truth: Sendable {
        var id: String
        var series: String?
        var speakers: [String]
        var year: String?
        var words: Set<String>
    }

    /// 72 episodes in three generations (so three segments), 6 of them removed again.
    func makeArchive() throws -> (TestIndex, [Truth]) {
        var random = SplitMix64(seed: 14)
        var truths: [Truth] = []
        var batches: [[IndexableEpisode]] = [[], [], []]
        for number in 0..<72 {
            let id = "ep-\(number)"
            let series = Self.seriesNames[random.below(Self.seriesNames.count)]
            var speakers: [String] = []
            for _ in 0..<random.below(4) {
                let name = Self.speakerNames[random.below(Self.speakerNames.count)]
                if !speakers.contains(name) { speakers.append(name) }
            }
            let year = 2019 + random.below(6)
            let hasDate = random.below(10) > 0
            var words: Set<String> = []
            var cues: [String] = []
            for _ in 0..<(1 + random.below(3)) {
                let word = Self.vocabulary[random.below(Self.vocabulary.count)]
                words.insert(word)
                cues.append("Nu om \(word) och mer.")
            }
            var episode = TestIndex.episode(id, title: "Avsnitt \(number)", date: hasDate ? "\(year)-0\(1 + random.below(9))-15T12:00:00+02:00" : "",
                                            series: series, speakers: speakers, cues: cues)
            if !hasDate { episode.episode.date = nil }
            batches[number % 3].append(episode)
            truths.append(Truth(id: id, series: series, speakers: speakers, year: hasDate ? String(year) : nil, words: words))
        }
        let index = try TestIndex(batches[0])
        try index.update(adding: batches[1])
        let removed = ["ep-0", "ep-3", "ep-7", "ep-31", "ep-44", "ep-70"]
        try index.update(adding: batches[2], removing: removed)
        return (index, truths.filter { !removed.contains($0.id) })
    }

    /// A request and the same question asked of one episode at a time.
    struct Case: Sendable {
        var request: SearchRequest
        var matches: @Sendable (Truth) -> Bool
    }

    static let cases: [Case] = [
        Case(request: SearchRequest(query: "kaffe")) { $0.words.contains("kaffe") },
        Case(request: SearchRequest(query: "kaffe moln")) { $0.words.contains("kaffe") && $0.words.contains("moln") },
        Case(request: SearchRequest(query: "kaffe OR tåg")) { $0.words.contains("kaffe") || $0.words.contains("tåg") },
        // Negation is per cue and each cue here says one word: an episode keeps its cykel moments.
        Case(request: SearchRequest(query: "cykel -moln")) { $0.words.contains("cykel") },
        Case(request: SearchRequest(query: "series:\"Landet lär\" -moln")) { $0.series == "Landet lär" && !$0.words.contains("moln") },
        Case(request: SearchRequest(query: "series:\"Stad och land\" kaffe")) { $0.series == "Stad och land" && $0.words.contains("kaffe") },
        Case(request: SearchRequest(query: "moln year:2022")) { $0.year == "2022" && $0.words.contains("moln") },
        Case(request: SearchRequest(query: "speaker:\"Anna Berg\"")) { $0.speakers.contains("Anna Berg") },
        Case(request: SearchRequest(query: "year:2020")) { $0.year == "2020" },
        Case(request: SearchRequest(query: "tåg", series: "Landet lär", year: "2021")) {
            $0.series == "Landet lär" && $0.year == "2021" && $0.words.contains("tåg")
        },
        Case(request: SearchRequest(query: "moln OR cykel", speaker: "Omar Said")) {
            $0.speakers.contains("Omar Said") && ($0.words.contains("moln") || $0.words.contains("cykel"))
        },
        Case(request: SearchRequest(query: "kaffe", after: "2021-01-01", before: "2023-01-01")) {
            ($0.year == "2021" || $0.year == "2022") && $0.words.contains("kaffe")
        },
    ]

    /// Facets counted the slow way, ordered as `SearchFacets` documents.
    static func bruteForce(_ matching: [Truth]) -> SearchFacets {
        var series: [String: Int] = [:], speakers: [String: Int] = [:], years: [String: Int] = [:]
        for truth in matching {
            if let name = truth.series { series[name, default: 0] += 1 }
            for name in Set(truth.speakers) { speakers[name, default: 0] += 1 }
            if let year = truth.year { years[year, default: 0] += 1 }
        }
        func byCount(_ counts: [String: Int]) -> [FacetCount] {
            counts.map { FacetCount(value: $0.key, count: $0.value) }
                .sorted { $0.count != $1.count ? $0.count > $1.count : Array($0.value.unicodeScalars.map(\.value)).lexicographicallyPrecedes($1.value.unicodeScalars.map(\.value)) }
        }
        let yearList = years.map { FacetCount(value: $0.key, count: $0.value) }.sorted { $0.value > $1.value }
        return SearchFacets(series: byCount(series), speakers: byCount(speakers), years: yearList)
    }

    func testFacetsEqualABruteForceCountOverEveryMatchingEpisode() throws {
        let (index, truths) = try makeArchive()
        XCTAssertEqual(index.searcher.reader.segments.count, 3, "the archive spans several segments")
        for testCase in Self.cases {
            var request = testCase.request
            request.countsFacets = true
            request.limit = 2  // facets count all matches, not the page
            let response = try index.searcher.search(request)
            let matching = truths.filter(testCase.matches)
            XCTAssertFalse(matching.isEmpty, "\(request.query): the case should match something")
            XCTAssertEqual(response.totalEpisodes, matching.count, request.query)
            let expected = Self.bruteForce(matching)
            XCTAssertEqual(response.facets, expected, request.query)
            XCTAssertGreaterThan(expected.series.count + expected.speakers.count + expected.years.count, 1, request.query)

            // Another page of the same search has the same facets.
            request.offset = 3
            XCTAssertEqual(try index.searcher.search(request).facets, expected, "\(request.query) offset 3")
        }
    }

    func testALongFacetListsTheMostCommonValuesCountedOverAll() throws {
        // 70 episodes: speaker "Talare 0" … "Talare 59" once each, and "Ös Östlund" in ten of them.
        var episodes: [IndexableEpisode] = []
        for number in 0..<70 {
            var speakers = number < 60 ? ["Talare \(number)"] : ["Zed"]
            if number < 60 && number % 6 == 0 { speakers.append("Ös Östlund") }
            episodes.append(TestIndex.episode("long-\(number)", title: "Avsnitt \(number)", series: "Serie \(number % 2)",
                                              speakers: speakers, cues: ["Nu om kaffe."]))
        }
        let index = try TestIndex(episodes)
        let facets = try XCTUnwrap(try index.searcher.search(SearchRequest(query: "kaffe", limit: 1, countsFacets: true)).facets)
        XCTAssertEqual(facets.speakers.count, SearchLimits.maximumFacetValues)
        XCTAssertEqual(facets.speakers.first, FacetCount(value: "Zed", count: 10))
        XCTAssertEqual(facets.speakers.dropFirst().first, FacetCount(value: "Ös Östlund", count: 10), "ties after the count: code point order")
        XCTAssertTrue(facets.speakers.dropFirst(2).allSatisfy { $0.count == 1 })
        XCTAssertEqual(facets.speakers.dropFirst(2).first?.value, "Talare 0")
        XCTAssertEqual(facets.series, [FacetCount(value: "Serie 0", count: 35), FacetCount(value: "Serie 1", count: 35)])
    }

    func testFacetsAreOnlyCountedWhenAskedFor() throws {
        let (index, _) = try makeArchive()
        XCTAssertNil(try index.searcher.search(SearchRequest(query: "kaffe")).facets)
        let json = try index.searcher.search(SearchRequest(query: "kaffe", countsFacets: true)).jsonLine
        XCTAssertTrue(json.contains("\"facets\":{\"series\":[{\"value\":"), json)
    }

    func testAFacetValueUsedAsAFilterSelectsExactlyItsCount() throws {
        let (index, _) = try makeArchive()
        let all = try XCTUnwrap(try index.searcher.search(SearchRequest(query: "kaffe OR moln", countsFacets: true)).facets)
        for value in all.series {
            XCTAssertEqual(try index.searcher.search(SearchRequest(query: "kaffe OR moln", series: value.value)).totalEpisodes, value.count, value.value)
        }
        for value in all.speakers {
            XCTAssertEqual(try index.searcher.search(SearchRequest(query: "kaffe OR moln", speaker: value.value)).totalEpisodes, value.count, value.value)
        }
        for value in all.years {
            XCTAssertEqual(try index.searcher.search(SearchRequest(query: "kaffe OR moln", year: value.value)).totalEpisodes, value.count, value.value)
        }
    }
}
