import Foundation
import TalksSearch
import XCTest
@testable import TalksServer

/// `/search`'s facets and its `series=`, `speaker=`, `year=` and `page=` parameters, through
/// the real server on an index of the sample archive, checked against the library and the
/// OpenAPI document.
final class SearchFacetsRoutesTests: XCTestCase {
    nonisolated(unsafe) static var indexDirectory: String?
    var harness: ServerHarness!
    var directory = ""

    override func setUpWithError() throws {
        if Self.indexDirectory == nil {
            let directory = try SampleIndex.temporaryDirectory("facets")
            try SampleIndex.commit(try SampleIndex.episodes(), into: directory)
            Self.indexDirectory = directory
        }
        directory = try XCTUnwrap(Self.indexDirectory)
        harness = try ServerHarness(handler: TalksRoutes(backend: IndexSearchBackend(directory: directory)))
    }

    override func tearDown() {
        harness?.stop()
    }

    private func body(_ pathAndQuery: String, status: Int = 200) throws -> [String: Any] {
        let reply = try harness.fetch(pathAndQuery)
        XCTAssertEqual(reply.status, status, pathAndQuery)
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: reply.body) as? [String: Any], pathAndQuery)
    }

    private func ids(_ body: [String: Any]) -> [String] {
        ((body["results"] as? [[String: Any]]) ?? []).compactMap { ($0["episode"] as? [String: Any])?["id"] as? String }
    }

    private func facet(_ body: [String: Any], _ name: String) -> [String: Int] {
        let list = ((body["facets"] as? [String: Any])?[name] as? [[String: Any]]) ?? []
        return Dictionary(uniqueKeysWithValues: list.compactMap { entry in
            (entry["value"] as? String).flatMap { value in (entry["count"] as? Int).map { (value, $0) } }
        })
    }

    func testFacetsCountEveryMatchNotOnlyThePage() throws {
        let page = try body("/search?q=mat&limit=2&hits=0")
        XCTAssertEqual(ids(page).count, 2)
        let expected = try XCTUnwrap(try Searcher(directory: directory).search(SearchRequest(query: "mat", countsFacets: true)).facets)
        XCTAssertEqual(facet(page, "series"), Dictionary(uniqueKeysWithValues: expected.series.map { ($0.value, $0.count) }))
        XCTAssertEqual(facet(page, "speakers"), Dictionary(uniqueKeysWithValues: expected.speakers.map { ($0.value, $0.count) }))
        XCTAssertEqual(facet(page, "years"), Dictionary(uniqueKeysWithValues: expected.years.map { ($0.value, $0.count) }))
        XCTAssertEqual(facet(page, "years").values.reduce(0, +), page["total_episodes"] as? Int, "every sample episode has a date")
        XCTAssertNil(try body("/search?q=mat&facets=0")["facets"], "facets=0 leaves them out")
    }

    func testFilterParametersMeanTheQueryOperators() throws {
        let all = try body("/search?q=mat&limit=100&hits=0")
        for (year, count) in facet(all, "years") {
            let byParameter = try body("/search?q=mat&limit=100&hits=0&year=\(year)")
            XCTAssertEqual(byParameter["total_episodes"] as? Int, count, year)
            XCTAssertEqual(ids(byParameter), ids(try body("/search?q=mat%20year:\(year)&limit=100&hits=0")), year)
            XCTAssertEqual(facet(byParameter, "years"), [year: count], "the filter narrows the facets too")
        }
        // A speaker's count is the matching episodes they take part in; `speaker=` keeps the
        // words to their own cues, so it returns at most that many (SearchFacets), exactly
        // what the operator returns.
        for (name, count) in facet(all, "speakers").sorted(by: { $0.key < $1.key }) {
            let encoded = try XCTUnwrap(name.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
            let chosen = try XCTUnwrap(try body("/search?q=mat&speaker=\(encoded)")["total_episodes"] as? Int, name)
            XCTAssertLessThanOrEqual(chosen, count, name)
            XCTAssertEqual(chosen, try body("/search?q=mat%20speaker:%22\(encoded)%22")["total_episodes"] as? Int, name)
        }
        XCTAssertEqual(try body("/search?q=mat&series=Landet%20l%C3%A4r")["total_episodes"] as? Int, all["total_episodes"] as? Int)
        XCTAssertEqual(try body("/search?q=mat&series=Stad%20och%20land")["total_episodes"] as? Int, 0)
    }

    func testPagesAreOffsetsOfLimitEpisodes() throws {
        let all = ids(try body("/search?q=mat&limit=100&hits=0"))
        XCTAssertGreaterThan(all.count, 4)
        XCTAssertEqual(ids(try body("/search?q=mat&limit=2&page=1&hits=0")), Array(all[0..<2]))
        XCTAssertEqual(ids(try body("/search?q=mat&limit=2&page=2&hits=0")), Array(all[2..<4]))
        XCTAssertEqual(ids(try body("/search?q=mat&limit=2&page=2&hits=0")), ids(try body("/search?q=mat&limit=2&offset=2&hits=0")))
    }

    func testBadValuesAre400NamingTheParameter() throws {
        let cases = [
            ("/search?q=mat&year=22", "'year' must be a year written YYYY"),
            ("/search?q=mat&page=0", "'page' must be a whole number from 1"),
            ("/search?q=mat&page=2&offset=10", "give either 'page' or 'offset', not both"),
            ("/search?q=mat&facets=yes", "'facets' must be 1 or 0"),
            ("/search?q=mat%20year:2021&year=2022", "no date can match"),
        ]
        for (path, message) in cases {
            let error = try XCTUnwrap(try body(path, status: 400)["error"] as? [String: Any], path)
            XCTAssertTrue((error["message"] as? String)?.contains(message) ?? false, "\(path): \(error)")
        }
    }

    func testFacetedResponsesMatchTheOpenAPIDocument() throws {
        let validator = try OpenAPIValidator(data: try harness.fetch("/openapi.json").body)
        for path in ["/search?q=mat", "/search?q=mat&year=2022&page=2&limit=1", "/search?q=xyzzyqq", "/search?q=mat&facets=0",
                     "/search?q=year:2023", "/search?q=mat&year=22"] {
            let reply = try harness.fetch(path)
            XCTAssertEqual(validator.check(path: "/search", method: "GET", status: reply.status,
                                           contentType: reply.headers["content-type"], body: reply.body), [], path)
        }
        for path in ["/?q=mat&year=2022", "/?q=%22mat", "/?year=22", "/?series=Landet%20l%C3%A4r&lock=series&embed=1&theme=dark"] {
            let reply = try harness.fetch(path)
            XCTAssertEqual(validator.check(path: "/", method: "GET", status: reply.status,
                                           contentType: reply.headers["content-type"], body: reply.body), [], path)
        }
        let document = try XCTUnwrap(try JSONSerialization.jsonObject(with: try harness.fetch("/openapi.json").body) as? [String: Any])
        let schemas = try XCTUnwrap((document["components"] as? [String: Any])?["schemas"] as? [String: Any])
        XCTAssertNotNil(((schemas["SearchResponse"] as? [String: Any])?["properties"] as? [String: Any])?["facets"])
        let operation = try XCTUnwrap(((document["paths"] as? [String: Any])?["/search"] as? [String: Any])?["get"] as? [String: Any])
        let names = ((operation["parameters"] as? [[String: Any]]) ?? []).compactMap { $0["name"] as? String }
        for name in ["series", "speaker", "year", "page", "facets"] { XCTAssertTrue(names.contains(name), name) }
    }
}
