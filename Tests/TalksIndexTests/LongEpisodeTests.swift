import Foundation
import TalksModel
import TalksTestSupport
import XCTest
@testable import TalksIndex

/// Long episodes: built a slice at a time (`SegmentBuilder.add(streaming:…)`), alone and
/// then joined to the builders (`IndexWriter+LongEpisodes`), refused when they do not fit
/// the budget. (The loading cost read off a file is TalksIndexing's: `TranscriptLoadingCostTests`.)
final class LongEpisodeTests: XCTestCase {
    var directories: [String] = []

    override func tearDown() {
        for directory in directories { TestArchive.cleanUp(directory) }
    }

    private func directory(_ label: String) -> String {
        let path = TestArchive.temporaryDirectory(name + label)
        directories.append(path)
        return path
    }

    /// An episode of `count` cues with words that repeat across cues and a few of its own.
    private func episode(_ id: String, cues count: Int, seed: UInt64) -> IndexableEpisode {
        var random = SplitMix64(seed: seed)
        let words = ["och", "sen", "livsmedelsstrategin", "torka", "vatten", "våtmarker", "kluster", "Östergötland"]
        var cues: [(Double, String, String?)] = []
        for index in 0..<count {
            var text = (0..<(3 + random.below(12))).map { _ in words[random.below(words.count)] }.joined(separator: " ")
            text += " \(id)ord\(index % 23)"
            cues.append((Double(index) * 4, text, ["Anna", "Bo", nil][random.below(3)]))
        }
        return TestArchive.episode(id, title: "Avsnitt \(id)", cues: cues, speakers: ["Talare \(id)"])
    }

    func testStreamingAddWritesTheSameSegmentAsAddingTheWholeEpisode() throws {
        let analyzer = EpisodeAnalyzer()
        let episodes = [episode("ep1", cues: 120, seed: 1), episode("ep2", cues: 900, seed: 2), episode("ep3", cues: 80, seed: 3)]
        var whole = SegmentBuilder()
        for item in episodes {
            whole.add(analyzer.analyse(item))
        }
        var streamed = SegmentBuilder()
        let first = episodes[0], middle = episodes[1], last = episodes[2]
        streamed.add(analyzer.analyse(first))
        var cues = middle.cues
        var slices = 0
        let ordinal = streamed.add(streaming: middle.episode, cues: &cues, contentHash: middle.contentHash,
                                   sourcePath: middle.sourcePath, analyzer: analyzer, sliceBytes: 2_000) { _, _ in
            slices += 1
            return true
        }
        XCTAssertEqual(ordinal, 1)
        XCTAssertGreaterThan(slices, 10, "the episode went in many slices")
        XCTAssertTrue(cues.isEmpty, "the parsed cues were given up")
        streamed.add(analyzer.analyse(last))

        let id = SegmentID(generation: 1, number: 0)
        var files: [[String: Data]] = []
        for var builder in [whole, streamed] {
            let folder = directory("\(files.count)")
            var lexicon = CompoundLexicon.common
            _ = try SegmentWriter(directory: folder, workers: 2, faultInjection: nil).write(&builder, as: id, lexicon: &lexicon)
            var contents: [String: Data] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
                contents[name] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
            }
            files.append(contents)
        }
        XCTAssertEqual(files[0].keys.sorted(), files[1].keys.sorted())
        for (name, bytes) in files[0] { XCTAssertEqual(files[1][name], bytes, "\(name) differs") }
    }

    func testStreamingAddStopsWhenTheCallerSaysSoAndCountsWhatIsLeft() {
        let item = episode("ep1", cues: 300, seed: 4)
        var cues = item.cues
        var builder = SegmentBuilder()
        var remaining: [Int] = []
        let ordinal = builder.add(streaming: item.episode, cues: &cues, contentHash: item.contentHash,
                                  sourcePath: item.sourcePath, analyzer: EpisodeAnalyzer(), sliceBytes: 1_000) { _, left in
            remaining.append(left)
            return remaining.count < 3
        }
        XCTAssertNil(ordinal)
        XCTAssertEqual(remaining.count, 3)
        XCTAssertEqual(remaining, remaining.sorted(by: >), "what is left to build only shrinks")
        let built = cues.prefix { $0.text.isEmpty }.count
        XCTAssertGreaterThan(built, 0)
        XCTAssertLessThan(built, cues.count, "three slices, not the whole episode")
        let left = cues.capacity * MemoryLayout<Cue>.stride + cues[built...].reduce(0) { $0 + SegmentBuilder.heapBytes(of: $1) }
        XCTAssertEqual(remaining.last, left, "the count is the array and the strings of the cues not yet built")
    }

    func testLongEpisodesJoinedBetweenBatchesAreIndexedLikeAnyOther() throws {
        let small = (0..<5).map { episode("s\($0)", cues: 40 + $0 * 7, seed: 10 + UInt64($0)) }
        let long = (0..<3).map { episode("l\($0)", cues: 700, seed: 20 + UInt64($0)) }
        // The second long one replaces a small one's id: the small copy must disappear.
        let replacement = episode("s1", cues: 500, seed: 30)
        let order = [small[0], small[1], long[0], long[1], small[2], replacement, small[3], long[2], small[4]]
        let expected = [small[0], long[0], long[1], small[2], replacement, small[3], long[2], small[4]]
        let sequential = directory("sequential")
        try TestArchive.build(sequential, expected)

        let joined = directory("joined")
        let writer = try IndexWriter.open(directory: joined, memoryBudget: 1 << 30)
        let analyzer = writer.analyzer
        let nothing = TranscriptLoadingCost(fileBytes: 0, cueTimings: 0)
        var pending: [IndexableEpisode] = []
        func addPending() throws {
            let items = pending
            let batch = try writer.beginBatch(count: items.count)
            DispatchQueue.concurrentPerform(iterations: batch.laneCount) { lane in
                for item in stride(from: lane, to: items.count, by: batch.laneCount) {
                    batch.build(item, analyzer.analyse(items[item]))
                }
            }
            try writer.finish(batch)
            pending = []
        }
        for item in order {
            guard item.cues.count >= 500 else {
                pending.append(item)
                continue
            }
            if !pending.isEmpty { try addPending() }
            var loaded = item
            try writer.prepareToAddAlone(loading: nothing)
            XCTAssertEqual(try writer.addAlone(&loaded, transcript: "\(item.episode.id).vtt", fileBytes: 1), .added)
            XCTAssertTrue(loaded.cues.isEmpty)
        }
        try addPending()
        try writer.commit()
        writer.close()

        XCTAssertEqual(try TestArchive.occurrences(joined), try TestArchive.occurrences(sequential))
        let reader = try IndexReader.open(directory: joined)
        XCTAssertEqual(reader.episodeCount, expected.count)
        for item in expected {
            let (segmentIndex, ordinal) = try XCTUnwrap(reader.locate(episodeID: item.episode.id))
            let segment = reader.segments[segmentIndex]
            let range = segment.cueRange(ofEpisode: ordinal)
            XCTAssertEqual(range.count, item.cues.count, item.episode.id)
            for (offset, cue) in item.cues.enumerated() where offset % 41 == 0 {
                let stored = try segment.cue(range.lowerBound + offset)
                XCTAssertEqual(stored.text, cue.text)
                XCTAssertEqual(stored.speaker, cue.speaker)
                XCTAssertEqual(stored.start, cue.start)
            }
        }
        XCTAssertFalse(try IndexVerifier.verify(directory: joined).isCorrupt)
    }

    func testAnEpisodeThatCannotFitIsRefusedAndTheIndexStaysAsItWas() throws {
        let folder = directory("refused")
        try TestArchive.build(folder, [TestArchive.vreta])
        let manifest = try Data(contentsOf: URL(fileURLWithPath: folder + "/manifest.json"))
        // A budget of 1 MB leaves nothing beside the process itself.
        let writer = try IndexWriter.open(directory: folder, memoryBudget: 1 << 20)
        var loaded = episode("lang", cues: 300, seed: 5)
        try writer.prepareToAddAlone(loading: TranscriptLoadingCost(fileBytes: 0, cueTimings: 0))
        guard case .refused(let diagnostic) = try writer.addAlone(&loaded, transcript: "lang/transcript.vtt", fileBytes: 40_000) else {
            return XCTFail("a 1 MB budget holds no episode")
        }
        XCTAssertEqual(diagnostic.file, "lang/transcript.vtt")
        XCTAssertTrue(diagnostic.message.hasPrefix("indexing this 0.0 MB transcript needs more memory than the 0.0 MB "
            + "the memory budget of 1 MB leaves beside the index itself ("), diagnostic.message)
        XCTAssertTrue(diagnostic.message.contains("; it was not indexed and the index is unchanged. Index it with a larger "
            + "budget (talks ingest --memory "), diagnostic.message)
        let refusal = writer.refusalBeforeLoading(transcript: "lang/transcript.vtt",
                                                  cost: TranscriptLoadingCost(fileBytes: 5 << 20, cueTimings: 1_000))
        XCTAssertEqual(refusal?.message.hasPrefix("the transcript is 5.0 MB with up to 1000 cues; reading and parsing it "
            + "takes about 17.9 MB, more than the 0.0 MB the memory budget of 1 MB leaves"), true, "\(String(describing: refusal))")
        try writer.commit()
        writer.close()
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: folder + "/manifest.json")), manifest)
        let reader = try IndexReader.open(directory: folder)
        XCTAssertEqual(reader.episodeCount, 1)
        XCTAssertNil(reader.locate(episodeID: "lang"))
    }
}
