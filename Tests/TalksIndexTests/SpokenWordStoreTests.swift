import XCTest
import TalksModel
@testable import TalksIndex

/// What format version 2 stores besides version 1: each cue's word times (`.store`), the
/// link template and chapters (`.episodes`), and the chapter titles as a field; read back
/// exactly, kept by merges, and checked by the reader.
final class SpokenWordStoreTests: XCTestCase {
    var directory = ""

    override func setUp() {
        directory = TestArchive.temporaryDirectory(name)
    }

    override func tearDown() {
        TestArchive.cleanUp(directory)
    }

    func testWordTimesChaptersAndLinkTemplateReadBackExactly() throws {
        try TestArchive.build(directory, [TestArchive.vreta, TestArchive.water])
        let segment = try XCTUnwrap(try IndexReader.open(directory: directory).segments.first)
        let vreta = try XCTUnwrap(segment.episodeOrdinal(id: "55"))
        let cues = segment.cueRange(ofEpisode: vreta)
        for (index, cue) in cues.enumerated() {
            XCTAssertEqual(try segment.cue(cue).wordTimes, TestArchive.vreta.cues[index].wordTimes, "cue \(index)")
        }
        XCTAssertEqual(try segment.cue(cues.lowerBound + 2).start(ofWordAtUTF8Offset: 39), 12.9)
        let episode = try segment.episode(vreta)
        XCTAssertEqual(episode.chapters, TestArchive.vreta.episode.chapters)
        XCTAssertEqual(episode.linkTemplate, "https://play.example.se/v/55?start={seconds}")
        let water = try segment.episode(try XCTUnwrap(segment.episodeOrdinal(id: "56")))
        XCTAssertEqual(water.chapters, [])
        XCTAssertNil(water.linkTemplate)
        // Chapter titles are indexed as their own field, positions and all.
        let strategin = try XCTUnwrap(segment.termOrdinal("strategin"))
        XCTAssertEqual(segment.documentFrequency(term: strategin, field: .chapters), 1)
        XCTAssertEqual(segment.fieldLength(.chapters, document: vreta), 4)
        XCTAssertFalse(try IndexVerifier.verify(directory: directory).isCorrupt)
    }

    /// A cue without word times costs no byte: the same episode with and without its 3
    /// timed words differs by exactly their bytes (a count and two deltas each).
    func testACueWithoutWordTimesCostsNoByte() throws {
        var plain = TestArchive.vreta
        for index in plain.cues.indices { plain.cues[index].wordTimes = [] }
        let timed = directory + "/timed"
        let untimed = directory + "/untimed"
        try TestArchive.build(timed, [TestArchive.vreta])
        try TestArchive.build(untimed, [plain])
        let size = { (path: String) in try XCTUnwrap(FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) }
        // Cue 2: count 1 byte, (16, 1200 ms) 1 + 2, (23, 1700 ms) 1 + 2; cue 3: 1 + (10, 800 ms) 1 + 2.
        XCTAssertEqual(try size(timed + "/seg-1-0.store") - size(untimed + "/seg-1-0.store"), 7 + 4)
    }

    /// Whatever an `IndexableEpisode` holds, the store keeps word times that fit their cue:
    /// ascending offsets inside the text, times clamped into the cue and never decreasing.
    func testWordTimesAreStoredNormalised() throws {
        let cue = Cue(start: 10, end: 14, text: "ett två tre fyra", wordTimes: [
            WordTime(utf8Offset: 4, milliseconds: 9_000),   // before the cue: its start
            WordTime(utf8Offset: 9, milliseconds: 12_000),
            WordTime(utf8Offset: 8, milliseconds: 12_500),  // not after the previous offset: dropped
            WordTime(utf8Offset: 12, milliseconds: 11_000), // earlier than the previous word: its time
            WordTime(utf8Offset: 40, milliseconds: 13_000), // past the text: dropped
        ])
        let episode = IndexableEpisode(episode: Episode(id: "n", title: "Normaliserat"), cues: [cue],
                                       contentHash: "h", sourcePath: "archive/n")
        try TestArchive.build(directory, [episode])
        let stored = try IndexReader.open(directory: directory).segments[0].cue(0)
        XCTAssertEqual(stored.wordTimes, [WordTime(utf8Offset: 4, milliseconds: 10_000), WordTime(utf8Offset: 9, milliseconds: 12_000),
                                          WordTime(utf8Offset: 12, milliseconds: 12_000)])
    }

    /// Merges re-read episodes from the store: word times, chapters and templates survive.
    func testMergesKeepWordTimesChaptersAndLinkTemplates() throws {
        func episode(_ number: Int) -> IndexableEpisode {
            var episode = TestArchive.vreta
            episode.episode.id = "v\(number)"
            episode.episode.chapters.append(Chapter(start: 20 + Double(number), title: "Frågor \(number)"))
            episode.cues[3].wordTimes = [WordTime(utf8Offset: 10, milliseconds: UInt32(15_000 + 100 * number))]
            return episode
        }
        for number in 1...7 {
            let writer = try IndexWriter.open(directory: directory)
            try writer.add(episode(number))
            try writer.commit()
            writer.close()
        }
        let writer = try IndexWriter.open(directory: directory)
        try writer.add(episode(8))
        XCTAssertEqual(try writer.commit().segmentsMerged, 8)
        writer.close()
        let segment = try XCTUnwrap(try IndexReader.open(directory: directory).segments.first)
        XCTAssertEqual(segment.episodeCount, 8)
        for number in 1...8 {
            let ordinal = try XCTUnwrap(segment.episodeOrdinal(id: "v\(number)"))
            let expected = episode(number)
            XCTAssertEqual(try segment.episode(ordinal).chapters, expected.episode.chapters)
            XCTAssertEqual(try segment.episode(ordinal).linkTemplate, expected.episode.linkTemplate)
            let cues = segment.cueRange(ofEpisode: ordinal)
            XCTAssertEqual(try cues.map { try segment.cue($0).wordTimes }, expected.cues.map(\.wordTimes))
        }
        let frågor = try XCTUnwrap(segment.termOrdinal("frågor"))
        XCTAssertEqual(segment.documentFrequency(term: frågor, field: .chapters), 8)
        XCTAssertFalse(try IndexVerifier.verify(directory: directory).isCorrupt)
    }

    func testDamagedWordTimesAreRefusedSayingWhat() {
        func decode(_ bytes: [UInt8], textLength: Int = 20, duration: UInt64 = 5_000) -> Result<[WordTime], WordTimeCoding.Damage> {
            bytes.withUnsafeBytes { raw in
                var offset = 0
                let result = WordTimeCoding.decode(raw, at: &offset, end: raw.count, textLength: textLength,
                                                   startMilliseconds: 10_000, durationMilliseconds: duration)
                if case .failure = result { XCTAssertEqual(offset, 0, "a refused list moves no offset") }
                return result
            }
        }
        // Two words: at offset 3 after 1,200 ms, at offset 9 after 2,000 ms.
        XCTAssertEqual(try decode([0x02, 0x03, 0xB0, 0x09, 0x06, 0xA0, 0x06]).get(),
                       [WordTime(utf8Offset: 3, milliseconds: 11_200), WordTime(utf8Offset: 9, milliseconds: 12_000)])
        XCTAssertEqual(decode([0x02, 0x03, 0xB0, 0x09, 0x06]), .failure(.truncated))
        XCTAssertEqual(decode([0x7F, 0x00, 0x00]), .failure(.countTooLarge(127)))
        XCTAssertEqual(decode([0x01, 0x14, 0x00]), .failure(.offsetOutOfRange(entry: 0)))
        XCTAssertEqual(decode([0x02, 0x03, 0x00, 0x00, 0x00]), .failure(.offsetOutOfRange(entry: 1)))
        XCTAssertEqual(decode([0x01, 0x03, 0x89, 0x27]), .failure(.timeOutOfRange(entry: 0)))
    }
}
