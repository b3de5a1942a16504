import XCTest
import TalksModel
import TalksTranscript
@testable import TalksIngest

/// The rule for a feed's transcripts, piece by piece: which `<podcast:transcript>` counts
/// as a transcript (`FeedPlan`), and when a path lies inside the feed's folder. The whole
/// rule, through `talks import-feed`, is in `talksTests/ImportFeedSafetyCommandTests`.
final class FeedTranscriptSourceTests: XCTestCase {
    private func format(_ url: String, type: String? = nil) -> TranscriptFormat? {
        FeedPlan.format(of: FeedItem.TranscriptLink(url: url, type: type))
    }

    func testATranscriptNeedsATranscriptTypeOrExtension() {
        XCTAssertEqual(format("55.vtt"), .webVTT)
        XCTAssertEqual(format("t/56.SRT?v=2"), .srt)
        XCTAssertEqual(format("whatever", type: "text/vtt"), .webVTT)
        XCTAssertEqual(format("whatever", type: "application/x-subrip"), .srt)
        XCTAssertNil(format("55.vtt", type: "application/json"))
        XCTAssertNil(format("srt"), "a name without a dot has no extension")
        XCTAssertNil(format("/home/anna/vtt"))
        XCTAssertNil(format("a.vtt/id_rsa"))
        XCTAssertNil(format("id_rsa"))
    }

    func testWebVTTComesFirstAndOtherTypesAreNamedInAWarning() throws {
        let feed = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:podcast="https://podcastindex.org/namespace/1.0"><channel><title>S</title>
            <item><title>Ett</title>
            <podcast:transcript url="a.srt"/><podcast:transcript url="a.json" type="application/json"/>
            <podcast:transcript url="a.vtt"/><podcast:transcript url="b.srt"/></item>
            </channel></rss>
            """
        let plan = try FeedPlan(feed: Array(feed.utf8), file: "feed.xml")
        XCTAssertEqual(plan.entries.first?.transcripts.map(\.url), ["a.vtt", "a.srt", "b.srt"])
        XCTAssertEqual(plan.diagnostics, [Diagnostic(.warning, file: "feed.xml", line: 3,
            "'Ett': transcript a.json of type application/json is neither WebVTT nor SubRip; ignored")])
    }

    func testInsideMeansBelowTheFolderNotBesideIt() {
        XCTAssertTrue(FeedTranscriptSource.isInside("/srv/feed/55.vtt", folder: "/srv/feed"))
        XCTAssertTrue(FeedTranscriptSource.isInside("/srv/feed/a/b/55.vtt", folder: "/srv/feed/"))
        XCTAssertFalse(FeedTranscriptSource.isInside("/srv/feed-private/55.vtt", folder: "/srv/feed"))
        XCTAssertFalse(FeedTranscriptSource.isInside("/srv/feed", folder: "/srv/feed"))
        XCTAssertFalse(FeedTranscriptSource.isInside("/srv/55.vtt", folder: "/srv/feed"))
        XCTAssertTrue(FeedTranscriptSource.isInside("/etc/passwd", folder: "/"), "a feed at the root owns everything")
    }

    func testAFolderThatIsALinkCountsAsTheFolderItPointsTo() throws {
        let root = try Fixtures.scratchFolder()
        defer { Fixtures.remove(root) }
        try Fixtures.write(String(decoding: try Fixtures.bytes("feed/transcripts/55.vtt"), as: UTF8.self), to: root + "/real/55.vtt")
        try FileManager.default.createSymbolicLink(atPath: root + "/alias", withDestinationPath: "real")
        let reference = FeedPlan.TranscriptReference(url: "55.vtt", format: .webVTT)
        guard case .success(let file) = FeedTranscriptSource.check(reference, feedPath: root + "/alias/feed.xml") else {
            return XCTFail("a transcript beside a feed reached through a linked folder is inside it")
        }
        XCTAssertEqual(file.name, "transcript.vtt")
        try FileManager.default.createDirectory(atPath: root + "/other", withIntermediateDirectories: true)
        guard case .failure(let skipped) = FeedTranscriptSource.check(
            FeedPlan.TranscriptReference(url: "../real/55.vtt", format: .webVTT), feedPath: root + "/other/feed.xml")
        else { return XCTFail("../real is outside other/") }
        XCTAssertTrue(skipped.reason.hasPrefix("resolves to \(root)/real/55.vtt, outside the feed's folder \(root)/other "), skipped.reason)
    }
}
