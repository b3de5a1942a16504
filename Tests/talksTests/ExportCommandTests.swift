import Foundation
import XCTest

/// End-to-end: `talks export` on an index built from the sample archive writes bulk
/// NDJSON that a distributed engine can load: action and document lines in pairs, every
/// live episode and cue once, deep links as talks serves them, removed episodes left out.
final class ExportCommandTests: XCTestCase {
    private var scratch = URL(fileURLWithPath: "/")
    private var archive: String { TalksExecutable.repositoryRoot.appendingPathComponent("archive").path }
    private var index: String { scratch.appendingPathComponent("index").path }

    override func setUpWithError() throws {
        try TalksExecutable.requireBuilt()
        try XCTSkipUnless(FileManager.default.fileExists(atPath: archive), "no archive/ in this checkout")
        scratch = try TalksExecutable.temporaryDirectory("export-command")
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: scratch)
    }

    private func documents(_ output: String) throws -> [(action: [String: Any], document: [String: Any])] {
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.last, "", "every line ends in a newline")
        let objects = try lines.dropLast().map { line in
            try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], String(line))
        }
        XCTAssertEqual(objects.count % 2, 0)
        return stride(from: 0, to: objects.count - 1, by: 2).map { (objects[$0], objects[$0 + 1]) }
    }

    func testExportWritesEveryLiveEpisodeAndCueInBulkFormat() throws {
        XCTAssertEqual(try TalksExecutable.run(["ingest", archive, "--index", index]).status, 0)
        let stats = try TalksExecutable.run(["stats", "--json", "--index", index])
        let statistics = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(stats.output.utf8)) as? [String: Any])
        let cueCount = try XCTUnwrap(statistics["cues"] as? Int)
        let episodeCount = try XCTUnwrap(statistics["episodes"] as? Int)
        XCTAssertGreaterThanOrEqual(episodeCount, 10)

        let export = try TalksExecutable.run(["export", "--index", index])
        XCTAssertEqual(export.status, 0, export.error)
        XCTAssertEqual(export.error, "exported \(episodeCount) episodes (\(cueCount) cues) of generation 1 from \(index)/\n")
        let pairs = try documents(export.output)
        XCTAssertEqual(pairs.count, episodeCount + cueCount)
        let targets = pairs.compactMap { ($0.action["index"] as? [String: Any])?["_index"] as? String }
        XCTAssertEqual(targets.filter { $0 == "talks-episodes" }.count, episodeCount)
        XCTAssertEqual(targets.filter { $0 == "talks-cues" }.count, cueCount)
        let ids = pairs.compactMap { ($0.action["index"] as? [String: Any])?["_id"] as? String }
        XCTAssertEqual(Set(ids).count, ids.count, "document ids are unique")

        let episode = try XCTUnwrap(pairs.first { ($0.action["index"] as? [String: Any])?["_id"] as? String == "landet-lar-55" })
        XCTAssertEqual(episode.document["title"] as? String, "Om Vreta Kluster och de gröna klustren i Sverige")
        XCTAssertEqual(episode.document["series"] as? String, "Landet lär")
        let moment = try XCTUnwrap(pairs.first {
            $0.document["episode_id"] as? String == "landet-lar-55" && ($0.document["text"] as? String)?.hasPrefix("Ja, precis. Östergötlands livsmedelsstrategi") == true
        })
        XCTAssertEqual(moment.document["speaker"] as? String, "Helene Oscarsson")
        XCTAssertEqual(moment.document["url"] as? String, "https://media.example.org/landet-lar/55.mp4#t=106")
        XCTAssertEqual(moment.document["start"] as? Double, 106.6)
        XCTAssertEqual(moment.document["text"] as? String, "Ja, precis. Östergötlands livsmedelsstrategi\när väldigt viktig för oss.")
        XCTAssertEqual(moment.document["title"] as? String, "Om Vreta Kluster och de gröna klustren i Sverige")
        XCTAssertTrue(moment.document["chapter"] is NSNull, "landet-lar-55 has no chapters")

        // Chapters: the yt-dlp sample's episode lists them, and each cue names the one it starts in.
        let sample = try XCTUnwrap(pairs.first { ($0.action["index"] as? [String: Any])?["_id"] as? String == "youtube-Lq7pZ2mW9xK" })
        let chapters = try XCTUnwrap(sample.document["chapters"] as? [[String: Any]])
        XCTAssertEqual(chapters.compactMap { $0["title"] as? String }, ["Inledning", "Vildbin och humlor", "Kantzoner i praktiken",
                                                                        "Växter som lockar", "Frågor från chatten", "Tre råd"])
        XCTAssertEqual(chapters.compactMap { $0["start"] as? Double }, [0, 37, 75, 123, 167, 231])
        let sampleCues = pairs.filter { $0.document["episode_id"] as? String == "youtube-Lq7pZ2mW9xK" }
        XCTAssertEqual(sampleCues.count, 68)
        for cue in sampleCues {
            let start = try XCTUnwrap(cue.document["start"] as? Double)
            let expected = Array(zip(chapters.compactMap { $0["start"] as? Double }, chapters.compactMap { $0["title"] as? String }))
                .last { $0.0 <= start }?.1
            XCTAssertEqual(cue.document["chapter"] as? String, expected, "cue at \(start)")
            XCTAssertEqual(cue.document["url"] as? String, "https://www.youtube.com/watch?v=Lq7pZ2mW9xK&t=\(Int(start))s")
        }

        let number = try XCTUnwrap(moment.document["cue"] as? Int)
        XCTAssertEqual((moment.action["index"] as? [String: Any])?["_id"] as? String, "landet-lar-55/\(number)")

        XCTAssertEqual(try TalksExecutable.run(["remove", "landet-lar-55", "--index", index]).status, 0)
        let after = try TalksExecutable.run(["export", "--index", index, "--prefix", "kommun"])
        XCTAssertEqual(after.status, 0, after.error)
        let remaining = try documents(after.output)
        XCTAssertFalse(remaining.contains { $0.document["episode_id"] as? String == "landet-lar-55" || $0.document["id"] as? String == "landet-lar-55" })
        XCTAssertTrue(remaining.allSatisfy { (($0.action["index"] as? [String: Any])?["_index"] as? String)?.hasPrefix("kommun-") == true })
    }

    /// An episode with a `link_template` exports links through it, at each cue's start.
    func testExportLinksThroughTheEpisodesLinkTemplate() throws {
        let fixture = TalksExecutable.repositoryRoot.appendingPathComponent("Tests/talksTests/Fixtures/spoken-word").path
        XCTAssertEqual(try TalksExecutable.run(["ingest", fixture, "--index", index]).status, 0)
        let export = try TalksExecutable.run(["export", "--index", index])
        XCTAssertEqual(export.status, 0, export.error)
        let cues = try documents(export.output).filter { $0.document["episode_id"] as? String == "energi-mote-4" }
        XCTAssertFalse(cues.isEmpty)
        for cue in cues {
            let start = try XCTUnwrap(cue.document["start"] as? Double)
            XCTAssertEqual(cue.document["url"] as? String, "https://play.example.se/v/8842?start=\(Int(start))")
        }
    }

    func testABadPrefixOrAMissingIndexIsNamed() throws {
        let badPrefix = try TalksExecutable.run(["export", "--index", index, "--prefix", "Talks Index"])
        XCTAssertEqual(badPrefix.status, 64)
        XCTAssertTrue(badPrefix.error.contains("--prefix"), badPrefix.error)
        let missing = try TalksExecutable.run(["export", "--index", index])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.error.hasPrefix("talks export: \(index) holds no index (no manifest.json)."), missing.error)
    }
}
