import Foundation
import XCTest

/// A feed may bring in only transcripts that lie inside its own folder once links are
/// resolved and that read as WebVTT or SubRip, end to end through the real `talks
/// import-feed`. The files outside the feed's folder are real transcripts, so only the
/// folder rule keeps them out; the files inside that are refused only look like transcripts.
final class ImportFeedTranscriptCommandTests: XCTestCase {
    private static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("TalksIngestTests/Fixtures").path
    private var scratch: URL?

    override func setUpWithError() throws {
        try TalksExecutable.requireBuilt()
        scratch = try TalksExecutable.temporaryDirectory("import-safety")
    }

    override func tearDown() {
        if let scratch { try? FileManager.default.removeItem(at: scratch) }
    }

    private func files(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    }

    /// `feed/` holds the feed and one real transcript; `outside/` beside it holds real
    /// transcripts the feed reaches by every route out of its folder.
    func testTranscriptsOutsideTheFeedsFolderAreNotCopiedByAnyRoute() throws {
        let root = try XCTUnwrap(scratch).path
        let manager = FileManager.default
        try manager.createDirectory(atPath: root + "/feed/sub", withIntermediateDirectories: true)
        try manager.createDirectory(atPath: root + "/outside", withIntermediateDirectories: true)
        for name in ["55.srt", "55.vtt"] {
            try manager.copyItem(atPath: Self.fixtures + "/feed/transcripts/" + name, toPath: root + "/outside/" + name)
        }
        try manager.copyItem(atPath: Self.fixtures + "/feed/transcripts/55.vtt", toPath: root + "/feed/inside.vtt")
        try manager.createSymbolicLink(atPath: root + "/feed/link.srt", withDestinationPath: "../outside/55.srt")
        try manager.createSymbolicLink(atPath: root + "/feed/absolute-link.vtt", withDestinationPath: root + "/outside/55.vtt")
        try manager.createSymbolicLink(atPath: root + "/feed/shared", withDestinationPath: "../outside")
        try manager.createSymbolicLink(atPath: root + "/feed/inside-link.vtt", withDestinationPath: "inside.vtt")
        let outside = root + "/outside"
        let items: [(title: String, url: String)] = [
            ("File URL", "file://\(outside)/55.srt"),
            ("File URL localhost", "file://localhost\(outside)/55.vtt"),
            ("Absolut sökväg", "\(outside)/55.srt"),
            ("Systemfil", "file:///etc/passwd"),
            ("Uppåt", "../outside/55.srt"),
            ("Uppåt via undermapp", "sub/../../outside/55.vtt"),
            ("Procentkodat uppåt", "%2e%2e/outside/55.srt"),
            ("Länk ut", "link.srt"),
            ("Absolut länk ut", "absolute-link.vtt"),
            ("Länkad mapp", "shared/55.srt"),
            ("Inne", "inside.vtt"),
            ("Länk inne", "inside-link.vtt"),
        ]
        var feed = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:podcast="https://podcastindex.org/namespace/1.0"><channel><title>Landet lär</title>

            """
        for item in items {
            let type = item.url.hasSuffix(".vtt") ? "text/vtt" : "application/x-subrip"
            feed += "<item><title>\(item.title)</title><podcast:transcript url=\"\(item.url)\" type=\"\(type)\"/></item>\n"
        }
        feed += "</channel></rss>\n"
        try Data(feed.utf8).write(to: URL(fileURLWithPath: root + "/feed/feed.xml"))

        let archive = root + "/archive"
        let run = try TalksExecutable.run(["import-feed", root + "/feed/feed.xml", "--into", archive])
        XCTAssertEqual(run.status, 0, run.error)
        XCTAssertTrue(run.output.hasSuffix("12 written, 0 kept.\n"), run.output)
        let folders = run.output.split(separator: "\n").filter { $0.hasPrefix("wrote  ") }.map { String($0.dropFirst(7)) }
        XCTAssertEqual(folders.count, items.count, run.output)
        for (index, (item, folder)) in zip(items, folders).enumerated() {
            let line = index + 3
            if item.title == "Inne" || item.title == "Länk inne" {
                XCTAssertEqual(try files(in: folder), ["episode.json", "transcript.vtt"], item.title)
                continue
            }
            XCTAssertEqual(try files(in: folder), ["episode.json"], "\(item.title) brought in \(item.url)")
            let warning = "feed.xml:\(line): warning: '\(item.title)': transcript \(item.url) "
            let reported = run.error.split(separator: "\n").first { $0.contains(warning) }
            XCTAssertNotNil(reported, "no warning naming '\(item.title)' on line \(line): \(run.error)")
            XCTAssertTrue(reported?.contains("outside the feed's folder") ?? false, "\(reported ?? "")")
        }
    }

    func testFilesNamedLikeTranscriptsThatAreNotTranscriptsAreNotCopied() throws {
        let archive = try XCTUnwrap(scratch).path + "/archive"
        let feed = Self.fixtures + "/feed/not-transcripts/feed.xml"
        let run = try TalksExecutable.run(["import-feed", feed, "--into", archive])
        XCTAssertEqual(run.status, 0, run.error)
        let expected: [(folder: String, line: Int, reason: String)] = [
            ("nyckel-som-srt", 4, "transcript private-key.srt has no cue that reads as SubRip; not copied"),
            ("nyckel-som-vtt", 5, "transcript private-key.vtt does not read as WebVTT (line 1): not a WebVTT file"),
            ("binar-fil", 6, "transcript binary.srt is not UTF-8 text (byte 0x80 on line 2), so neither WebVTT nor SubRip; not copied"),
            ("nollbytes", 7, "transcript nul-bytes.srt has no cue that reads as SubRip; not copied"),
            ("anteckningar", 8, "transcript notes.srt has no cue that reads as SubRip; not copied"),
            ("utan-cues", 9, "transcript cue-less.vtt has no cue that reads as WebVTT; not copied"),
        ]
        for item in expected {
            XCTAssertEqual(try files(in: archive + "/" + item.folder), ["episode.json"], item.folder)
            XCTAssertTrue(run.error.contains("feed.xml:\(item.line): warning: '"), run.error)
            XCTAssertTrue(run.error.contains(item.reason), "\(item.folder): \(run.error)")
        }
        XCTAssertEqual(try files(in: archive + "/riktig-undertext"), ["episode.json", "transcript.srt"])
        XCTAssertEqual(FileManager.default.contents(atPath: archive + "/riktig-undertext/transcript.srt"),
                       FileManager.default.contents(atPath: Self.fixtures + "/feed/not-transcripts/ok.srt"))
    }
}
