import Foundation
import XCTest
import TalksModel
@testable import TalksIngest

/// Loading for an incremental ingest (`EpisodeLoader.load(_:unlessContentHashIs:)`): each
/// file is read once, hashed and parsed from that one read, and an episode whose bytes are
/// indexed already is recognised from the hash alone.
final class EpisodeLoadTests: XCTestCase {
    private var folder = ""

    override func setUpWithError() throws {
        folder = try Fixtures.scratchFolder(name) + "/avsnitt-7"
        try Fixtures.write("{\"title\": \"Vatten\", \"date\": \"2022-10-19T12:00:00+02:00\"}", to: folder + "/episode.json")
        try Fixtures.write("WEBVTT\n\n00:00.000 --> 00:01.000\nTorkan kom 2018.\n", to: folder + "/transcript.vtt")
    }

    override func tearDown() {
        Fixtures.remove(FileSystem.parent(folder))
    }

    private func scanned() throws -> EpisodeSource {
        try XCTUnwrap(ArchiveScanner.scan([folder]).sources.first)
    }

    func testContentHashIsXXH64OverBothFilesNamesLengthsAndBytes() throws {
        var expected = ContentHasher()
        for name in ["episode.json", "transcript.vtt"] {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)))
            expected.update(field: name)
            expected.update(length: bytes.count)
            expected.update(bytes)
        }
        XCTAssertEqual(try EpisodeLoader.load(try scanned()).get().contentHash, expected.hexDigest())
    }

    func testIndexedBytesAreUnchangedAndAnyOtherHashLoads() throws {
        let loaded = try EpisodeLoader.load(try scanned()).get()
        guard case .unchanged(let hash) = EpisodeLoader.load(try scanned(), unlessContentHashIs: loaded.contentHash) else {
            return XCTFail("the indexed bytes are recognised as unchanged")
        }
        XCTAssertEqual(hash, loaded.contentHash)
        for indexed in [nil, "0123456789abcdef"] {
            guard case .loaded(let again) = EpisodeLoader.load(try scanned(), unlessContentHashIs: indexed) else {
                return XCTFail("loads when the indexed hash is \(indexed ?? "nil")")
            }
            XCTAssertEqual(again, loaded)
        }
    }

    func testAChangedTranscriptIsLoadedAndAnUnreadableOneRejected() throws {
        let indexed = try EpisodeLoader.load(try scanned()).get().contentHash
        try Fixtures.write("WEBVTT\n\n00:00.000 --> 00:01.000\nTorkan kom 2023.\n", to: folder + "/transcript.vtt")
        guard case .loaded(let changed) = EpisodeLoader.load(try scanned(), unlessContentHashIs: indexed) else {
            return XCTFail("a changed transcript is loaded")
        }
        XCTAssertEqual(changed.transcript.cues.map(\.text), ["Torkan kom 2023."])
        XCTAssertNotEqual(changed.contentHash, indexed)

        try FileManager.default.removeItem(atPath: folder + "/transcript.vtt")
        try FileManager.default.createDirectory(atPath: folder + "/transcript.vtt", withIntermediateDirectories: false)
        guard case .rejected(let rejection) = EpisodeLoader.load(try scanned(), unlessContentHashIs: indexed) else {
            return XCTFail("a transcript that is not a file is rejected, never unchanged")
        }
        XCTAssertEqual(rejection.errors.map(\.message), ["expected a regular file"])
    }

    /// The scan reads `episode.json` once and the load uses that read: the id filed, the
    /// metadata indexed and the hash compared all come from the same bytes, even when the
    /// file changes in between (a later ingest sees the change).
    func testLoadUsesTheMetadataTheScanRead() throws {
        let source = try scanned()
        XCTAssertEqual(source.id, "avsnitt-7")
        let before = try EpisodeLoader.load(source).get()
        try Fixtures.write("{\"id\": \"nytt-id\", \"title\": \"Torka\", \"date\": \"2023-01-01T12:00:00+01:00\"}",
                           to: folder + "/episode.json")
        let loaded = try EpisodeLoader.load(source).get()
        XCTAssertEqual(loaded.episode.title, "Vatten")
        XCTAssertEqual(loaded.episode.id, "avsnitt-7")
        XCTAssertEqual(loaded.contentHash, before.contentHash)

        let rescanned = try scanned()
        XCTAssertEqual(rescanned.id, "nytt-id")
        let after = try EpisodeLoader.load(rescanned).get()
        XCTAssertEqual(after.episode.title, "Torka")
        XCTAssertNotEqual(after.contentHash, before.contentHash)
    }
}

/// The scan keeps parsed `episode.json` files up to a total (`IngestLimits.maximumScanKeptMetadataBytes`);
/// past it, episodes keep their id and their metadata is read again on load, with the same result.
final class ScanMetadataBudgetTests: XCTestCase {
    func testPastTheBudgetMetadataIsReadAgainOnLoadWithTheSameResult() throws {
        let archive = try Fixtures.scratchFolder()
        defer { Fixtures.remove(archive) }
        for number in 1...3 {
            try Fixtures.write("{\"id\": \"ep-\(number)\", \"title\": \"Avsnitt \(number)\", \"date\": \"2022-10-19T12:00:00+02:00\"}",
                               to: archive + "/folder-\(number)/episode.json")
            try Fixtures.write("WEBVTT\n\n00:00.000 --> 00:01.000\nOrd nummer \(number).\n", to: archive + "/folder-\(number)/transcript.vtt")
        }
        let unbounded = try ArchiveScanner.scan([archive])
        let bounded = try ArchiveScanner.scan([archive], keepingMetadataBytes: 100)
        XCTAssertEqual(unbounded.sources.map { $0.metadataFile != nil }, [true, true, true])
        XCTAssertEqual(bounded.sources.map { $0.metadataFile != nil }, [true, false, false], "each file is some 80 bytes")
        XCTAssertEqual(bounded.sources.map(\.id), ["ep-1", "ep-2", "ep-3"])
        for (kept, reread) in zip(unbounded.sources, bounded.sources) {
            XCTAssertEqual(try EpisodeLoader.load(reread).get(), try EpisodeLoader.load(kept).get())
        }
    }
}
