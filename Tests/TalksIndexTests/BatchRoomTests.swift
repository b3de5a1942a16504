import Foundation
import TalksModel
import TalksTestSupport
import XCTest
@testable import TalksIndex

/// Batches sized to the room left below the flush threshold (`IndexWriter+BatchRoom`): the
/// builders are flushed near the threshold instead of a whole batch past it, which is what
/// kept the ingest's peak over its budget at 20,000 episodes.
final class BatchRoomTests: XCTestCase {
    var directories: [String] = []

    override func tearDown() {
        for path in directories { TestArchive.cleanUp(path) }
        directories = []
    }

    private func directory(_ label: String) -> String {
        let path = TestArchive.temporaryDirectory(name + label)
        directories.append(path)
        return path
    }

    /// An episode of `count` cues: common words and words of its own (so every episode
    /// grows the builders' vocabulary, as new episodes of an archive do).
    private func episode(_ number: Int, cues count: Int) -> IndexableEpisode {
        var random = SplitMix64(seed: UInt64(number) + 1)
        let words = ["och", "att", "kommunen", "vattenförsörjningen", "budgeten", "skolan", "Linköping", "torkan"]
        var cues: [(Double, String, String?)] = []
        for index in 0..<count {
            var text = (0..<(4 + random.below(10))).map { _ in words[random.below(words.count)] }.joined(separator: " ")
            text += " ämne\(number)x\(index % 37) punkt\(random.below(5000))"
            cues.append((Double(index) * 3, text, ["Anna", "Bo", nil][random.below(3)]))
        }
        return TestArchive.episode("e\(number)", title: "Sammanträde \(number)", cues: cues, speakers: ["Talare \(number % 7)"])
    }

    /// The transcript bytes a batch counts for an episode: its cue text.
    private func transcriptBytes(_ episode: IndexableEpisode) -> Int {
        episode.cues.reduce(0) { $0 + $1.text.utf8.count }
    }

    /// Ingests `episodes` the way `ArchiveIndexer` does, in batches of at most 64, either
    /// sized by `batchTranscriptRoom` or (as before) by the batch cap alone; the writer.
    private func ingest(_ episodes: [IndexableEpisode], into path: String, sizedByRoom: Bool) throws -> IndexWriter {
        let writer = try IndexWriter.open(directory: path, memoryBudget: 48 << 20, threads: 2)
        let analyzer = writer.analyzer
        var start = 0
        while start < episodes.count {
            if sizedByRoom { try writer.makeRoom(forTranscriptBytes: transcriptBytes(episodes[start])) }
            let room = sizedByRoom ? writer.batchTranscriptRoom : Int.max
            var end = start + 1
            var bytes = transcriptBytes(episodes[start])
            while end < episodes.count, end - start < 64, bytes + transcriptBytes(episodes[end]) <= room {
                bytes += transcriptBytes(episodes[end])
                end += 1
            }
            let items = Array(episodes[start..<end])
            let batch = try writer.beginBatch(count: items.count, transcriptBytes: bytes)
            for item in items.indices { batch.build(item, analyzer.analyse(items[item])) }
            try writer.finish(batch)
            start = end
        }
        try writer.commit()
        return writer
    }

    func testBuildersAreFlushedNearTheLimitNotABatchPastIt() throws {
        let episodes = (0..<200).map { episode($0, cues: 300 + $0 % 53) }
        var laterPeaks: [Bool: Int] = [:]
        for sizedByRoom in [true, false] {
            let path = directory(sizedByRoom ? "sized" : "capped")
            let writer = try ingest(episodes, into: path, sizedByRoom: sizedByRoom)
            defer { writer.close() }
            let label = sizedByRoom ? "batches sized by the room" : "batches cut by the cap alone"
            let flushes = writer.flushes.map { "\($0.buffered >> 10) KB (limit \($0.limit >> 10))" }
            // A 64-episode batch of these adds over 2 MB to the builders, a good part of the
            // limit (an eighth of the 48 MB budget, or more when the process holds less).
            XCTAssertGreaterThanOrEqual(writer.flushLimit, 6 << 20)
            XCTAssertGreaterThanOrEqual(writer.flushes.count, 4, label)
            // The first flush comes before anything was measured: a batch past the limit.
            XCTAssertGreaterThan(writer.flushes[0].buffered, writer.flushes[0].limit, "\(label): \(flushes)")
            let later = writer.flushes.dropFirst()
            laterPeaks[sizedByRoom] = later.map(\.buffered).max() ?? 0
            if sizedByRoom {
                // Sized to the room, with the threshold lowered by the last overshoot, the
                // builders stay near the limit (an array doubling its capacity is a step).
                for flush in later {
                    XCTAssertLessThanOrEqual(flush.buffered, flush.limit + flush.limit / 10, "\(label): \(flushes)")
                }
            }
            let reader = try IndexReader.open(directory: path)
            XCTAssertEqual(reader.episodeCount, episodes.count, label)
        }
        // The peer: cut by the cap alone, a later batch still lands further past it.
        XCTAssertLessThan(laterPeaks[true] ?? .max, laterPeaks[false] ?? 0)
    }

    func testRoomIsTheCapUntilSomethingWasMeasuredAndNothingIsFlushedWhenEmpty() throws {
        let writer = try IndexWriter.open(directory: directory("empty"), memoryBudget: 8 << 20, threads: 2)
        defer { writer.close() }
        XCTAssertEqual(writer.batchTranscriptRoom, writer.batchTranscriptBytes)
        try writer.makeRoom(forTranscriptBytes: Int.max)
        XCTAssertEqual(writer.largestFlushedBytes, 0)
        XCTAssertFalse(writer.isBuffering)
    }
}
