import Foundation
import XCTest

/// End to end through the built `talks`: transcripts with word timings (WebVTT timestamp
/// tags) give hits at the second the searched word is said, linking at most 2 s before it
/// in the player's own form or through `link_template`; a cue without word timings gives
/// its start; an index of the older format 1 asks for a re-ingest, and the default index/ is
/// rebuilt by `talks search`. Fixtures: `Fixtures/spoken-word` (see its README).
final class SpokenWordCommandTests: XCTestCase {
    private static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    private var workspace = URL(fileURLWithPath: "/")

    override func setUpWithError() throws {
        try TalksExecutable.requireBuilt()
        workspace = try TalksExecutable.temporaryDirectory("spoken-word")
        try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent("spoken-word"),
                                         to: workspace.appendingPathComponent("archive"))
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: workspace)
    }

    private func ingest() throws {
        let ingest = try TalksExecutable.run(["ingest", "archive", "--index", "index"], in: workspace)
        XCTAssertEqual(ingest.status, 0, ingest.error)
    }

    func testAHitLinksToItsWordNotToItsCue() throws {
        try ingest()
        // "bevattningsdammar" is said at 1:06.4, 6.4 s into a cue that starts at 1:00.
        let human = try TalksExecutable.run(["search", "bevattningsdammar", "--index", "index"], in: workspace)
        XCTAssertEqual(human.status, 0, human.error)
        XCTAssertEqual(human.output, """
            Vatten på landet · Dammar på gården · 2024-06-12
              [01:06] vi har under flera år funderat på hur bevattningsdammar kan byggas  https://www.youtube.com/watch?v=Qw3rTy7uIo0&t=65s

            1–1 of 1 episode.

            """)
        let json = try TalksExecutable.run(["search", "bevattningsdammar", "--json", "--index", "index"], in: workspace)
        XCTAssertTrue(json.output.contains(#""hits":[{"start":66.4,"cue_start":60,"end":69.5,"#), json.output)
        XCTAssertTrue(json.output.contains(#""url":"https://www.youtube.com/watch?v=Qw3rTy7uIo0&t=65s","chapter":null}"#), json.output)

        // A cue without word timings: its start, as before.
        let plain = try TalksExecutable.run(["search", "grävmaskin", "--json", "--index", "index"], in: workspace)
        XCTAssertTrue(plain.output.contains(#""hits":[{"start":70,"cue_start":70,"end":74,"#), plain.output)
        XCTAssertTrue(plain.output.contains(#""url":"https://www.youtube.com/watch?v=Qw3rTy7uIo0&t=70s""#), plain.output)
    }

    func testALinkTemplateOpensTheOtherPlayerJustBeforeTheWord() throws {
        try ingest()
        // "värmepumpar" is said at 0:27.25 in a cue from 0:20; the template gets 26.
        let run = try TalksExecutable.run(["search", "värmepumpar", "--index", "index"], in: workspace)
        XCTAssertEqual(run.status, 0, run.error)
        XCTAssertTrue(run.output.contains("  [00:27] Anna Berg: vi börjar med solceller och sedan värmepumpar i lantbruket  https://play.example.se/v/8842?start=26\n"),
                      run.output)
        let json = try TalksExecutable.run(["search", "värmepumpar", "--json", "--index", "index"], in: workspace)
        XCTAssertTrue(json.output.contains(#""start":27.25,"cue_start":20,"#), json.output)
    }

    /// `Fixtures/index-with-script-links` is a frozen index of format 1 (written before word
    /// times and chapters were stored): every command that reads it names the folder and the
    /// re-ingest; `talks search` rebuilds the default index/ from archive/ by itself.
    func testAnIndexOfFormatOneAsksForAReIngestAndTheDefaultOneIsRebuilt() throws {
        let old = workspace.appendingPathComponent("old-index")
        try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent("index-with-script-links"), to: old)
        let message = "old-index/ was written by an older talks (index format 1; this talks reads format 2). Re-ingest: "
            + "delete old-index/ and run 'talks ingest ARCHIVE --index old-index' (talks search and talks serve rebuild "
            + "the default index/ from archive/ by themselves).\n"
        for command in [["search", "livsmedelsstrategi"], ["list"], ["stats"], ["verify"]] {
            let run = try TalksExecutable.run(command + ["--index", "old-index"], in: workspace)
            XCTAssertEqual(run.status, 1, "\(command): \(run.output)")
            XCTAssertTrue(run.error.hasSuffix(message), "\(command): \(run.error)")
        }
        let ingest = try TalksExecutable.run(["ingest", "archive", "--index", "old-index"], in: workspace)
        XCTAssertEqual(ingest.status, 1)
        XCTAssertTrue(ingest.error.hasSuffix(message), ingest.error)

        // The default index/ of format 1 beside archive/: rebuilt, then searched.
        try FileManager.default.moveItem(at: old, to: workspace.appendingPathComponent("index"))
        let search = try TalksExecutable.run(["search", "bevattningsdammar"], in: workspace)
        XCTAssertEqual(search.status, 0, search.error)
        XCTAssertEqual(search.error, "talks: index/ was written by an older talks (index format 1); rebuilding it from archive/ first…\n")
        XCTAssertTrue(search.output.contains("https://www.youtube.com/watch?v=Qw3rTy7uIo0&t=65s"), search.output)
        let files = try FileManager.default.contentsOfDirectory(atPath: workspace.appendingPathComponent("index").path)
        XCTAssertFalse(files.contains { $0.hasPrefix("seg-") && !$0.hasPrefix("seg-1-0.") }, "\(files)")
        let verify = try TalksExecutable.run(["verify"], in: workspace)
        XCTAssertEqual(verify.status, 0, verify.output + verify.error)
        let again = try TalksExecutable.run(["search", "bevattningsdammar"], in: workspace)
        XCTAssertEqual(again.error, "", "built once")
    }
}
