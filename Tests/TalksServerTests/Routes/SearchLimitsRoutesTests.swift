import Foundation
import TalksIndexing
import TalksSearch
import XCTest
@testable import TalksServer

/// The query limits apply to `GET /search` too: each just over its limit is a 400 with a
/// JSON error naming the limit; each just under is answered.
final class SearchLimitsRoutesTests: XCTestCase {
    nonisolated(unsafe) static var indexDirectory: String?
    var harness: ServerHarness!

    override func setUpWithError() throws {
        if Self.indexDirectory == nil {
            let directory = try SampleIndex.temporaryDirectory("search-limits")
            try SampleIndex.commit(try SampleIndex.episodes(), into: directory)
            Self.indexDirectory = directory
        }
        harness = try ServerHarness(handler: TalksRoutes(backend: IndexSearchBackend(directory: try XCTUnwrap(Self.indexDirectory))))
    }

    override func tearDown() {
        harness?.stop()
    }

    private func search(_ query: String) throws -> (status: Int, message: String?) {
        let encoded = try XCTUnwrap(query.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
        let reply = try harness.fetch("/search?q=" + encoded)
        let body = try JSONSerialization.jsonObject(with: reply.body) as? [String: Any]
        if reply.status == 400 {
            XCTAssertEqual(reply.headers["content-type"], "application/json; charset=utf-8")
        }
        return (reply.status, (body?["error"] as? [String: Any])?["message"] as? String)
    }

    func testQueryLengthLimit() throws {
        let length = TalksRoutes.maxQueryLength
        XCTAssertEqual(try search("torka " + String(repeating: "a", count: length - 6)).status, 200)
        let over = try search("torka " + String(repeating: "a", count: length - 5))
        XCTAssertEqual(over.status, 400)
        XCTAssertTrue(over.message?.contains("'q' is longer than 500 characters") ?? false, "\(over)")
    }

    func testTermCountLimit() throws {
        let words = (1...SearchLimits.maximumQueryTerms).map { "ord\($0)" }
        XCTAssertEqual(try search(words.joined(separator: " OR ")).status, 200)
        let over = try search((words + ["torka"]).joined(separator: " OR "))
        XCTAssertEqual(over.status, 400)
        XCTAssertEqual(over.message, "bad query: the query has 33 words; at most 32 are allowed")
    }

    func testNestingLimit() throws {
        let depth = SearchLimits.maximumParenthesisDepth
        XCTAssertEqual(try search(String(repeating: "(", count: depth) + "torka" + String(repeating: ")", count: depth)).status, 200)
        let over = try search(String(repeating: "(", count: depth + 1) + "torka" + String(repeating: ")", count: depth + 1))
        XCTAssertEqual(over.status, 400)
        XCTAssertTrue(over.message?.contains("parentheses nest deeper than 8 levels") ?? false, "\(over)")
    }

    func testExpansionLimit() throws {
        // An index where each of ten two-letter prefixes starts 70 words, so each prefix
        // search expands to the per-term limit.
        let prefixes = ["ka", "kb", "kc", "kd", "ke", "kf", "kg", "kh", "ki", "kj"]
        let directory = try SampleIndex.temporaryDirectory("expansions")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var vtt = "WEBVTT\n"
        for (index, prefix) in prefixes.enumerated() {
            vtt += "\n00:\(10 + index).000 --> 00:\(10 + index).500\n" + (1...70).map { "\(prefix)ord\($0)" }.joined(separator: " ") + "\n"
        }
        try FileManager.default.createDirectory(atPath: directory + "/archive/ord", withIntermediateDirectories: true)
        try Data("{\"title\": \"Ordlista\"}".utf8).write(to: URL(fileURLWithPath: directory + "/archive/ord/episode.json"))
        try Data(vtt.utf8).write(to: URL(fileURLWithPath: directory + "/archive/ord/transcript.vtt"))
        let summary = try ArchiveIndexer.ingest(paths: [directory + "/archive"], index: directory + "/index")
        XCTAssertEqual(summary.added, 1)
        harness.stop()
        harness = try ServerHarness(handler: TalksRoutes(backend: IndexSearchBackend(directory: directory + "/index")))

        let fitting = SearchLimits.maximumExpansionsPerQuery / SearchLimits.maximumExpansionsPerTerm
        XCTAssertEqual(try search(prefixes.prefix(fitting).map { $0 + "*" }.joined(separator: " OR ")).status, 200)
        let over = try search(prefixes.prefix(fitting + 1).map { $0 + "*" }.joined(separator: " OR "))
        XCTAssertEqual(over.status, 400)
        XCTAssertEqual(over.message, "bad query: the query expands to 576 index terms; at most 512 are allowed: "
                       + "use fewer or longer prefixes (word*) or fewer words")
    }
}
