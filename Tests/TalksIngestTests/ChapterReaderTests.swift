import XCTest
import TalksModel
@testable import TalksIngest

/// Chapters from `episode.json` and from a `chapters.vtt` beside the transcript, read as an
/// organiser writes them: seconds and clock times, bad entries warned about with their
/// lines and left out, the rest sorted with titles trimmed.
final class ChapterReaderTests: XCTestCase {
    func testClockTimesAndSecondsGiveTheSameSeconds() throws {
        let cases: [(JSONValue, Double)] = [
            (.integer(754), 754), (.number(754.5), 754.5), (.string("754"), 754), (.string(" 00:12:34 "), 754),
            (.string("12:34"), 754), (.string("12:34.5"), 754.5), (.string("1:02:03.250"), 3723.25), (.string("0"), 0),
        ]
        for (value, seconds) in cases {
            XCTAssertEqual(try ChapterTime.seconds(value).get(), seconds, "\(value)")
        }
        for bad: JSONValue in [.string("12:75"), .string("1:60:00"), .string("-3"), .integer(-3), .string("12:34:56:01"),
                               .string("12.5:00"), .string(""), .string("12:"), .string("tolv"), .bool(true), .null,
                               .number(4_000_000)] {
            XCTAssertThrowsError(try ChapterTime.seconds(bad).get(), "\(bad)")
        }
    }

    func testEpisodeJSONChaptersAreSortedTrimmedAndBadOnesWarnedAboutByLine() throws {
        let metadata = EpisodeJSONReader.read(try Fixtures.bytes("chapters/episode.json"), file: "episode.json", defaultID: "vatten")
        let episode = try XCTUnwrap(metadata.episode, "chapters never reject an episode")
        XCTAssertEqual(episode.chapters, [
            Chapter(start: 0, title: "Välkommen"),
            Chapter(start: 754, title: "Dikesrensning"),
            Chapter(start: 754.5, title: "Våtmarker på Östgötaslätten"),
            Chapter(start: 1500, title: "Samma start som nästa"),
            Chapter(start: 2465, title: "Frågor från publiken"),
            Chapter(start: 3723.25, title: "Avslutning"),
        ])
        XCTAssertEqual(metadata.errors, [])
        XCTAssertEqual(metadata.warnings.map { "\($0.line ?? 0): \($0.message)" }, [
            "10: chapter 6: 'start' \"12:75\" has minutes or seconds of 60 or more; left out",
            "11: chapter 7: 'start' must be 0 or more seconds; left out",
            "12: chapter 8: 'start' \"en kvart in\" is not a time; write seconds (754) or hh:mm:ss (\"00:12:34\"); left out",
            "13: chapter 9 has no 'start' (seconds or \"hh:mm:ss\"); left out",
            "15: chapter 11 needs a string 'title', not nothing; left out",
            "16: chapter 12 needs a string 'title', not the number 42; left out",
            "17: chapter 13 must be an object {\"start\": …, \"title\": …}, not the string \"Bara text\"; left out",
            "19: chapter 15: unknown field 'slut' ignored",
            "14: chapter 10 has an empty title; left out",
            "19: chapter \"Dubblett\" starts at the same time as \"Samma start som nästa\"; left out",
        ])
    }

    func testChaptersThatAreNotAListAreIgnoredWithAWarning() {
        let json = #"{"title": "T", "date": "2024-03-14", "chapters": {"start": 0, "title": "Välkommen"}}"#
        let metadata = EpisodeJSONReader.read(Array(json.utf8), file: "episode.json", defaultID: "t")
        XCTAssertEqual(metadata.episode?.chapters, [])
        XCTAssertEqual(metadata.warnings.map(\.message), ["field 'chapters' must be an array of {\"start\": …, \"title\": …}, not an object; ignored"])
    }

    func testCaptionsIsAKnownFieldWithTwoValues() {
        for (value, warnings) in [("human", 0), ("automatic", 0), ("maskin", 1)] {
            let json = #"{"title": "T", "date": "2024-03-14", "captions": "\#(value)"}"#
            let metadata = EpisodeJSONReader.read(Array(json.utf8), file: "episode.json", defaultID: "t")
            XCTAssertNotNil(metadata.episode)
            XCTAssertEqual(metadata.warnings.count, warnings, value)
        }
    }

    func testEachCueOfAChaptersFileIsAChapter() throws {
        var diagnostics: [Diagnostic] = []
        let chapters = ChaptersFile.read(try Fixtures.bytes("chapters/chapters.vtt"), file: "chapters.vtt", diagnostics: &diagnostics)
        XCTAssertEqual(chapters, [
            Chapter(start: 0, title: "Välkommen och presentation"),
            Chapter(start: 190, title: "Vattnet i & kring gården"),
            Chapter(start: 720, title: "Tillbakablick på torkan 2018"),
            Chapter(start: 2700, title: "Frågor från publiken"),
        ])
        XCTAssertEqual(diagnostics.map { "\($0.line ?? 0): \($0.message)" }, ["11: chapter cue 3 has an empty title; left out"])
    }

    func testAFileThatIsNotWebVTTGivesNoChaptersAndOneWarning() {
        for (bytes, message) in [
            (Array("1\n00:00:00,000 --> 00:01:00,000\nInledning\n".utf8), "not a WebVTT chapters file"),
            ([0x57, 0x45, 0x42, 0x56, 0x54, 0x54, 0x0A, 0x0A, 0xE5, 0x0A], "not UTF-8: byte 0xE5"),
            (Array("WEBVTT\n\nNOTE inga kapitel än\n".utf8), "has no chapter cues"),
        ] {
            var diagnostics: [Diagnostic] = []
            XCTAssertEqual(ChaptersFile.read(bytes, file: "chapters.vtt", diagnostics: &diagnostics), [])
            XCTAssertEqual(diagnostics.count, 1, "\(diagnostics)")
            XCTAssertTrue(diagnostics.first?.message.hasPrefix(message) == true, "\(diagnostics)")
            XCTAssertEqual(diagnostics.first?.severity, .warning)
        }
    }

    /// The loader puts a folder's chapters.vtt on the episode, its bytes count in the
    /// content hash (so changing it re-indexes the episode), and episode.json's own chapters win.
    func testTheLoaderReadsChaptersVTTBesideTheTranscript() throws {
        let archive = try Fixtures.scratchFolder()
        defer { Fixtures.remove(archive) }
        let folder = archive + "/vatten"
        try Fixtures.write(#"{"title": "Vatten", "date": "2024-03-14"}"#, to: folder + "/episode.json")
        try Fixtures.write("WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nVi pratar om våtmarker.\n", to: folder + "/transcript.vtt")
        func load() throws -> LoadedEpisode {
            let source = try XCTUnwrap(try ArchiveScanner.scan([archive]).sources.first)
            return try EpisodeLoader.load(source).get()
        }
        let without = try load()
        XCTAssertEqual(without.episode.chapters, [])
        try Fixtures.write("WEBVTT\n\n00:00:00.000 --> 00:10:00.000\nVåtmarker\n", to: folder + "/chapters.vtt")
        let with = try load()
        XCTAssertEqual(with.episode.chapters, [Chapter(start: 0, title: "Våtmarker")])
        XCTAssertNotEqual(with.contentHash, without.contentHash)
        try Fixtures.write(#"{"title": "Vatten", "date": "2024-03-14", "chapters": [{"start": 5, "title": "Egna"}]}"#,
                           to: folder + "/episode.json")
        let both = try load()
        XCTAssertEqual(both.episode.chapters, [Chapter(start: 5, title: "Egna")])
        XCTAssertEqual(both.diagnostics.map(\.message), ["ignored: episode.json has chapters of its own, and those are used"])
    }
}
