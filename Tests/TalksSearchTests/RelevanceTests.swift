import Foundation
import XCTest
import TalksIndex
import TalksIndexing
@testable import TalksSearch

/// The relevance specification: every row of `Fixtures/relevance.tsv` run against the real
/// sample archive (`archive/` at the repository root), indexed once into a temporary
/// directory.
///
/// A row passes when its expected episode is in the top 3 (first, when the feature column
/// says `rank1`) and, unless the cue column is `-`, a cue starting at that time is among
/// the episode's hits; `NONE` rows must find nothing at all.
final class RelevanceTests: XCTestCase {
    struct Row {
        var line: Int
        var query: String
        var episode: String
        var cueStart: Double?
        var feature: String
        var note: String

        var mustBeFirst: Bool { feature.split(separator: " ").contains("rank1") }
    }

    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/relevance.tsv")

    nonisolated(unsafe) static var sharedIndex: (directory: String, searcher: Searcher)?

    override class func setUp() {
        super.setUp()
        sharedIndex = try? buildArchiveIndex()
    }

    override class func tearDown() {
        if let directory = sharedIndex?.directory { try? FileManager.default.removeItem(atPath: directory) }
        sharedIndex = nil
        super.tearDown()
    }

    /// Indexes every episode of `archive/` as `talks ingest` does (`ArchiveIndexer`).
    static func buildArchiveIndex() throws -> (directory: String, searcher: Searcher) {
        let archive = repositoryRoot.appendingPathComponent("archive").path
        let directory = NSTemporaryDirectory() + "talks-relevance-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        _ = try ArchiveIndexer.ingest(paths: [archive], index: directory)
        return (directory, try Searcher(directory: directory))
    }

    static func rows() throws -> [Row] {
        let text = try String(contentsOf: fixture, encoding: .utf8)
        var rows: [Row] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where index > 0 {
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard columns.count >= 4, !columns[0].isEmpty, !columns[0].hasPrefix("#") else { continue }
            rows.append(Row(
                line: index + 1, query: columns[0], episode: columns[1],
                cueStart: columns[2] == "-" ? nil : Double(columns[2]),
                feature: columns[3], note: columns.count > 4 ? columns[4] : ""))
        }
        return rows
    }

    /// Why a row fails, or nil when it passes.
    static func check(_ row: Row, with searcher: Searcher) -> String? {
        let response: SearchResponse
        do {
            response = try searcher.search(SearchRequest(query: row.query, limit: 10))
        } catch {
            return "threw \(error)"
        }
        let ids = response.results.map(\.episode.id)
        if row.episode == "NONE" {
            return response.totalEpisodes == 0 ? nil : "expected nothing, found \(ids)"
        }
        guard let rank = ids.firstIndex(of: row.episode), rank < 3 else {
            return "expected \(row.episode) in the top 3, got \(ids.prefix(5))"
        }
        if row.mustBeFirst && rank != 0 {
            return "expected \(row.episode) first, got \(ids.prefix(3))"
        }
        if let start = row.cueStart {
            let hits = response.results[rank].hits
            if !hits.contains(where: { abs($0.start - start) < 0.05 }) {
                return "expected a hit at \(start) in \(row.episode), hits at \(hits.map(\.start))"
            }
        }
        return nil
    }

    func testEveryRowOfTheRelevanceTable() throws {
        guard let index = Self.sharedIndex else {
            return XCTFail("could not index archive/ at \(Self.repositoryRoot.path)")
        }
        let rows = try Self.rows()
        XCTAssertGreaterThanOrEqual(rows.count, 40, "the table is the specification: at least 40 queries")
        var passed = 0
        for row in rows {
            if let failure = Self.check(row, with: index.searcher) {
                XCTFail("relevance.tsv:\(row.line) '\(row.query)' [\(row.feature)]: \(failure) (\(row.note))")
            } else {
                passed += 1
            }
        }
        print("relevance: \(passed)/\(rows.count) rows pass")
    }

    func testTheTableCoversEveryFeature() throws {
        let features = Set(try Self.rows().flatMap { $0.feature.split(separator: " ").map(String.init) })
        for feature in ["exact", "inflection", "compound", "ascii", "typo", "phrase", "prefix", "filter", "number", "nothing", "or", "exclusion"] {
            XCTAssertTrue(features.contains(feature), "no row covers \(feature)")
        }
    }
}
