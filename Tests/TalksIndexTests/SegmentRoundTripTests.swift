import XCTest
import TalksModel
@testable import TalksIndex

/// Write → read of every structure of a segment.
final class SegmentRoundTripTests: XCTestCase {
    var directory = ""

    override func setUp() {
        directory = TestArchive.temporaryDirectory(name)
    }

    override func tearDown() {
        TestArchive.cleanUp(directory)
    }

    func testEpisodesAndCuesRoundTrip() throws {
        try TestArchive.build(directory, [TestArchive.vreta, TestArchive.water])
        let reader = try IndexReader.open(directory: directory)
        XCTAssertEqual(reader.generation, 1)
        XCTAssertEqual(reader.episodeCount, 2)
        XCTAssertEqual(reader.segments.count, 1)
        let segment = try XCTUnwrap(reader.segments.first)
        XCTAssertEqual(segment.episodeCount, 2)
        XCTAssertEqual(segment.cueCount, 9)
        let episode = try segment.episode(0)
        XCTAssertEqual(episode, TestArchive.vreta.episode)
        XCTAssertEqual(try segment.episode(1), TestArchive.water.episode)
        XCTAssertEqual(segment.cueRange(ofEpisode: 0), 0..<6)
        XCTAssertEqual(segment.cueRange(ofEpisode: 1), 6..<9)
        XCTAssertEqual(segment.episodeOrdinal(ofCue: 5), 0)
        XCTAssertEqual(segment.episodeOrdinal(ofCue: 6), 1)
        XCTAssertEqual(segment.episodeOrdinal(ofCue: 9), -1)
        let cue = try segment.cue(7)
        XCTAssertEqual(cue.text, "Våtmarker håller kvar vatten i landskapet.")
        XCTAssertEqual(cue.start, 6)
        XCTAssertEqual(cue.end, 10.5)
        XCTAssertEqual(cue.speaker, "Anna Berg")
        XCTAssertNil(try segment.cue(8).speaker)
        XCTAssertEqual(try segment.contentHash(ofEpisode: 1), TestArchive.water.contentHash)
        XCTAssertEqual(try segment.sourcePath(ofEpisode: 0), "archive/55")
        XCTAssertEqual(segment.episodeOrdinal(id: "56"), 1)
        XCTAssertNil(segment.episodeOrdinal(id: "57"))
        XCTAssertThrowsError(try segment.cue(9))
        XCTAssertThrowsError(try segment.episode(-1))
        // The filter fields read alone agree with the whole episode.
        for ordinal in 0..<2 {
            let whole = try segment.episode(ordinal)
            let fields = try segment.episodeFilterFields(ordinal)
            XCTAssertEqual(fields.series, whole.series)
            XCTAssertEqual(fields.date, whole.date)
            XCTAssertEqual(fields.timestamp, whole.timestamp)
            XCTAssertEqual(fields.speakers, whole.speakers.map(\.name))
        }
        XCTAssertThrowsError(try segment.episodeFilterFields(2))
    }

    func testTermDictionaryLookupsAndPrefixes() throws {
        try TestArchive.build(directory, [TestArchive.vreta, TestArchive.water])
        let segment = try XCTUnwrap(IndexReader.open(directory: directory).segments.first)
        var previous: [UInt8] = []
        for ordinal in 0..<segment.termCount {
            let bytes = Array(segment.term(at: ordinal).utf8)
            XCTAssertTrue(previous.lexicographicallyPrecedes(bytes) || ordinal == 0, "terms sorted by bytes")
            XCTAssertEqual(segment.termOrdinal(segment.term(at: ordinal)), ordinal)
            previous = bytes
        }
        XCTAssertNotNil(segment.termOrdinal("livsmedelsstrategi"))
        XCTAssertNotNil(segment.termOrdinal("östergötlands"))
        XCTAssertNotNil(segment.termOrdinal("snabbbemanning"), "hyphenated words give the joined form")
        XCTAssertNil(segment.termOrdinal("Vreta"), "terms are lowercased")
        XCTAssertNil(segment.termOrdinal("zzz"))
        let range = segment.termOrdinals(withPrefix: "livsmedel")
        let terms = range.map { segment.term(at: $0) }
        XCTAssertEqual(terms, ["livsmedel", "livsmedelsstrategi", "livsmedelsstrategin"])
        XCTAssertEqual(segment.termOrdinals(withPrefix: "qqq").count, 0)
        XCTAssertEqual(segment.termOrdinals(withPrefix: "").count, segment.termCount)
        XCTAssertEqual(segment.term(at: -1), "")
        XCTAssertEqual(segment.term(at: segment.termCount), "")
    }

    func testPostingsFrequenciesPositionsAndLengths() throws {
        try TestArchive.build(directory, [TestArchive.vreta, TestArchive.water])
        let segment = try XCTUnwrap(IndexReader.open(directory: directory).segments.first)
        let kluster = try XCTUnwrap(segment.termOrdinal("kluster"))
        var cursor = segment.postings(term: kluster, field: .transcript)
        XCTAssertTrue(cursor.next())
        XCTAssertEqual(cursor.document, 0)
        XCTAssertEqual(cursor.frequency, 1)
        XCTAssertEqual(cursor.positions(), [7], "välkomna till landet lär idag om gröna kluster")
        XCTAssertTrue(cursor.next())
        XCTAssertEqual(cursor.document, 1)
        XCTAssertEqual(cursor.positions(), [8])
        XCTAssertFalse(cursor.next())
        XCTAssertEqual(segment.documentFrequency(term: kluster, field: .transcript), 2)
        XCTAssertEqual(segment.documentFrequency(term: kluster, field: .tags), 1)
        XCTAssertEqual(segment.documentFrequency(term: kluster, field: .title), 1)
        XCTAssertEqual(segment.documentFrequency(term: kluster, field: .description), 1)
        XCTAssertEqual(segment.documentFrequency(term: kluster, field: .series), 0)
        var tags = segment.postings(term: kluster, field: .tags)
        XCTAssertTrue(tags.next())
        XCTAssertEqual(tags.document, 0)
        XCTAssertFalse(tags.next())

        var episodes = segment.episodePostings(term: kluster)
        XCTAssertTrue(episodes.next())
        XCTAssertEqual(episodes.document, 0)
        XCTAssertEqual(episodes.frequency, 2)
        XCTAssertEqual(episodes.positions(), [])
        XCTAssertFalse(episodes.next())

        let torka = try XCTUnwrap(segment.termOrdinal("torka"))
        var title = segment.postings(term: torka, field: .title)
        XCTAssertTrue(title.next())
        XCTAssertEqual(title.document, 1)
        XCTAssertEqual(title.positions(), [2])

        XCTAssertEqual(segment.fieldLength(.transcript, document: 7), 6)
        XCTAssertEqual(segment.fieldLength(.title, document: 1), 3)
        XCTAssertEqual(segment.fieldLength(.speakers, document: 0), 2)
        XCTAssertEqual(segment.averageFieldLength(.title), (9.0 + 3.0) / 2)
        XCTAssertEqual(segment.episodeTranscriptLength(episode: 1), 7 + 6 + 6)
    }

    func testRepeatedTermInOneCueHasAllPositions() throws {
        let episode = TestArchive.episode("1", title: "t", cues: [(0, "och sen och sen och", nil)])
        try TestArchive.build(directory, [episode])
        let segment = try XCTUnwrap(IndexReader.open(directory: directory).segments.first)
        var cursor = segment.postings(term: try XCTUnwrap(segment.termOrdinal("och")), field: .transcript)
        XCTAssertTrue(cursor.next())
        XCTAssertEqual(cursor.frequency, 3)
        XCTAssertEqual(cursor.positions(), [0, 2, 4])
        XCTAssertEqual(cursor.positions(), [0, 2, 4], "asking twice gives the same positions")
        XCTAssertEqual(cursor.frequency, 3)
    }

    func testEpisodesWithoutCuesAndCuesWithoutText() throws {
        let silent = TestArchive.episode("0", title: "Tyst", cues: [])
        let blank = TestArchive.episode("1", title: "Blank", cues: [(0, "", nil), (1, "…", "Anna"), (2, "Hej!", nil)])
        let alsoSilent = TestArchive.episode("2", title: "Också tyst", cues: [])
        try TestArchive.build(directory, [silent, blank, alsoSilent])
        let segment = try XCTUnwrap(IndexReader.open(directory: directory).segments.first)
        XCTAssertEqual(segment.episodeCount, 3)
        XCTAssertEqual(segment.cueCount, 3)
        XCTAssertEqual(segment.cueRange(ofEpisode: 0), 0..<0)
        XCTAssertEqual(segment.cueRange(ofEpisode: 1), 0..<3)
        XCTAssertEqual(segment.cueRange(ofEpisode: 2), 3..<3)
        for cue in 0..<3 { XCTAssertEqual(segment.episodeOrdinal(ofCue: cue), 1) }
        XCTAssertEqual(try segment.cue(0).text, "")
        XCTAssertEqual(try segment.cue(1).text, "…")
        XCTAssertEqual(try segment.cue(1).speaker, "Anna")
        XCTAssertEqual(segment.fieldLength(.transcript, document: 0), 0)
        XCTAssertEqual(segment.episodeTranscriptLength(episode: 0), 0)
        XCTAssertNotNil(segment.termOrdinal("tyst"))
        XCTAssertFalse(try IndexVerifier.verify(directory: directory).isCorrupt)
    }

    func testOnlySilentEpisodes() throws {
        try TestArchive.build(directory, [TestArchive.episode("0", title: "Tyst", cues: [])])
        let segment = try XCTUnwrap(IndexReader.open(directory: directory).segments.first)
        XCTAssertEqual(segment.cueCount, 0)
        XCTAssertEqual(segment.episodeOrdinal(ofCue: 0), -1)
        XCTAssertEqual(segment.averageFieldLength(.transcript), 0)
        XCTAssertFalse(try IndexVerifier.verify(directory: directory).isCorrupt)
    }
}
