import TalksModel
import XCTest
@testable import TalksTranscript

/// WebVTT timestamp tags in ordinary cues become word timings on the cue: the word after a
/// tag is said at its time, through voice spans, `Name:` prefixes and line breaks; tags that
/// cannot be word starts are ignored, and the bad ones are reported.
final class WordTimesTests: XCTestCase {
    private func read() throws -> Transcript {
        try TranscriptReader.read(TestData.fixture("word-timestamps.vtt"), format: .webVTT, file: "w.vtt")
    }

    /// The text each word time points at, with its seconds: ("välkomna", 1.7).
    private func timedWords(_ cue: Cue) -> [(String, Double)] {
        let bytes = Array(cue.text.utf8)
        return cue.wordTimes.map { word in
            let start = Int(word.utf8Offset)
            let end = bytes[start...].firstIndex { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\n") } ?? bytes.count
            return (String(decoding: bytes[start..<end], as: UTF8.self), word.seconds)
        }
    }

    func testTagsTimeTheWordAfterThemInVoiceSpansAndAfterANamePrefix() throws {
        let cues = try read().cues
        XCTAssertEqual(cues[0].speaker, "Eva Strand")
        XCTAssertEqual(cues[0].text, "Hej och välkomna allihop.")
        XCTAssertEqual(timedWords(cues[0]).map(\.0), ["och", "välkomna", "allihop."])
        XCTAssertEqual(timedWords(cues[0]).map(\.1), [1.4, 1.7, 2.6])
        // The prefix is taken off the text; the words keep their own times, across the line break.
        XCTAssertEqual(cues[1].speaker, "Karl-Johan Åkesson")
        XCTAssertEqual(cues[1].text, "Vi börjar med\nsolcellerna på taket.")
        XCTAssertEqual(timedWords(cues[1]).map(\.0), ["börjar", "med", "solcellerna", "på", "taket."])
        XCTAssertEqual(timedWords(cues[1]).map(\.1), [4.5, 5.0, 5.9, 6.8, 7.1])
        XCTAssertEqual(cues[1].start(ofWordAtUTF8Offset: 0), 4.0, "\"Vi\" starts with the cue")
    }

    func testTagsInsideAWordOrAfterTheLastOneTimeNothing() throws {
        let cues = try read().cues
        // Karaoke syllables: "Sol<…>cel<…>ler" is one word, said from the cue's start.
        XCTAssertEqual(cues[2].text, "Solceller och batterier.")
        XCTAssertEqual(timedWords(cues[2]).map(\.0), ["och", "batterier."])
        // A tag before the first word times it; one after the last word is dropped.
        XCTAssertEqual(cues[5].text, "Vatten räcker.")
        XCTAssertEqual(timedWords(cues[5]).map(\.0), ["Vatten", "räcker."])
        XCTAssertEqual(timedWords(cues[5]).map(\.1), [16.3, 17.0])
    }

    func testTagsOutsideTheCueOrGoingBackAreIgnoredWithAWarning() throws {
        let transcript = try read()
        XCTAssertEqual(timedWords(transcript.cues[3]).map(\.0), ["tar", "månader."])
        XCTAssertEqual(timedWords(transcript.cues[4]).map(\.0), ["två"])
        XCTAssertEqual(transcript.diagnostics.map(\.description), [
            "w.vtt:19: warning: timestamp tag at 15.000 s is outside the cue (10.000 s to 13.000 s); that word timing is ignored",
            "w.vtt:23: warning: timestamp tag at 14.000 s is earlier than the one before it (14.500 s); that word timing is ignored",
        ])
    }

    func testCuesWithoutTagsCostNothingAndKeepTheirJSON() throws {
        let transcript = try TranscriptReader.read(TestData.fixture("genuine-repetition.vtt"), format: .webVTT, file: "g.vtt")
        XCTAssertTrue(transcript.cues.allSatisfy { $0.wordTimes.isEmpty && $0.wordTimes.capacity == 0 })
        let plain = Cue(id: "1", start: 1, end: 2, speaker: "Eva", text: "Hej")
        XCTAssertEqual(JSONWriter().string(plain.jsonValue), #"{"id":"1","start":1,"end":2,"speaker":"Eva","text":"Hej"}"#)
        let timed = try read().cues[0]
        XCTAssertEqual(JSONWriter().string(timed.jsonValue),
                       #"{"id":"1","start":1,"end":4,"speaker":"Eva Strand","text":"Hej och välkomna allihop.","#
                       + #""word_times":[[4,1.4],[8,1.7],[18,2.6]]}"#)
    }

    func testWordsSplitOnExactlyUnicodeWhitespace() {
        for value in UInt32(0)...0x3100 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "a" + String(Character(scalar)) + "b"
            let expected = scalar.properties.isWhitespace ? [0..<1, (1 + UTF8.width(scalar))..<(2 + UTF8.width(scalar))]
                                                          : [0..<(2 + UTF8.width(scalar))]
            XCTAssertEqual(Words.ranges(in: text), expected, "U+\(String(value, radix: 16))")
        }
        XCTAssertEqual(Words.ranges(in: "  två\u{3000}ord\u{A0}"), [2..<6, 9..<12])
        XCTAssertEqual(Words.ranges(in: "\u{2029}\u{E2}"), [3..<5], "U+2029 (E2 80 A9) is whitespace, â is not")
    }

    func testALongCueThatIsCutKeepsNoWordTimings() throws {
        let words = (0..<5_000).map { "<00:00:0\(min(9, 1 + $0 / 600)).000>ord" }.joined(separator: " ")
        let file = "WEBVTT\n\n00:00:01.000 --> 00:00:10.000\n" + words + "\n"
        let transcript = try TranscriptReader.read(Array(file.utf8), format: .webVTT, file: "long.vtt")
        XCTAssertEqual(transcript.cues.count, 1)
        XCTAssertEqual(transcript.cues.first?.wordTimes, [])
        XCTAssertEqual(transcript.diagnostics.count, 1, "\(transcript.diagnostics)")
    }
}
