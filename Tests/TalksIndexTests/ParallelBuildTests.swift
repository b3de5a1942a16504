import XCTest
import TalksModel
@testable import TalksIndex

/// The parallel ingest path (`LaneBatch`): one builder per core, filled by a thread each and
/// joined into one segment before writing. What it writes must equal what a one-core build
/// writes, term by term.
final class ParallelBuildTests: XCTestCase {
    var parallel = ""
    var sequential = ""

    override func setUp() {
        parallel = TestArchive.temporaryDirectory(name + "p")
        sequential = TestArchive.temporaryDirectory(name + "s")
    }

    override func tearDown() {
        TestArchive.cleanUp(parallel)
        TestArchive.cleanUp(sequential)
    }

    private func episodes() -> [IndexableEpisode] {
        (0..<7).map { number in
            var cues: [(Double, String, String?)] = []
            for index in 0..<(150 + number * 40) {
                var text = "och \(index % 17) talare\(number)"
                if index % 2 == 0 { text += " sen och" }
                if (index + number) % 5 == 0 { text += " livsmedelsstrategin" }
                cues.append((Double(index) * 3, text, ["Anna", "Bo", nil][(index + number) % 3]))
            }
            return TestArchive.episode("ep\(number)", title: "Avsnitt \(number) om torka", cues: cues,
                                       speakers: ["Talare \(number)"], tags: ["tagg\(number % 2)"])
        }
    }

    /// Builds `items` into `directory` as one `LaneBatch`, one thread per lane, each
    /// analysing and building its own items; nil items have nothing to build (as an
    /// unchanged episode in an ingest). `delay(lane)` makes one lane late.
    private func buildInParallel(_ items: [IndexableEpisode?], into directory: String, threads: Int = 2,
                                 delay: @escaping @Sendable (Int) -> Void = { _ in }) throws {
        let writer = try IndexWriter.open(directory: directory, threads: threads)
        let analyzer = writer.analyzer
        let batch = try writer.beginBatch(count: items.count)
        XCTAssertEqual(batch.laneCount, min(threads, items.count))
        DispatchQueue.concurrentPerform(iterations: batch.laneCount) { lane in
            delay(lane)
            for item in stride(from: lane, to: items.count, by: batch.laneCount) {
                batch.build(item, items[item].map(analyzer.analyse))
            }
        }
        try writer.finish(batch)
        try writer.commit()
        writer.close()
    }

    /// Which lane finishes first does not matter: the segment files are the same bytes, at
    /// any number of threads.
    func testTheSegmentDoesNotDependOnTiming() throws {
        let items: [IndexableEpisode?] = episodes().map { $0 } + [nil]
        for threads in [2, 3] {
            TestArchive.cleanUp(parallel)
            TestArchive.cleanUp(sequential)
            try buildInParallel(items, into: parallel, threads: threads) { lane in if lane == 0 { usleep(50_000) } }
            try buildInParallel(items, into: sequential, threads: threads) { lane in if lane == threads - 1 { usleep(50_000) } }
            let names = try FileManager.default.contentsOfDirectory(atPath: parallel).filter { $0.hasPrefix("seg-") }.sorted()
            XCTAssertEqual(names.count, 7)
            for name in names {
                XCTAssertEqual(FileManager.default.contents(atPath: parallel + "/" + name),
                               FileManager.default.contents(atPath: sequential + "/" + name), "\(name) at \(threads) threads")
            }
        }
    }

    /// At 1, 3 and 5 threads the segment holds the same occurrences as a plain build.
    func testAnyNumberOfLanesIndexesTheSameOccurrences() throws {
        let all = episodes()
        try TestArchive.build(sequential, all)
        for threads in [1, 3, 5] {
            TestArchive.cleanUp(parallel)
            try buildInParallel(all.map { $0 }, into: parallel, threads: threads)
            let reader = try IndexReader.open(directory: parallel)
            XCTAssertEqual(reader.segments.count, 1, "\(threads) threads")
            XCTAssertEqual(reader.episodeCount, 7)
            XCTAssertEqual(try TestArchive.occurrences(parallel), try TestArchive.occurrences(sequential), "\(threads) threads")
        }
    }

    func testParallelBuildEqualsSequentialBuild() throws {
        let all = episodes()
        try TestArchive.build(sequential, all)
        try buildInParallel(all.prefix(3).map { $0 } + [nil] + all.dropFirst(3).map { $0 }, into: parallel)

        let reader = try IndexReader.open(directory: parallel)
        XCTAssertEqual(reader.segments.count, 1, "the cores' builders are joined into one segment")
        XCTAssertEqual(reader.episodeCount, 7)
        XCTAssertEqual(try TestArchive.occurrences(parallel), try TestArchive.occurrences(sequential))
        for episode in all {
            let (segmentIndex, ordinal) = try XCTUnwrap(reader.locate(episodeID: episode.episode.id))
            let segment = reader.segments[segmentIndex]
            let range = segment.cueRange(ofEpisode: ordinal)
            XCTAssertEqual(range.count, episode.cues.count)
            for (offset, cue) in episode.cues.enumerated() where offset % 37 == 0 {
                let stored = try segment.cue(range.lowerBound + offset)
                XCTAssertEqual(stored.text, cue.text)
                XCTAssertEqual(stored.speaker, cue.speaker)
                XCTAssertEqual(stored.start, cue.start)
            }
            XCTAssertEqual(try segment.episode(ordinal), episode.episode)
        }
        // Long lists cross the join: advance must land right on both sides of it.
        let segment = reader.segments[0]
        let sen = try XCTUnwrap(segment.termOrdinal("sen"))
        var all_ = segment.postings(term: sen, field: .transcript)
        var documents: [Int] = []
        while all_.next() { documents.append(all_.document) }
        for (index, target) in documents.enumerated() where index % 29 == 0 {
            var cursor = segment.postings(term: sen, field: .transcript)
            XCTAssertTrue(cursor.advance(to: target))
            XCTAssertEqual(cursor.document, target)
            XCTAssertTrue(cursor.advance(to: target + 1) || index == documents.count - 1)
            if index < documents.count - 1 { XCTAssertEqual(cursor.document, documents[index + 1]) }
        }
        XCTAssertFalse(try IndexVerifier.verify(directory: parallel).isCorrupt)
    }
}
