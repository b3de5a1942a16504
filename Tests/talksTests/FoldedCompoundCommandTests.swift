import Foundation
import XCTest

/// End-to-end: a word typed without å/ä/ö finds the compounds of the word spelled with them,
/// as the word typed with them would (`tradgard` → `trädgårdsodling`, `trädgårdsnäringen`),
/// through the built executable on `Fixtures/typo-archive` (text written for the tests).
final class FoldedCompoundCommandTests: XCTestCase {
    private var scratch = URL(fileURLWithPath: "/")
    private var index: String { scratch.appendingPathComponent("index").path }
    private static let archive = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/typo-archive").path

    override func setUpWithError() throws {
        try TalksExecutable.requireBuilt()
        scratch = try TalksExecutable.temporaryDirectory("folded-compound")
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: scratch)
    }

    func testAWordTypedWithoutDiacriticsFindsTheCompoundsOfItsSpelling() throws {
        let ingest = try TalksExecutable.run(["ingest", Self.archive, "--index", index])
        XCTAssertEqual(ingest.status, 0, ingest.error)
        let explain = try TalksExecutable.run(["search", "tradgard", "--explain", "--index", index])
        XCTAssertEqual(explain.status, 0, explain.error)
        XCTAssertTrue(explain.output.contains("trädgården  without å/ä/ö"), explain.output)
        XCTAssertTrue(explain.output.contains("trädgårdsodling  without å/ä/ö"), explain.output)
        XCTAssertTrue(explain.output.contains("trädgårdsnäringen  without å/ä/ö"), explain.output)
        let json = try TalksExecutable.run(["search", "tradgard", "--json", "--hits", "10", "--index", index])
        let object = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any]
        let results = object?["results"] as? [[String: Any]] ?? []
        XCTAssertEqual(results.count, 1)
        XCTAssertEqual((results.first?["hits"] as? [[String: Any]])?.count, 3, "all three cues")
    }
}
