import TalksModel
import XCTest
@testable import TalksTranscript

/// SubRip reading through `TranscriptReader` and the low-level `SubRipParser`.
final class SubRipTests: XCTestCase {
    func testEpisodeWithBrokenBlocksKeepsTheGoodCues() throws {
        let transcript = try TranscriptReader.read(TestData.fixture("episode.srt"), format: .srt, file: "episode.srt")
        XCTAssertEqual(transcript.cues, [
            Cue(id: "1", start: 1, end: 3.5, speaker: nil, text: "Välkomna till Landet lär.", line: 2),
            Cue(id: "2", start: 3.5, end: 6, speaker: "Helene Oscarsson", text: "Vi börjar\nmed Vreta Kluster.", line: 6),
            Cue(id: "4", start: 8, end: 10, speaker: nil, text: "Sista repliken.", line: 17),
            Cue(id: "5", start: 10, end: 12, speaker: nil, text: "Utan tomrad före.", line: 20),
        ])
        XCTAssertEqual(transcript.diagnostics.map(\.description), [
            "episode.srt:11: warning: expected a cue number or a timing line like \"00:00:01,000 --> 00:00:02,000\", "
                + "found \"00:00:06,000 -> 00:00:08,000\"; block skipped",
            "episode.srt:14: warning: expected a cue number or a timing line like \"00:00:01,000 --> 00:00:02,000\", "
                + "found \"bara text utan tider\"; block skipped",
        ])
    }

    func testTimingVariantsAndInvalidTimings() {
        let file = """
        1
        0:00:01.5 --> 00:00:02,25
        kort timme och punkt

        00:03,000 --> 00:04,000
        utan timmar och nummer

        3
        00:00:61,000 --> 00:00:62,000
        sekunder över 59

        4
        00:00:05,000 --> 00:00:04,000
        baklänges
        """
        let (cues, diagnostics) = SubRipParser().parse(Array(file.utf8))
        XCTAssertEqual(cues.map(\.start), [1.5, 3, 5])
        XCTAssertEqual(cues.map(\.end), [2.25, 4, 4])
        XCTAssertEqual(cues.map(\.number), ["1", nil, "4"])
        XCTAssertEqual(diagnostics.map(\.description), ["line 9: invalid SubRip timing line \"00:00:61,000 --> 00:00:62,000\"; cue skipped"])
        let transcript = try? TranscriptReader.read(Array(file.utf8), format: .srt, file: "t.srt")
        XCTAssertEqual(transcript?.cues.count, 2)
        XCTAssertEqual(transcript?.diagnostics.last?.description, "t.srt:13: warning: cue ends (4.000 s) before it starts (5.000 s); cue skipped")
    }

    func testFormattingTagsAreDropped() {
        XCTAssertEqual(SubRipParser.plainText("<i>Hej</i> <B>där</B> <font color=\"red\">du</font> {\\an8}uppe"), "Hej där du uppe")
        XCTAssertEqual(SubRipParser.plainText("1 < 2 och <3 kvar"), "1 < 2 och <3 kvar")
        XCTAssertEqual(SubRipParser.plainText("<unknown>behålls"), "<unknown>behålls")
        XCTAssertEqual(SubRipParser.plainText("<bå>ja</bå> <b2>nej"), "<bå>ja</bå> nej")
        XCTAssertEqual(SubRipParser.plainText("{\\an8 utan slut <i"), "{\\an8 utan slut <i")
    }

    func testManyUnclosedTagsCostLinearTime() {
        // Each '<' used to search to the end of the line for its '>': 60,000 of them took
        // half a minute. Now the whole line is one pass.
        let unclosed = String(repeating: "<", count: 60_000)
        XCTAssertEqual(SubRipParser.plainText(unclosed + "<i>slut"), unclosed + "slut")
        let comparisons = String(repeating: "1 < 2 ", count: 20_000)
        XCTAssertEqual(SubRipParser.plainText(comparisons + ">"), comparisons + ">")
        let braces = String(repeating: "{\\", count: 30_000)
        XCTAssertEqual(SubRipParser.plainText(braces), braces)
    }
}
