import XCTest
import TalksModel
@testable import TalksIndex

/// Postings lists longer than one skip block: next, advance (with and without skips),
/// positions after skipping, and the end of the list.
final class PostingsCursorTests: XCTestCase {
    var directory = ""

    override func setUp() {
        directory = TestArchive.temporaryDirectory(name)
    }

    override func tearDown() {
        TestArchive.cleanUp(directory)
    }

    /// 1,000 cues: every cue says "och", every third also "sen" (twice in cue 0 mod 6).
    private func buildLongLists() throws -> SegmentReader {
        var cues: [(Double, String, String?)] = []
        for index in 0..<1000 {
            var text = "och \(index)"
            if index % 3 == 0 { text += " sen" }
            if index % 6 == 0 { text += " och sen" }
            cues.append((Double(index), text, nil))
        }
        try TestArchive.build(directory, [TestArchive.episode("1", title: "lång", cues: cues)])
        return try XCTUnwrap(IndexReader.open(directory: directory).segments.first)
    }

    func testNextVisitsEveryDocumentInOrder() throws {
        let segment = try buildLongLists()
        let sen = try XCTUnwrap(segment.termOrdinal("sen"))
        XCTAssertEqual(segment.documentFrequency(term: sen, field: .transcript), 334)
        var cursor = segment.postings(term: sen, field: .transcript)
        var documents: [Int] = []
        var positions: [[UInt32]] = []
        while cursor.next() {
            documents.append(cursor.document)
            positions.append(cursor.positions())
            XCTAssertEqual(cursor.frequency, cursor.document % 6 == 0 ? 2 : 1)
        }
        XCTAssertEqual(documents, Array(stride(from: 0, to: 1000, by: 3)))
        XCTAssertEqual(positions[0], [2, 4])
        XCTAssertEqual(positions[1], [2])
        XCTAssertFalse(cursor.isCorrupt)
        XCTAssertEqual(cursor.document, Int.max)
        XCTAssertFalse(cursor.next(), "stays exhausted")
    }

    func testAdvanceUsesSkipsAndLandsOnTheFirstDocumentAtOrAfterTarget() throws {
        let segment = try buildLongLists()
        let och = try XCTUnwrap(segment.termOrdinal("och"))
        let sen = try XCTUnwrap(segment.termOrdinal("sen"))
        var cursor = segment.postings(term: sen, field: .transcript)
        XCTAssertTrue(cursor.advance(to: 500))
        XCTAssertEqual(cursor.document, 501)
        XCTAssertEqual(cursor.positions(), [2])
        XCTAssertTrue(cursor.advance(to: 501), "already there")
        XCTAssertEqual(cursor.document, 501)
        XCTAssertTrue(cursor.advance(to: 10), "a smaller target stays put")
        XCTAssertEqual(cursor.document, 501)
        XCTAssertTrue(cursor.next())
        XCTAssertEqual(cursor.document, 504)
        XCTAssertEqual(cursor.positions(), [2, 4])
        XCTAssertTrue(cursor.advance(to: 999))
        XCTAssertEqual(cursor.document, 999)
        XCTAssertFalse(cursor.advance(to: 1000))
        XCTAssertEqual(cursor.document, Int.max)

        // Intersect "och" and "sen" with advance, as a conjunction would.
        var left = segment.postings(term: och, field: .transcript)
        var right = segment.postings(term: sen, field: .transcript)
        var both: [Int] = []
        var positions: [UInt32] = []
        if left.next() && right.next() {
            while left.document != Int.max && right.document != Int.max {
                if left.document == right.document {
                    both.append(left.document)
                    left.positions(into: &positions)
                    XCTAssertEqual(positions.first, 0)
                    _ = left.next()
                    _ = right.next()
                } else if left.document < right.document {
                    _ = left.advance(to: right.document)
                } else {
                    _ = right.advance(to: left.document)
                }
            }
        }
        XCTAssertEqual(both, Array(stride(from: 0, to: 1000, by: 3)))
    }

    func testAdvanceFromTheStartAndPositionsOfEveryBlock() throws {
        let segment = try buildLongLists()
        let och = try XCTUnwrap(segment.termOrdinal("och"))
        for target in [0, 127, 128, 129, 255, 256, 640, 998] {
            var cursor = segment.postings(term: och, field: .transcript)
            XCTAssertTrue(cursor.advance(to: target))
            XCTAssertEqual(cursor.document, target)
            XCTAssertEqual(cursor.positions(), target % 6 == 0 ? [0, 3] : [0], "cue \(target)")
        }
    }

    /// Forward jumps of every size (inside a block, to the next one, across many) mixed with
    /// `next()`, and positions read only now and then, so many documents' positions are
    /// skipped at once (eight bytes at a time): every stop must agree with a plain walk.
    func testMixedJumpsAgreeWithALinearWalk() throws {
        var cues: [(Double, String, String?)] = []
        for index in 0..<1000 {
            // "och" 1 to 12 times per cue, so skipped positions span whole 8-byte words.
            let repeats = 1 + (index * 7) % 12
            cues.append((Double(index), Array(repeating: "och", count: repeats).joined(separator: " ") + " \(index)", nil))
        }
        try TestArchive.build(directory, [TestArchive.episode("1", title: "hopp", cues: cues)])
        let segment = try XCTUnwrap(IndexReader.open(directory: directory).segments.first)
        let och = try XCTUnwrap(segment.termOrdinal("och"))
        var reference: [Int: [UInt32]] = [:]
        var walk = segment.postings(term: och, field: .transcript)
        while walk.next() { reference[walk.document] = walk.positions() }
        XCTAssertEqual(reference.count, 1000)

        var cursor = segment.postings(term: och, field: .transcript)
        var target = 0
        var seed: UInt64 = 12345
        var stops = 0
        while target < 1000 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            // Mostly short hops inside a block, now and then one across several blocks.
            let jump = Int(seed >> 33) % ((seed >> 20) % 8 == 0 ? 300 : 20)
            let useNext = seed >> 62 == 0
            if useNext {
                guard cursor.next() else { break }
            } else {
                guard cursor.advance(to: target) else { break }
                XCTAssertEqual(cursor.document, target)
            }
            if (seed >> 40) % 3 == 0 {
                XCTAssertEqual(cursor.positions(), reference[cursor.document], "cue \(cursor.document)")
            }
            XCTAssertEqual(cursor.frequency, reference[cursor.document]?.count)
            target = cursor.document + 1 + jump
            stops += 1
        }
        XCTAssertGreaterThan(stops, 20)
        XCTAssertFalse(cursor.isCorrupt)
    }

    func testEpisodePostingsAggregateTheTranscript() throws {
        let segment = try buildLongLists()
        var cursor = segment.episodePostings(term: try XCTUnwrap(segment.termOrdinal("och")))
        XCTAssertTrue(cursor.next())
        XCTAssertEqual(cursor.document, 0)
        XCTAssertEqual(cursor.frequency, 1000 + 167)
        XCTAssertFalse(cursor.next())
    }

    func testUnknownTermAndFieldGiveEmptyCursors() throws {
        let segment = try buildLongLists()
        var cursor = segment.postings(term: 999_999, field: .transcript)
        XCTAssertFalse(cursor.next())
        var title = segment.postings(term: try XCTUnwrap(segment.termOrdinal("sen")), field: .title)
        XCTAssertFalse(title.next())
        XCTAssertFalse(title.advance(to: 3))
        XCTAssertEqual(segment.documentFrequency(term: -1, field: .title), 0)
    }
}
