import XCTest
import TalksModel
@testable import TalksIngest

final class CheckReportTests: XCTestCase {
    func testValidArchiveExitsZeroAndShowsWhatWasUnderstood() throws {
        let report = try CheckReport.check(Fixtures.path("archive"))
        XCTAssertEqual(report.exitStatus, 0)
        XCTAssertEqual(report.entries.map(\.id), ["55-vreta-kluster", "56-vatten", "utkast"])
        XCTAssertEqual(report.entries.map(\.kind), [.episode, .episode, .folder])
        XCTAssertEqual(report.entries[0].speakers, ["Helene Oscarsson", "Anna Lindqvist"])
        let text = report.text()
        XCTAssertTrue(text.contains("OK       55-vreta-kluster"), text)
        XCTAssertTrue(text.contains("  title      Om Vreta Kluster och de gröna klustren i Sverige\n"), text)
        XCTAssertTrue(text.contains("  cues       3, 0:01–0:21\n"), text)
        XCTAssertTrue(text.contains("  voices     Anna Lindqvist (1 cue), Helene Oscarsson (2 cues)\n"), text)
        XCTAssertTrue(text.contains("episode.json:15: warning: unknown field 'moderator_notes' ignored"), text)
        XCTAssertTrue(text.hasSuffix("\n2 checked: 2 valid, 0 rejected, 1 folder skipped, 2 warnings.\n"), text)
    }

    func testJSONHasExactlyTheDocumentedShape() throws {
        let report = try CheckReport.check(Fixtures.path("archive/55-vreta-kluster"))
        let json = JSONWriter().string(report.jsonValue())
        let parsed = try JSONParser.parse(json)
        guard case .object(let top) = parsed else { return XCTFail(json) }
        XCTAssertEqual(top.map(\.key), ["episodes"])
        let episode = try XCTUnwrap(parsed["episodes"]?.arrayValue?.first)
        guard case .object(let members) = episode else { return XCTFail(json) }
        XCTAssertEqual(members.map(\.key), ["id", "title", "speakers", "chapters", "cues", "notes", "warnings", "errors"])
        XCTAssertEqual(episode["id"], "55-vreta-kluster")
        XCTAssertEqual(episode["speakers"], ["Helene Oscarsson", "Anna Lindqvist"])
        XCTAssertEqual(episode["cues"]?.arrayValue?.first, .object([
            "id": "1", "start": .integer(1), "end": .number(6.5), "speaker": "Anna Lindqvist",
            "text": "Välkomna till Landet lär, dagens lunchwebbinarium.",
        ]))
        XCTAssertEqual(episode["errors"], [])
        XCTAssertEqual(episode["notes"], [])
        XCTAssertTrue(json.contains(#""start":1,"end":6.5"#), json)
    }

    func testRollingCaptionsAreNotedAndTranscriptSpeakersAndLinkTemplateShown() throws {
        let report = try CheckReport.check(Fixtures.path("real-archives"))
        XCTAssertEqual(report.exitStatus, 0)
        XCTAssertEqual(report.entries.map(\.id), ["play-energi", "youtube-vatten"])
        let (meeting, youTube) = (report.entries[0], report.entries[1])
        XCTAssertEqual(meeting.episode?.linkTemplate, "https://play.example.se/v/8841?start={seconds}")
        XCTAssertEqual(meeting.speakers, ["Åsa Öberg-Lindqvist", "Karl-Johan Åkesson", "Anna-Karin af Klercker"])
        XCTAssertEqual(meeting.notes, [])
        XCTAssertEqual(youTube.cues.count, 12)
        XCTAssertEqual(youTube.cues.reduce(0) { $0 + $1.text.split(separator: " ").count }, 71, "each spoken word once")
        XCTAssertEqual(youTube.warnings, [])
        let text = report.text()
        let transcript = Fixtures.path("real-archives/youtube-vatten/transcript.vtt")
        XCTAssertTrue(text.contains("  cues       12, 0:00–0:32\n  voices     (no speaker marked in the cues)\n"
            + "  \(transcript): note: rolling captions: 24 cues → 12 lines (12 hold cues and 11 repeated lines left out; "
            + "each line is kept once, at the cue that first shows it)\n"), text)
        XCTAssertTrue(text.contains("  links      https://play.example.se/v/8841?start={seconds}\n"), text)
        XCTAssertTrue(text.hasSuffix("\n2 checked: 2 valid, 0 rejected, 0 warnings.\n"), text)
        let json = report.jsonValue()
        XCTAssertEqual(json["episodes"]?.arrayValue?.last?["notes"]?.arrayValue?.count, 1)
        let firstCue = json["episodes"]?.arrayValue?.last?["cues"]?.arrayValue?.first
        XCTAssertEqual(firstCue?["text"], "hej och välkommen till kanalen")
        XCTAssertEqual(firstCue?["word_times"]?.arrayValue?.count, 4)
    }

    func testBrokenInputsGiveOneClearErrorEachAndExit65() throws {
        let report = try CheckReport.check(Fixtures.path("broken"))
        XCTAssertEqual(report.exitStatus, 65)
        let errorsByFolder = Dictionary(uniqueKeysWithValues: report.entries.map { (FileSystem.lastComponent($0.path), $0.errors) })
        for folder in ["invalid-json", "missing-title", "bad-date", "no-signature", "empty", "missing-transcript", "duplicate-b", "orphan-transcript", "bad-id"] {
            XCTAssertEqual(errorsByFolder[folder]?.count, 1, "\(folder): \(errorsByFolder[folder] ?? [])")
        }
        XCTAssertEqual(errorsByFolder["duplicate-a"], [])
        XCTAssertEqual(errorsByFolder["reversed-times"], [])
        let json = report.jsonValue()
        let invalid = json["episodes"]?.arrayValue?.first { $0["id"] == "invalid-json" }
        XCTAssertEqual(invalid?["title"], .null)
        XCTAssertEqual(invalid?["errors"], [.string(Fixtures.path("broken/invalid-json/episode.json") + ":4: invalid JSON: line 4, column 3: expected ',' or '}' after object member, found '\"'")])
    }

    func testSingleTranscriptFile() throws {
        let report = try CheckReport.check(Fixtures.path("archive/56-vatten-och-torka/transcript.srt"))
        XCTAssertEqual(report.entries.count, 1)
        XCTAssertEqual(report.entries[0].id, "56-vatten-och-torka")
        XCTAssertEqual(report.entries[0].kind, .transcript)
        XCTAssertEqual(report.entries[0].cues.count, 2)
        XCTAssertEqual(report.exitStatus, 0)
        let broken = try CheckReport.check(Fixtures.path("broken/no-signature/transcript.vtt"))
        XCTAssertEqual(broken.exitStatus, 65)
        XCTAssertEqual(broken.entries[0].errors.first?.line, 1)
    }

    func testMetadataFileMeansItsFolder() throws {
        let report = try CheckReport.check(Fixtures.path("broken/missing-title/episode.json"))
        XCTAssertEqual(report.entries.map(\.id), ["missing-title"])
        XCTAssertEqual(report.exitStatus, 65)
    }

    func testDotPathsUseTheFolderNameAsTheID() throws {
        // `talks check .` inside an episode folder: the id is the folder's real name, not ".".
        let folder = try CheckReport.check(Fixtures.path("archive/55-vreta-kluster/."))
        XCTAssertEqual(folder.entries.map(\.id), ["55-vreta-kluster"])
        XCTAssertEqual(folder.exitStatus, 0)
        let parent = try CheckReport.check(Fixtures.path("archive/55-vreta-kluster/../56-vatten-och-torka/.."))
        XCTAssertEqual(parent.entries.filter { $0.kind == .episode }.map(\.id), ["55-vreta-kluster", "56-vatten"])  // 56 declares its id
        let transcript = try CheckReport.check(Fixtures.path("archive/56-vatten-och-torka/./transcript.srt"))
        XCTAssertEqual(transcript.entries.map(\.id), ["56-vatten-och-torka"])
    }

    func testWrongPathsThrow() {
        XCTAssertThrowsError(try CheckReport.check(Fixtures.path("nothing-here")))
        XCTAssertThrowsError(try CheckReport.check(Fixtures.path("archive/README.md"))) { error in
            XCTAssertEqual((error as? IngestError)?.exitStatus, 64)
        }
    }
}
