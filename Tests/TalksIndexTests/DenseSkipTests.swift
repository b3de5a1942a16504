import XCTest
import TalksModel
@testable import TalksIndex

/// Long postings lists (`PostingsEncoder.denseListMinimum` documents or more) carry a skip
/// entry every 32 documents, short ones every 128: the table's size, and that every jump
/// over a dense table lands where a plain walk says, positions included, in one segment
/// and after a merge.
final class DenseSkipTests: XCTestCase {
    var directory = ""

    override func setUp() {
        directory = TestArchive.temporaryDirectory(name)
    }

    override func tearDown() {
        TestArchive.cleanUp(directory)
    }

    /// `cueCount` cues split over episodes of 700: every cue says "och" 1–5 times, every
    /// fifth also "sen".
    private func episodes(cueCount: Int, prefix: String) -> [IndexableEpisode] {
        var result: [IndexableEpisode] = []
        var cues: [(Double, String, String?)] = []
        for index in 0..<cueCount {
            var words = Array(repeating: "och", count: 1 + (index * 7) % 5)
            words.append("\(prefix)\(index)")
            if index % 5 == 0 { words.insert("sen", at: index % 3) }
            cues.append((Double(cues.count), words.joined(separator: " "), nil))
            if cues.count == 700 || index == cueCount - 1 {
                result.append(TestArchive.episode("\(prefix)\(result.count)", title: "lång", cues: cues))
                cues = []
            }
        }
        return result
    }

    private func reference(_ segment: SegmentReader, _ term: Int) -> [(Int, [UInt32])] {
        var walk = segment.postings(term: term, field: .transcript)
        var result: [(Int, [UInt32])] = []
        while walk.next() { result.append((walk.document, walk.positions())) }
        return result
    }

    /// Random forward jumps of every size (within a 32-block, across one, across many)
    /// mixed with `next()`; every stop agrees with the plain walk.
    private func assertJumpsAgree(_ segment: SegmentReader, _ term: Int, seed start: UInt64,
                                  file: StaticString = #filePath, line: UInt = #line) {
        let walk = reference(segment, term)
        var byDocument: [Int: [UInt32]] = [:]
        for (document, positions) in walk { byDocument[document] = positions }
        let documents = walk.map(\.0)
        var cursor = segment.postings(term: term, field: .transcript)
        var seed = start
        var target = 0
        var stops = 0
        while true {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            let jump = Int(seed >> 33) % ((seed >> 20) % 4 == 0 ? 900 : 40)
            if seed >> 62 == 0 {
                guard cursor.next() else { break }
            } else {
                let moved = cursor.advance(to: target)
                let expected = documents.first { $0 >= target }
                XCTAssertEqual(moved ? cursor.document : nil, expected, "advance(to: \(target))", file: file, line: line)
                guard moved else { break }
            }
            if (seed >> 40) % 3 == 0 {
                XCTAssertEqual(cursor.positions(), byDocument[cursor.document], "document \(cursor.document)", file: file, line: line)
            }
            XCTAssertEqual(cursor.frequency, byDocument[cursor.document]?.count, file: file, line: line)
            target = cursor.document + 1 + jump
            stops += 1
        }
        XCTAssertGreaterThan(stops, 30, file: file, line: line)
        XCTAssertFalse(cursor.isCorrupt, file: file, line: line)
    }

    func testALongListSkipsEvery32DocumentsAndAShortOneEvery128() throws {
        try TestArchive.build(directory, episodes(cueCount: 6000, prefix: "a"))
        let segment = try XCTUnwrap(IndexReader.open(directory: directory).segments.first)
        let och = try XCTUnwrap(segment.termOrdinal("och"))
        let sen = try XCTUnwrap(segment.termOrdinal("sen"))
        XCTAssertEqual(segment.documentFrequency(term: och, field: .transcript), 6000)
        XCTAssertEqual(segment.documentFrequency(term: sen, field: .transcript), 1200)
        // Entries start the blocks at documents 32, 64, … (6000 / 32 = 187, the last full
        // one at 5984) and 128, 256, … (1200 / 128 = 9).
        XCTAssertEqual(segment.postings(term: och, field: .transcript).skipEntryCount, 187)
        XCTAssertEqual(segment.postings(term: sen, field: .transcript).skipEntryCount, 9)
        assertJumpsAgree(segment, och, seed: 1)
        assertJumpsAgree(segment, och, seed: 99)
        assertJumpsAgree(segment, sen, seed: 7)
    }

    func testAMergeOfShortListsWritesADenseTable() throws {
        // Eight commits of 625 cues (one episode each): 625 documents of "och" per segment
        // (short tables); the eighth commit merges the smallest tier into one segment of
        // 5,000 (a dense table).
        for number in 0..<8 {
            let writer = try IndexWriter.open(directory: directory)
            try writer.add(contentsOf: episodes(cueCount: 625, prefix: "e\(number)x"))
            let summary = try writer.commit()
            writer.close()
            if number < 7 {
                let segment = try XCTUnwrap(IndexReader.open(directory: directory).segments.last)
                let och = try XCTUnwrap(segment.termOrdinal("och"))
                XCTAssertEqual(segment.postings(term: och, field: .transcript).skipEntryCount, 625 / 128)
            } else {
                XCTAssertEqual(summary.segmentsMerged, 8)
            }
        }
        let reader = try IndexReader.open(directory: directory)
        XCTAssertEqual(reader.segments.count, 1)
        let segment = try XCTUnwrap(reader.segments.first)
        let och = try XCTUnwrap(segment.termOrdinal("och"))
        XCTAssertEqual(segment.documentFrequency(term: och, field: .transcript), 5000)
        XCTAssertEqual(segment.postings(term: och, field: .transcript).skipEntryCount, 5000 / 32)
        assertJumpsAgree(segment, och, seed: 3)
        XCTAssertFalse(try IndexVerifier.verify(directory: directory).isCorrupt)
    }
}
