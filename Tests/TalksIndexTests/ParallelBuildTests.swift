import XCTest
import TalksIngest
import TalksModel
@testable import TalksIndex

/// The parallel ingest path: one builder per core, joined into one segment before
/// writing. What it writes must equal what a one-core build writes, term by term.
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

    private func episodes() -> [LoadedEpisode] {
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

    func testParallelBuildEqualsSequentialBuild() throws {
        let all = episodes()
        try TestArchive.build(sequential, all)

        let writer = try IndexWriter.open(directory: parallel)
        let analyzer = writer.analyzer
        _ = try writer.addInParallel(count: all.count) { index in
            let episode = all[index]
            return (analyzer.analyse(episode: episode.episode, cues: episode.transcript.cues,
                                     contentHash: episode.contentHash, sourcePath: episode.sourcePath), ())
        }
        try writer.commit()
        writer.close()

        let reader = try IndexReader.open(directory: parallel)
        XCTAssertEqual(reader.segments.count, 1, "the cores' builders are joined into one segment")
        XCTAssertEqual(reader.episodeCount, 7)
        XCTAssertEqual(try TestArchive.occurrences(parallel), try TestArchive.occurrences(sequential))
        for episode in all {
            let (segmentIndex, ordinal) = try XCTUnwrap(reader.locate(episodeID: episode.episode.id))
            let segment = reader.segments[segmentIndex]
            let range = segment.cueRange(ofEpisode: ordinal)
            XCTAssertEqual(range.count, episode.transcript.cues.count)
            for (offset, cue) in episode.transcript.cues.enumerated() where offset % 37 == 0 {
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
