import Foundation
import XCTest
import TalksTestSupport

/// Bad input loses nothing, end to end through the real `talks ingest` (issue 5): after a good
/// archive, a batch with broken episodes exits 65, names every bad file with line and reason
/// on stderr, indexes the good ones, leaves the earlier episodes' search answers unchanged,
/// and `talks verify` passes.
final class BadInputCommandTests: XCTestCase {
    private var batch: BadBatch?

    override func setUpWithError() throws {
        try TalksExecutable.requireBuilt()
    }

    override func tearDown() {
        batch?.remove()
    }

    func testIngestOfABrokenBatchExits65NamesEveryProblemAndKeepsEarlierEpisodes() throws {
        let batch = try BadBatch(name: name)
        self.batch = batch
        let index = batch.root + "/index"
        let first = try TalksExecutable.run(["ingest", batch.good, "--index", index])
        XCTAssertEqual(first.status, 0, first.error)
        var before: [String: String] = [:]
        for word in BadBatch.oldWords.values {
            let search = try TalksExecutable.run(["search", word, "--json", "--index", index])
            XCTAssertEqual(search.status, 0, search.error)
            XCTAssertTrue(search.output.contains("\"total_episodes\":1"), search.output)
            before[word] = TalksExecutable.searchAnswer(search.output)
        }

        let second = try TalksExecutable.run(["ingest", batch.batch, "--index", index])
        XCTAssertEqual(second.status, 65, second.error)
        XCTAssertTrue(second.output.contains("5 added, 0 replaced, 0 unchanged, 7 rejected, 2 warnings; generation 2, 8 episodes"), second.output)
        for expected in BadBatch.broken {
            let located = batch.batch + "/" + expected.file + (expected.line.map { ":\($0)" } ?? "") + ": error: "
            let line = second.error.split(separator: "\n").first { $0.contains(located) }
            XCTAssertNotNil(line, "\(expected.folder) is not named as \(located): \(second.error)")
            XCTAssertTrue(line?.contains(expected.reason) ?? false, "\(expected.folder): \(line ?? "")")
            XCTAssertTrue(second.error.contains("rejected "), second.error)
        }
        for expected in BadBatch.warned {
            let located = batch.batch + "/" + expected.file + ":\(expected.line): warning: "
            let line = second.error.split(separator: "\n").first { $0.contains(located) }
            XCTAssertTrue(line?.contains(expected.reason) ?? false, "\(expected.file): \(second.error)")
        }
        XCTAssertLessThan(second.error.utf8.count, 10_000, "the 10 MB line is not echoed")

        for (id, word) in BadBatch.newWords {
            let search = try TalksExecutable.run(["search", word, "--json", "--index", index])
            XCTAssertEqual(search.status, 0, search.error)
            XCTAssertTrue(search.output.contains("\"results\":[{\"episode\":{\"id\":\"\(id)\""), "\(word): \(search.output)")
        }
        for word in BadBatch.oldWords.values {
            let search = try TalksExecutable.run(["search", word, "--json", "--index", index])
            XCTAssertEqual(TalksExecutable.searchAnswer(search.output), before[word], word)
        }
        let verify = try TalksExecutable.run(["verify", "--index", index])
        XCTAssertEqual(verify.status, 0, verify.output + verify.error)
        XCTAssertTrue(verify.output.contains("ok: generation 2"), verify.output)
    }
    /// An episode that is indexed but lost a cue (reversed times) still makes the run exit 65,
    /// naming the cue, so an organiser's script notices what did not make it into the index.
    func testSkippedCueAloneExits65AndTheRestOfTheEpisodeIsIndexed() throws {
        let root = try TalksExecutable.temporaryDirectory("skipped-cue")
        defer { try? FileManager.default.removeItem(at: root) }
        let episode = root.appendingPathComponent("archive/landet-lar-90")
        try FileManager.default.createDirectory(at: episode, withIntermediateDirectories: true)
        try Data(#"{"title": "Ängsmark", "date": "2024-05-15T12:00:00+02:00"}"#.utf8)
            .write(to: episode.appendingPathComponent("episode.json"))
        let transcript = "WEBVTT\n\n00:05.000 --> 00:01.000\nbaklänges\n\n00:06.000 --> 00:09.000\nslåtter på ängsmarken\n"
        try Data(transcript.utf8).write(to: episode.appendingPathComponent("transcript.vtt"))
        let index = root.appendingPathComponent("index").path

        let ingest = try TalksExecutable.run(["ingest", root.appendingPathComponent("archive").path, "--index", index])
        XCTAssertEqual(ingest.status, 65, ingest.output + ingest.error)
        XCTAssertTrue(ingest.error.contains("landet-lar-90/transcript.vtt:3: warning: cue ends (1.000 s) before it starts (5.000 s); cue skipped"), ingest.error)
        XCTAssertTrue(ingest.output.contains("1 added, 0 replaced, 0 unchanged, 0 rejected, 1 warning;"), ingest.output)
        let search = try TalksExecutable.run(["search", "slåtter", "--json", "--index", index])
        XCTAssertTrue(search.output.contains("\"total_episodes\":1"), search.output)
    }
}
