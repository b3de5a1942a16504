import Foundation
import XCTest

/// `talks ingest --threads N`, run as the built executable on the shipped sample archive:
/// any thread count gives an index that verifies and answers searches alike, the same count
/// gives the same segment files byte for byte, and a count out of range is a usage error.
final class IngestThreadsCommandTests: XCTestCase {
    private var scratch = URL(fileURLWithPath: "/")
    private var archive: String { TalksExecutable.repositoryRoot.appendingPathComponent("archive").path }

    override func setUpWithError() throws {
        try TalksExecutable.requireBuilt()
        try XCTSkipUnless(FileManager.default.fileExists(atPath: archive), "no archive/ in this checkout")
        scratch = try TalksExecutable.temporaryDirectory("ingest-threads")
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: scratch)
    }

    private func ingest(threads: Int, into name: String) throws -> String {
        let index = scratch.appendingPathComponent(name).path
        let run = try TalksExecutable.run(["ingest", archive, "--index", index, "--threads", "\(threads)"])
        XCTAssertEqual(run.status, 0, run.error)
        XCTAssertTrue(run.output.contains("13 added, 0 replaced, 0 unchanged, 0 rejected"), run.output)
        let verify = try TalksExecutable.run(["verify", "--index", index])
        XCTAssertEqual(verify.status, 0, "\(threads) threads: \(verify.output) \(verify.error)")
        return index
    }

    /// The episodes a search finds, with their hits' cue times, without the timing.
    private func answers(_ index: String) throws -> [String] {
        try ["livsmedelsstrategi", "torka", "\"gröna klustren\"", "biogas OR vatten", "speaker:Helene"].map { query in
            let run = try TalksExecutable.run(["search", query, "--json", "--limit", "20", "--index", index])
            XCTAssertEqual(run.status, 0, run.error)
            let document = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
            let results = try XCTUnwrap(document["results"] as? [[String: Any]])
            return query + ": " + results.map { result in
                let hits = (result["hits"] as? [[String: Any]] ?? []).map { "\($0["start"] ?? "")" }
                let episode = result["episode"] as? [String: Any]
                return "\(episode?["id"] ?? "?") [\(hits.joined(separator: ","))]"
            }.sorted().joined(separator: "; ")
        }
    }

    private func segmentFiles(_ index: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: index) where name.hasPrefix("seg-") {
            files[name] = try Data(contentsOf: URL(fileURLWithPath: index + "/" + name))
        }
        return files
    }

    func testAnyThreadCountIndexesTheSameEpisodesAndTheSameCountTheSameBytes() throws {
        let one = try ingest(threads: 1, into: "one")
        let two = try ingest(threads: 2, into: "two")
        let three = try ingest(threads: 3, into: "three")
        let threeAgain = try ingest(threads: 3, into: "three-again")
        let expected = try answers(one)
        XCTAssertTrue(expected[0].contains("landet-lar-55"), expected[0])
        XCTAssertEqual(try answers(two), expected)
        XCTAssertEqual(try answers(three), expected)
        let files = try segmentFiles(three)
        XCTAssertEqual(files.count, 7)
        XCTAssertEqual(try segmentFiles(threeAgain), files, "the same thread count writes the same bytes")
    }

    func testAThreadCountOutOfRangeIsAUsageErrorAndHelpNamesTheOption() throws {
        let index = scratch.appendingPathComponent("none").path
        for bad in ["0", "257", "two"] {
            let run = try TalksExecutable.run(["ingest", archive, "--index", index, "--threads", bad])
            XCTAssertEqual(run.status, 64, run.error)
            XCTAssertTrue(run.error.contains("--threads"), run.error)
            XCTAssertTrue(run.error.contains("a whole number from 1 to 256"), run.error)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: index + "/manifest.json"))
        let help = try TalksExecutable.run(["ingest", "--help"])
        XCTAssertTrue(help.output.contains("--threads <N>"), help.output)
        XCTAssertTrue(help.output.contains("one per processor"), help.output)
    }
}
