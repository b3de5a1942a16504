import XCTest
@testable import TalksSearch

/// Every hard limit of `SearchLimits`, just under (works) and just over (a `QueryError`
/// whose message names the limit).
final class SearchLimitsTests: XCTestCase {
    private func failure(_ searcher: Searcher, _ query: String) -> QueryError? {
        do {
            _ = try searcher.search(SearchRequest(query: query))
            return nil
        } catch {
            return error as? QueryError
        }
    }

    /// An index where each of the prefixes `ka`…`kk` starts 70 distinct words, so each
    /// prefix search expands to the per-term limit.
    private static let prefixes = ["ka", "kb", "kc", "kd", "ke", "kf", "kg", "kh", "ki", "kj"]

    private func makeIndex() throws -> TestIndex {
        let cues = Self.prefixes.map { prefix in (1...70).map { "\(prefix)ord\($0)" }.joined(separator: " ") }
        return try TestIndex([TestIndex.episode("ord", title: "Ordlista", cues: cues + ["vanlig text om torka"])])
    }

    func testQueryLengthLimit() throws {
        let index = try makeIndex()
        let under = "torka " + String(repeating: "a", count: SearchLimits.maximumQueryBytes - 6)
        XCTAssertNil(failure(index.searcher, under))
        let over = failure(index.searcher, under + "a")
        XCTAssertEqual(over?.kind, .tooLong)
        XCTAssertEqual(over?.description, "bad query: the query is 1001 bytes long; the limit is 1000")
    }

    func testTermCountLimit() throws {
        let index = try makeIndex()
        let words = (1...SearchLimits.maximumQueryTerms).map { "ord\($0)" }
        XCTAssertNil(failure(index.searcher, words.joined(separator: " OR ")))
        let over = failure(index.searcher, (words + ["torka"]).joined(separator: " OR "))
        XCTAssertEqual(over?.kind, .tooManyTerms)
        XCTAssertEqual(over?.description, "bad query: the query has 33 words; at most 32 are allowed")
    }

    func testNestingLimit() throws {
        let index = try makeIndex()
        let depth = SearchLimits.maximumParenthesisDepth
        XCTAssertNil(failure(index.searcher, String(repeating: "(", count: depth) + "torka" + String(repeating: ")", count: depth)))
        let over = failure(index.searcher, String(repeating: "(", count: depth + 1) + "torka" + String(repeating: ")", count: depth + 1))
        XCTAssertTrue(over?.description.contains("parentheses nest deeper than 8 levels") ?? false, "\(String(describing: over))")
    }

    func testExpansionsPerTermAreCapped() throws {
        let index = try makeIndex()
        let planner = QueryPlanner(expander: index.searcher.expander, documentCount: 1)
        let plan = try planner.plan(index.searcher.parser.parse("ka*"))
        XCTAssertEqual(plan.clauses.map(\.variants.count), [SearchLimits.maximumExpansionsPerTerm], "70 words start with ka")
        let few = try planner.plan(index.searcher.parser.parse("kaord1*"))
        XCTAssertEqual(few.clauses.map(\.variants.count), [11], "kaord1, kaord10…kaord19")
    }

    func testExpansionsPerQueryLimit() throws {
        let index = try makeIndex()
        let perTerm = SearchLimits.maximumExpansionsPerTerm
        let fitting = SearchLimits.maximumExpansionsPerQuery / perTerm
        XCTAssertEqual(fitting, 8)
        let under = Self.prefixes.prefix(fitting).map { $0 + "*" }.joined(separator: " OR ")
        let answer = try index.searcher.search(SearchRequest(query: under))
        XCTAssertEqual(answer.totalEpisodes, 1, "8 × 64 = 512 index terms is allowed")
        let over = failure(index.searcher, under + " OR " + Self.prefixes[fitting] + "*")
        XCTAssertEqual(over?.kind, .tooManyExpansions)
        XCTAssertEqual(over?.description, "bad query: the query expands to 576 index terms; at most 512 are allowed: "
                       + "use fewer or longer prefixes (word*) or fewer words")
        // Phrase words count too: 8 wide prefixes and a two-word phrase.
        XCTAssertEqual(failure(index.searcher, under + " OR \"vanlig text\"")?.kind, .tooManyExpansions)
    }

    func testPagingValuesAreClampedToTheirLimits() throws {
        let index = try makeIndex()
        let answer = try index.searcher.search(SearchRequest(query: "torka", limit: SearchLimits.maximumResultsPerPage + 1,
                                                             offset: -5, hitsPerEpisode: SearchLimits.maximumHitsPerEpisode + 1))
        XCTAssertEqual(answer.results.count, 1)
        let far = try index.searcher.search(SearchRequest(query: "torka", offset: Int.max))
        XCTAssertEqual(far.results.count, 0, "an offset beyond the limit is clamped, not trusted")
        XCTAssertEqual(far.totalEpisodes, 1)
    }
}
