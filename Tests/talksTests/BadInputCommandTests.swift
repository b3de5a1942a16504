import Foundation
import XCTest

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
        XCTAssertTrue(second.output.contains("5 added, 0 replaced, 0 unchanged, 7 rejected; generation 2, 8 episodes"), second.output)
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
}
