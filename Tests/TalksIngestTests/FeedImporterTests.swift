import XCTest
import TalksModel
@testable import TalksIngest

final class FeedImporterTests: XCTestCase {
    private let feed = Fixtures.path("feed/landet-lar.xml")

    func testImportsItemsIntoEpisodeFoldersThatPassCheck() throws {
        let archive = try Fixtures.scratchFolder()
        defer { Fixtures.remove(archive) }
        let outcome = try FeedImporter.importFeed(feed, into: archive)
        XCTAssertEqual(outcome.written.map(FileSystem.lastComponent), [
            "55-om-vreta-kluster-och-de-grona-klustren-i-sverige", "56-vatten-torka-i-lantbruket",
            "digitala-verktyg-i-djurhallningen",
        ])
        XCTAssertEqual(outcome.exitStatus, 65, "item 4 has no title")
        let untitled = try XCTUnwrap(outcome.diagnostics.first { $0.severity == .error })
        XCTAssertEqual(untitled.line, 42)
        XCTAssertTrue(untitled.message.contains("no <title>"))

        let scan = try ArchiveScanner.scan([archive])
        let loaded = try scan.sources.prefix(2).map { try EpisodeLoader.load($0).get() }
        let vreta = try XCTUnwrap(loaded.first).episode
        XCTAssertEqual(vreta.series, "Landet lär")
        XCTAssertEqual(vreta.number, 55)
        XCTAssertEqual(vreta.title, "Om Vreta Kluster och de gröna klustren i Sverige")
        XCTAssertEqual(vreta.date, "2022-10-19T12:00:00+02:00")
        XCTAssertEqual(vreta.timestamp, 1_666_173_600)
        XCTAssertEqual(vreta.language, "sv-SE")
        XCTAssertEqual(vreta.speakers, [Speaker(name: "Helene Oscarsson")])
        XCTAssertEqual(vreta.description, "Helene Oscarsson berättar om Vreta Kluster & Östergötlands livsmedelsstrategi.\nEtt lunchwebbinarium.")
        XCTAssertEqual(vreta.recording?.text, "https://media.example.org/landet-lar/55.mp3")
        XCTAssertEqual(vreta.page?.text, "https://www.landsbygdsnatverket.se/evenemang/landet-lar-55")
        XCTAssertEqual(vreta.tags, ["Lantbruk", "kluster", "livsmedel"])
        XCTAssertEqual(vreta.duration, 3420)
        XCTAssertEqual(scan.sources.first?.transcriptPath.map(FileSystem.lastComponent), "transcript.vtt", "WebVTT preferred")
        XCTAssertEqual(try Fixtures.bytes("feed/transcripts/55.vtt"), Array(try Data(contentsOf: URL(fileURLWithPath: try XCTUnwrap(scan.sources.first?.transcriptPath)))))

        let water = try XCTUnwrap(loaded.last).episode
        XCTAssertEqual(water.title, "Vatten & torka i lantbruket")
        XCTAssertEqual(water.date, "2022-11-02T12:00:00+01:00")
        XCTAssertEqual(water.description, "Torkan 2018 lärde oss mycket.")
        XCTAssertEqual(water.duration, 3723)
        XCTAssertEqual(scan.sources[1].transcriptPath.map(FileSystem.lastComponent), "transcript.srt")

        let messages = outcome.diagnostics.map(\.message)
        XCTAssertTrue(messages.contains { $0.contains("pubDate 'igår' is not an RFC 822 date") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.contains("is not a local file; talks does not download") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.contains("application/json is neither WebVTT nor SubRip") }, "\(messages)")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: archive).filter { $0.hasPrefix(".") }
        XCTAssertEqual(leftovers, [])
    }

    func testExistingFoldersAreKeptUnlessForced() throws {
        let archive = try Fixtures.scratchFolder()
        defer { Fixtures.remove(archive) }
        let folder = archive + "/56-vatten-torka-i-lantbruket"
        try Fixtures.write("{\"title\": \"Eget\"}", to: folder + "/episode.json")
        try Fixtures.write("egen fil", to: folder + "/notes.txt")

        let first = try FeedImporter.importFeed(feed, into: archive)
        XCTAssertEqual(first.kept, [folder])
        XCTAssertEqual(try String(contentsOfFile: folder + "/episode.json", encoding: .utf8), "{\"title\": \"Eget\"}")

        let forced = try FeedImporter.importFeed(feed, into: archive, force: true)
        XCTAssertTrue(forced.written.contains(folder))
        XCTAssertTrue(try String(contentsOfFile: folder + "/episode.json", encoding: .utf8).contains("\"title\": \"Vatten & torka i lantbruket\""))
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/notes.txt"), "the folder is replaced as a whole")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: archive).filter { $0.hasPrefix(".") }
        XCTAssertEqual(leftovers, [])
    }

    func testNotRSSAndMalformedXMLAreClearErrors() throws {
        let archive = try Fixtures.scratchFolder()
        defer { Fixtures.remove(archive) }
        XCTAssertThrowsError(try FeedImporter.importFeed(Fixtures.path("feed/atom.xml"), into: archive)) { error in
            XCTAssertEqual(error as? IngestError, .invalidInput(
                path: Fixtures.path("feed/atom.xml"), line: 2,
                reason: "not an RSS 2.0 feed: the root element is <feed>, expected <rss> with a <channel>"))
        }
        XCTAssertThrowsError(try FeedImporter.importFeed(Fixtures.path("feed/broken.xml"), into: archive)) { error in
            guard case .invalidInput(_, let line, let reason)? = error as? IngestError else { return XCTFail("\(error)") }
            XCTAssertEqual(line, 5)
            XCTAssertTrue(reason.hasPrefix("not well-formed XML"), reason)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: archive), [])
    }

    func testExternalEntitiesAreNotLoaded() throws {
        let archive = try Fixtures.scratchFolder()
        defer { Fixtures.remove(archive) }
        let hostname = (try? String(contentsOfFile: "/etc/hostname", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "unlikely-text"
        let outcome = try? FeedImporter.importFeed(Fixtures.path("feed/external-entity.xml"), into: archive)
        for folder in outcome?.written ?? [] {
            let json = try String(contentsOfFile: folder + "/episode.json", encoding: .utf8)
            XCTAssertFalse(!hostname.isEmpty && json.contains(hostname), json)
        }
    }

    func testALocalFileOutsideTheFeedsFolderIsNotCopied() throws {
        let archive = try Fixtures.scratchFolder()
        defer { Fixtures.remove(archive) }
        let feedPath = archive + "/feed.xml"
        try Fixtures.write("""
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:pod="https://podcastindex.org/namespace/1.0"><channel><title>Landet lär</title>
            <item><title>Hemligheten</title><pubDate>Wed, 19 Oct 2022 12:00:00 +0200</pubDate>
            <pod:transcript url="file:///etc/passwd" type="application/x-subrip"/></item>
            </channel></rss>
            """, to: feedPath)
        let outcome = try FeedImporter.importFeed(feedPath, into: archive + "/out")
        let folder = try XCTUnwrap(outcome.written.first)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), ["episode.json"])
        let warning = try XCTUnwrap(outcome.diagnostics.first, outcome.diagnostics.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(warning.file, feedPath)
        XCTAssertEqual(warning.line, 3)
        XCTAssertTrue(warning.message.hasPrefix("'Hemligheten': transcript file:///etc/passwd resolves to /etc/passwd, outside the feed's folder"), warning.message)
    }

    func testRFC822Dates() {
        XCTAssertEqual(RFC822Date.parse("Wed, 19 Oct 2022 12:00:00 +0200")?.text, "2022-10-19T12:00:00+02:00")
        XCTAssertEqual(RFC822Date.parse("Wed, 19 Oct 2022 10:00:00 GMT")?.timestamp, 1_666_173_600)
        XCTAssertEqual(RFC822Date.parse("19 Oct 22 12:00 CEST")?.timestamp, 1_666_173_600)
        XCTAssertEqual(RFC822Date.parse("Wed, 19 Oct 2022 06:00:00 EDT")?.timestamp, 1_666_173_600)
        XCTAssertEqual(RFC822Date.parse("Sat, 1 Jan 2000 00:00:00 -0130")?.text, "2000-01-01T00:00:00-01:30")
        XCTAssertNil(RFC822Date.parse("31 Feb 2022 12:00 GMT"))
        XCTAssertNil(RFC822Date.parse("2022-10-19T12:00:00+02:00"))
        XCTAssertNil(RFC822Date.parse("Wed 19 Oct 2022 12:00 GMT"))
        XCTAssertNil(RFC822Date.parse("19 Okt 2022 12:00 GMT"))
        XCTAssertNil(RFC822Date.parse(""))
    }

    func testSlugsAndIDs() {
        XCTAssertEqual(EpisodeID.slug("Om Vreta Kluster – och de gröna klustren!"), "om-vreta-kluster-och-de-grona-klustren")
        XCTAssertEqual(EpisodeID.slug("Ärligt: 150 personer i 30 företag"), "arligt-150-personer-i-30-foretag")
        XCTAssertEqual(EpisodeID.slug("!!!"), "")
        XCTAssertNil(EpisodeID.problem(with: "55-vreta_kluster.v2"))
        XCTAssertNotNil(EpisodeID.problem(with: "../etc"))
        XCTAssertNotNil(EpisodeID.problem(with: "a/b"))
        XCTAssertNotNil(EpisodeID.problem(with: "vår"))
        XCTAssertNotNil(EpisodeID.problem(with: ""))
        XCTAssertNotNil(EpisodeID.problem(with: String(repeating: "a", count: 129)))
    }

    func testLocalTranscriptPaths() {
        XCTAssertEqual(FeedTranscriptSource.localPath("transcripts/55.vtt", feedPath: "feeds/x.xml"), "feeds/transcripts/55.vtt")
        XCTAssertEqual(FeedTranscriptSource.localPath("56%20vatten.srt", feedPath: "x.xml"), "./56 vatten.srt")
        XCTAssertEqual(FeedTranscriptSource.localPath("file:///srv/t.vtt", feedPath: "x.xml"), "/srv/t.vtt")
        XCTAssertNil(FeedTranscriptSource.localPath("https://example.org/t.vtt", feedPath: "x.xml"))
        XCTAssertNil(FeedTranscriptSource.localPath("file://remote/t.vtt", feedPath: "x.xml"))
    }
}
