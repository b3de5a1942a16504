import Foundation
import XCTest

/// End to end on the shapes real archives have (`TalksIngestTests/Fixtures/real-archives`):
/// a YouTube automatic-caption track saved by yt-dlp is checked, indexed and searched with
/// each spoken word once and links in YouTube's own form.
final class RealArchiveCommandTests: XCTestCase {
    private static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("TalksIngestTests/Fixtures/real-archives")

    override func setUpWithError() throws {
        try TalksExecutable.requireBuilt()
    }

    func testCheckSaysRollingCaptionsWereCollapsed() throws {
        let run = try TalksExecutable.run(["check", Self.fixtures.path])
        XCTAssertEqual(run.status, 0, run.output)
        XCTAssertTrue(run.output.contains("/youtube-vatten/transcript.vtt: note: rolling captions: 24 cues → 12 lines"), run.output)
        XCTAssertTrue(run.output.contains("  voices     Åsa Öberg-Lindqvist (1 cue), Karl-Johan Åkesson (1 cue), Anna-Karin af Klercker (1 cue)\n"),
                      run.output)
        XCTAssertTrue(run.output.hasSuffix("2 checked: 2 valid, 0 rejected, 0 warnings.\n"), run.output)
    }

    func testAWordSaidOnceIsOneHitLinkingIntoYouTubeWithItsOwnTime() throws {
        let workspace = try TalksExecutable.temporaryDirectory("real-archive")
        defer { try? FileManager.default.removeItem(at: workspace) }
        let archive = workspace.appendingPathComponent("archive")
        try FileManager.default.createDirectory(at: archive, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent("youtube-vatten"),
                                         to: archive.appendingPathComponent("youtube-vatten"))
        let ingest = try TalksExecutable.run(["ingest", "archive", "--index", "index"], in: workspace)
        XCTAssertEqual(ingest.status, 0, ingest.error)
        XCTAssertTrue(ingest.output.contains("(12 cues,") || ingest.error.contains("(12 cues,"), ingest.output + ingest.error)

        // "bevattningsdammar" is said once, at 11.682 s, in the line whose cue starts at 9.0 s:
        // the hit is at the word and its link 1–2 s before it (t=10s, never before the cue);
        // the recording URL already carries t=5s, which the link replaces.
        let once = try TalksExecutable.run(["search", "bevattningsdammar", "--index", "index"], in: workspace)
        XCTAssertEqual(once.status, 0, once.error)
        XCTAssertEqual(once.output, """
            Vatten på gården: dammar och tillstånd · 2024-06-12
              [00:11] många lantbrukare funderar på att bygga bevattningsdammar  https://www.youtube.com/watch?v=Vx7kQ2mLp0s&t=10s

            1–1 of 1 episode.

            """)
        // "ja" is said twice, as two lines in a row: two hits.
        let twice = try TalksExecutable.run(["search", "ja", "--index", "index"], in: workspace)
        XCTAssertEqual(twice.output.components(separatedBy: "] ja  https://www.youtube.com/watch?v=Vx7kQ2mLp0s&t=").count - 1, 2, twice.output)
    }
}
