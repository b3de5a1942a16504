import Foundation
import TalksIndex
import XCTest
@testable import TalksIndexing

/// `TranscriptLoadingCost.of(transcript:countingAbove:)`: a transcript file measured, and
/// its `-->` counted, before it is loaded (`IndexWriter+LongEpisodes` decides with it).
final class TranscriptLoadingCostTests: XCTestCase {
    func testLoadingCostCountsEveryTimingLineEvenAcrossReads() throws {
        let folder = TestFolders.temporaryDirectory()
        defer { TestFolders.cleanUp(folder) }
        // Arrows split by the 1 MB reads before their ">" and between their dashes, two
        // that share nothing, then ordinary cues.
        var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: (1 << 20) - 2)
        bytes += Array("-->".utf8)
        bytes += [UInt8](repeating: UInt8(ascii: "b"), count: (1 << 20) - 2)
        bytes += Array("-->".utf8)
        XCTAssertEqual(bytes.count, (2 << 20) + 2)
        bytes += Array("c-->-->".utf8)
        for cue in 0..<1_000 { bytes += Array("\n00:00:\(cue % 50 + 10).000 --> 00:01:00.000\nord -> - > --\n".utf8) }
        let path = folder + "/transcript.vtt"
        try Data(bytes).write(to: URL(fileURLWithPath: path))

        let counted = TranscriptLoadingCost.of(transcript: path, countingAbove: 0)
        XCTAssertEqual(counted, TranscriptLoadingCost(fileBytes: bytes.count, cueTimings: 1_004))
        XCTAssertEqual(counted.loadingBytes, bytes.count / 2 * 7 + 1_004 * 400)
        // Under the limit the size alone decides, every cue assumed as short as can be.
        let bound = TranscriptLoadingCost.of(transcript: path, countingAbove: Int.max)
        XCTAssertEqual(bound, TranscriptLoadingCost(fileBytes: bytes.count, cueTimings: bytes.count / 24))
        XCTAssertEqual(TranscriptLoadingCost.of(transcript: folder + "/missing.vtt", countingAbove: 0),
                       TranscriptLoadingCost(fileBytes: 0, cueTimings: 0))
        XCTAssertEqual(TranscriptLoadingCost.of(transcript: nil, countingAbove: 0), TranscriptLoadingCost(fileBytes: 0, cueTimings: 0))
        // A folder is not counted: the loader names what is wrong with it.
        XCTAssertEqual(TranscriptLoadingCost.of(transcript: folder, countingAbove: 0).cueTimings,
                       Int(try XCTUnwrap(FileManager.default.attributesOfItem(atPath: folder)[.size] as? NSNumber).intValue) / 24)
    }
}
