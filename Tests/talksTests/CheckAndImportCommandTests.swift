import Foundation
import XCTest

/// End-to-end tests of `talks check` and `talks import-feed`: the built executable is run
/// on the ingest fixtures, and its exit status, stdout and stderr are checked as a user sees them.
final class CheckAndImportCommandTests: XCTestCase {
    private static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("TalksIngestTests/Fixtures").path

    override func setUpWithError() throws {
        try TalksExecutable.requireBuilt()
    }

    private func talks(_ arguments: String...) throws -> TalksExecutable.Run {
        try TalksExecutable.run(arguments)
    }

    func testCheckValidArchiveExitsZero() throws {
        let run = try talks("check", Self.fixtures + "/archive")
        XCTAssertEqual(run.status, 0, run.error)
        XCTAssertTrue(run.output.contains("OK       55-vreta-kluster"), run.output)
        XCTAssertTrue(run.output.hasSuffix("2 checked: 2 valid, 0 rejected, 1 folder skipped, 2 warnings.\n"), run.output)
        XCTAssertEqual(run.error, "")
    }

    func testCheckAcceptsTheShippedSampleArchive() throws {
        let archive = TalksExecutable.repositoryRoot.appendingPathComponent("archive").path
        try XCTSkipUnless(FileManager.default.fileExists(atPath: archive), "no archive/ in this checkout yet")
        let run = try talks("check", archive)
        XCTAssertEqual(run.status, 0, run.output)
        XCTAssertFalse(run.output.contains("REJECTED"), run.output)
        XCTAssertTrue(run.output.contains("Om Vreta Kluster och de gröna klustren i Sverige"), run.output)
    }

    func testCheckJSONIsOneDocumentWithTheEpisodesKey() throws {
        let run = try talks("check", Self.fixtures + "/archive/55-vreta-kluster", "--json")
        XCTAssertEqual(run.status, 0, run.error)
        XCTAssertTrue(run.output.hasPrefix("{\"episodes\":[{\"id\":\"55-vreta-kluster\",\"title\":\"Om Vreta Kluster och de gröna klustren i Sverige\",\"speakers\":[\"Helene Oscarsson\",\"Anna Lindqvist\"],\"chapters\":[],\"cues\":[{\"id\":\"1\",\"start\":1,\"end\":6.5,\"speaker\":\"Anna Lindqvist\",\"text\":\"Välkomna till Landet lär, dagens lunchwebbinarium.\"}"), run.output)
        XCTAssertTrue(run.output.hasSuffix("]}\n"))
        let parsed = try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any]
        XCTAssertEqual(parsed?.keys.sorted(), ["episodes"])
    }

    func testCheckBrokenInputsExit65WithFileAndLine() throws {
        let run = try talks("check", Self.fixtures + "/broken")
        XCTAssertEqual(run.status, 65)
        XCTAssertTrue(run.output.contains("broken/invalid-json/episode.json:4: error: invalid JSON: line 4, column 3: expected ',' or '}' after object member"), run.output)
        XCTAssertTrue(run.output.contains("broken/no-signature/transcript.vtt:1: error:"), run.output)
        XCTAssertTrue(run.output.contains("broken/missing-transcript: error: missing transcript"), run.output)
        XCTAssertTrue(run.output.contains("broken/empty/transcript.vtt: error: the file is empty"), run.output)
    }

    func testCheckUsageErrors() throws {
        XCTAssertEqual(try talks("check").status, 64)
        let missing = try talks("check", "/nonexistent/archive")
        XCTAssertEqual(missing.status, 64)
        XCTAssertEqual(missing.error, "talks check: /nonexistent/archive: no such file or folder.\n")
    }

    func testHelpHasExamples() throws {
        let check = try talks("check", "--help")
        XCTAssertEqual(check.status, 0)
        XCTAssertTrue(check.output.hasPrefix("OVERVIEW: Validate an archive, an episode folder or a transcript without indexing.\n"), check.output)
        XCTAssertTrue(check.output.contains("USAGE: talks check <path> [--json]\n"), check.output)
        XCTAssertTrue(check.output.contains("EXAMPLES:\n  talks check archive/\n"), check.output)
        let importFeed = try talks("import-feed", "--help")
        XCTAssertTrue(importFeed.output.contains("USAGE: talks import-feed <feed> --into <ARCHIVE> [--force]\n"), importFeed.output)
    }

    func testImportFeedThenCheck() throws {
        let archive = FileManager.default.temporaryDirectory.appendingPathComponent("talks-import-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: archive) }
        let run = try talks("import-feed", Self.fixtures + "/feed/landet-lar.xml", "--into", archive)
        XCTAssertEqual(run.status, 65, "item 4 has no title: \(run.error)")
        XCTAssertTrue(run.output.hasSuffix("3 written, 0 kept.\n"), run.output)
        XCTAssertTrue(run.error.contains("landet-lar.xml:42: error: item 4 has no <title>; it was not imported"), run.error)
        let again = try talks("import-feed", Self.fixtures + "/feed/landet-lar.xml", "--into", archive)
        XCTAssertTrue(again.output.hasSuffix("0 written, 3 kept.\n"), again.output)
        let check = try talks("check", archive + "/56-vatten-torka-i-lantbruket")
        XCTAssertEqual(check.status, 0, check.output)
        let withoutInto = try talks("import-feed", Self.fixtures + "/feed/landet-lar.xml")
        XCTAssertEqual(withoutInto.status, 64)
        XCTAssertEqual(withoutInto.error, "talks import-feed: missing --into ARCHIVE (the archive folder to create episode folders in)\n"
            + "Run 'talks import-feed --help' for usage.\n")
    }
}
