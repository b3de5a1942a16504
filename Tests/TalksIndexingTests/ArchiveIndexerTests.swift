import XCTest
import TalksIngest
import TalksModel
@testable import TalksIndex
@testable import TalksIndexing

/// Incremental ingest from folders on disk: new episodes added, unchanged ones skipped,
/// changed ones replaced, broken ones named and skipped while the good ones are indexed.
final class ArchiveIndexerTests: XCTestCase {
    var root = ""
    var archive: String { root + "/archive" }
    var index: String { root + "/index" }

    override func setUpWithError() throws {
        root = TestFolders.temporaryDirectory(name)
        try FileManager.default.createDirectory(atPath: archive, withIntermediateDirectories: true)
    }

    override func tearDown() {
        TestFolders.cleanUp(root)
    }

    private func writeEpisode(_ id: String, title: String, cues: [String]) throws {
        let folder = archive + "/" + id
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let json = """
            {"id": "\(id)", "series": "Landet lär", "title": "\(title)", "date": "2022-10-19T12:00:00+02:00",
             "speakers": [{"name": "Helene Oscarsson", "organisation": "Vreta Kluster"}], "tags": ["test"]}
            """
        try json.write(toFile: folder + "/episode.json", atomically: true, encoding: .utf8)
        var vtt = "WEBVTT\n\n"
        for (index, text) in cues.enumerated() {
            vtt += "00:00:\(String(format: "%02d", index * 5)).000 --> 00:00:\(String(format: "%02d", index * 5 + 4)).000\n<v Helene Oscarsson>\(text)\n\n"
        }
        try vtt.write(toFile: folder + "/transcript.vtt", atomically: true, encoding: .utf8)
    }

    func testIncrementalIngestAddsSkipsReplacesAndRejects() throws {
        try writeEpisode("a", title: "Torka", cues: ["Torkan slog hårt.", "Våtmarker hjälper."])
        try writeEpisode("b", title: "Kluster", cues: ["Gröna kluster i Sverige."])
        var summary = try ArchiveIndexer.ingest(paths: [archive], index: index)
        XCTAssertEqual(summary.added, 2)
        XCTAssertEqual(summary.unchanged, 0)
        XCTAssertEqual(summary.cues, 3)
        XCTAssertTrue(summary.rejections.isEmpty)
        XCTAssertEqual(summary.generation, 1)

        summary = try ArchiveIndexer.ingest(paths: [archive], index: index)
        XCTAssertEqual(summary.added, 0)
        XCTAssertEqual(summary.unchanged, 2)
        XCTAssertEqual(summary.generation, 1, "nothing changed, no new generation")

        try writeEpisode("b", title: "Kluster", cues: ["Gröna kluster i Sverige.", "Livsmedelsstrategin i länet."])
        try writeEpisode("c", title: "Ny", cues: ["Ett nytt avsnitt."])
        // A broken episode: no WEBVTT signature.
        try FileManager.default.createDirectory(atPath: archive + "/d", withIntermediateDirectories: true)
        try #"{"id": "d", "title": "Trasig"}"#.write(toFile: archive + "/d/episode.json", atomically: true, encoding: .utf8)
        try "not a transcript".write(toFile: archive + "/d/transcript.vtt", atomically: true, encoding: .utf8)
        summary = try ArchiveIndexer.ingest(paths: [archive], index: index)
        XCTAssertEqual(summary.added, 1)
        XCTAssertEqual(summary.replaced, 1)
        XCTAssertEqual(summary.unchanged, 1)
        XCTAssertEqual(summary.rejections.map(\.id), ["d"])
        XCTAssertTrue(summary.rejections[0].diagnostics.contains { $0.file.hasSuffix("d/transcript.vtt") && $0.severity == .error })
        XCTAssertEqual(summary.generation, 2)
        XCTAssertEqual(summary.liveEpisodes, 3)

        let reader = try IndexReader.open(directory: index)
        XCTAssertEqual(reader.episodeCount, 3)
        XCTAssertEqual(reader.cueCount, 2 + 2 + 1)
        let (segmentIndex, ordinal) = try XCTUnwrap(reader.locate(episodeID: "b"))
        let segment = reader.segments[segmentIndex]
        XCTAssertEqual(segment.cueRange(ofEpisode: ordinal).count, 2)
        XCTAssertEqual(try segment.cue(segment.cueRange(ofEpisode: ordinal).upperBound - 1).text, "Livsmedelsstrategin i länet.")
        XCTAssertEqual(try segment.cue(segment.cueRange(ofEpisode: ordinal).lowerBound).speaker, "Helene Oscarsson")
        // The old copy of b is deleted wherever it still lies.
        var liveB = 0
        for segment in reader.segments {
            if let ordinal = segment.episodeOrdinal(id: "b"), !segment.isDeleted(episode: ordinal) { liveB += 1 }
        }
        XCTAssertEqual(liveB, 1)
        XCTAssertFalse(try IndexVerifier.verify(directory: index).isCorrupt)

        // Removal: gone at once, and a later ingest of the same folder brings it back.
        let writer = try IndexWriter.open(directory: index)
        try writer.remove(id: "a")
        try writer.commit()
        writer.close()
        XCTAssertNil(try IndexReader.open(directory: index).locate(episodeID: "a"))
        summary = try ArchiveIndexer.ingest(paths: [archive], index: index)
        XCTAssertEqual(summary.added, 1)
        XCTAssertNotNil(try IndexReader.open(directory: index).locate(episodeID: "a"))
    }

    func testMissingArchiveIsAnError() {
        XCTAssertThrowsError(try ArchiveIndexer.ingest(paths: [root + "/nowhere"], index: index))
    }

    func testSampleArchiveIngestsAndIsSkippedWhenUnchanged() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let sample = repository.appendingPathComponent("archive").path
        guard FileManager.default.fileExists(atPath: sample + "/README.md") else {
            throw XCTSkip("the sample archive (archive/) is not in this checkout")
        }
        let first = try ArchiveIndexer.ingest(paths: [sample], index: index)
        XCTAssertGreaterThanOrEqual(first.added, 8)
        XCTAssertTrue(first.rejections.isEmpty, "\(first.rejections)")
        let second = try ArchiveIndexer.ingest(paths: [sample], index: index)
        XCTAssertEqual(second.unchanged, first.added)
        XCTAssertEqual(second.added + second.replaced, 0)
        XCTAssertLessThan(second.seconds, 1.0)

        let reader = try IndexReader.open(directory: index)
        XCTAssertEqual(reader.episodeCount, first.added)
        let (segmentIndex, ordinal) = try XCTUnwrap(reader.locate(episodeID: "landet-lar-55"))
        let segment = reader.segments[segmentIndex]
        XCTAssertEqual(try segment.episode(ordinal).title, "Om Vreta Kluster och de gröna klustren i Sverige")
        // Every segment's vocabulary and the word this archive is about.
        XCTAssertTrue(reader.segments.contains { $0.termOrdinal("livsmedelsstrategi") != nil })
        let report = try IndexVerifier.verify(directory: index)
        XCTAssertFalse(report.isCorrupt, "\(report.problems)")
        XCTAssertEqual(report.episodes, first.added)
    }
}
