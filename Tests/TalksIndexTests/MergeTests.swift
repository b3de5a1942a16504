import XCTest
import TalksModel
@testable import TalksIndex

/// The tiered merge policy and what merging keeps and drops.
final class MergeTests: XCTestCase {
    var directory = ""

    override func setUp() {
        directory = TestArchive.temporaryDirectory(name)
    }

    override func tearDown() {
        TestArchive.cleanUp(directory)
    }

    private func episode(_ number: Int) -> IndexableEpisode {
        TestArchive.episode("\(number)", title: "Avsnitt \(number)", cues: [
            (0, "Vi pratar om avsnitt nummer \(number) och livsmedelsstrategin.", nil),
            (5, "Torkan och våtmarker i avsnitt \(number).", "Anna Berg"),
        ])
    }

    func testEightSmallSegmentsMergeIntoOneKeepingEveryLiveEpisode() throws {
        for number in 1...7 {
            let writer = try IndexWriter.open(directory: directory)
            try writer.add(episode(number))
            try writer.commit()
            writer.close()
        }
        XCTAssertEqual(try IndexReader.open(directory: directory).segments.count, 7)
        let writer = try IndexWriter.open(directory: directory)
        try writer.add(episode(8))
        let summary = try writer.commit()
        writer.close()
        // Eight one-episode segments in the smallest tier become one.
        XCTAssertEqual(summary.segmentsMerged, 8)
        let reader = try IndexReader.open(directory: directory)
        XCTAssertEqual(reader.segments.count, 1)
        XCTAssertEqual(reader.episodeCount, 8)
        let segment = reader.segments[0]
        XCTAssertEqual(segment.episodeCount, 8)
        XCTAssertEqual(Set((0..<8).compactMap { try? segment.episodeID($0) }), Set((1...8).map(String.init)))
        // Postings are rebuilt: "torkan" occurs in the second cue of every episode.
        let torkan = try XCTUnwrap(segment.termOrdinal("torkan"))
        XCTAssertEqual(segment.documentFrequency(term: torkan, field: .transcript), 8)
        var cursor = segment.postings(term: torkan, field: .transcript)
        var cues: [Int] = []
        while cursor.next() { cues.append(cursor.document) }
        XCTAssertEqual(cues, [1, 3, 5, 7, 9, 11, 13, 15])
        XCTAssertEqual(try segment.cue(1).speaker, "Anna Berg")
        XCTAssertFalse(try IndexVerifier.verify(directory: directory).isCorrupt)
    }

    func testSegmentWithManyDeletionsIsRewrittenWithoutThem() throws {
        try TestArchive.build(directory, (1...10).map { episode($0) })
        let writer = try IndexWriter.open(directory: directory)
        for number in [2, 4, 6, 8] { try writer.remove(id: "\(number)") }
        let summary = try writer.commit()
        writer.close()
        XCTAssertEqual(summary.segmentsMerged, 1)
        let reader = try IndexReader.open(directory: directory)
        XCTAssertEqual(reader.segments.count, 1)
        XCTAssertEqual(reader.segments[0].episodeCount, 6)
        XCTAssertEqual(reader.segments[0].deletedEpisodes, [])
        XCTAssertEqual(reader.episodeCount, 6)
        XCTAssertNil(reader.locate(episodeID: "4"))
        XCTAssertNotNil(reader.locate(episodeID: "5"))
    }

    func testFewDeletionsStayAsMarks() throws {
        try TestArchive.build(directory, (1...10).map { episode($0) })
        let writer = try IndexWriter.open(directory: directory)
        try writer.remove(id: "2")
        XCTAssertEqual(try writer.commit().segmentsMerged, 0)
        writer.close()
        let segment = try IndexReader.open(directory: directory).segments[0]
        XCTAssertEqual(segment.episodeCount, 10)
        XCTAssertEqual(segment.deletedEpisodes, [1])
    }

    func testMergePolicyTiers() {
        func segment(_ number: UInt32, _ episodes: Int, _ deleted: Int = 0) -> (id: SegmentID, episodes: Int, deleted: Int) {
            (SegmentID(generation: 1, number: number), episodes, deleted)
        }
        XCTAssertEqual(MergePolicy.groupsToMerge((0..<7).map { segment($0, 1) }), [])
        XCTAssertEqual(MergePolicy.groupsToMerge((0..<8).map { segment($0, 1) }).map(\.count), [8])
        // Different tiers do not mix: seven small and one large do not merge.
        XCTAssertEqual(MergePolicy.groupsToMerge((0..<7).map { segment($0, 2) } + [segment(9, 500)]), [])
        XCTAssertEqual(MergePolicy.groupsToMerge([segment(0, 10, 4)]).map(\.count), [1])
        XCTAssertEqual(MergePolicy.groupsToMerge([segment(0, 10, 3)]), [])
        XCTAssertEqual(MergePolicy.groupsToMerge([segment(0, 10, 10)]), [], "fully deleted segments are dropped, not merged")
        // Nothing bigger than the memory budget allows is merged.
        let eight = (0..<8).map { segment($0, 1) }
        let sizes = Dictionary(uniqueKeysWithValues: eight.map { ($0.id, 1000) })
        XCTAssertEqual(MergePolicy.groupsToMerge(eight, bytes: sizes, maximumBytes: 8000).map(\.count), [8])
        XCTAssertEqual(MergePolicy.groupsToMerge(eight, bytes: sizes, maximumBytes: 7999), [])
        XCTAssertEqual(MergePolicy.groupsToMerge([segment(0, 10, 5)], bytes: [SegmentID(generation: 1, number: 0): 50],
                                                 maximumBytes: 49), [])
    }
}
