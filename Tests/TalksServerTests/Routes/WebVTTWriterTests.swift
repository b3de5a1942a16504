import TalksModel
import TalksTestSupport
import XCTest
@testable import TalksServer

final class WebVTTWriterTests: XCTestCase {
    func testWritesVoiceSpansTimestampsAndEscapes() {
        let cues = [
            Cue(id: "1", start: 3, end: 7.2, speaker: "Karin Lindqvist", text: "Hej & välkomna <allihop>"),
            Cue(start: 3725.5, end: 3730, speaker: nil, text: "rad ett\n\n\nrad två --> slut"),
            Cue(start: 1e300, end: .nan, speaker: "A\nB", text: ""),
        ]
        XCTAssertEqual(WebVTTWriter.document(cues), """
            WEBVTT

            1
            00:00:03.000 --> 00:00:07.200
            <v Karin Lindqvist>Hej &amp; välkomna &lt;allihop&gt;

            01:02:05.500 --> 01:02:10.000
            rad ett
            rad två --&gt; slut

            2777777:46:40.000 --> 2777777:46:40.000
            <v A B>

            """)
    }

    /// The byte-level escaping gives what escaping by `Character` gave (the writer before it
    /// streamed): `&<>` escaped, lines split at every newline character, blank lines dropped.
    func testByteLevelEscapingMatchesCharacterLevelEscaping() {
        func reference(_ text: String) -> String {
            var output = ""
            for character in text {
                switch character {
                case "&": output += "&amp;"
                case "<": output += "&lt;"
                case ">": output += "&gt;"
                default: output.append(character)
                }
            }
            let lines = output.split(whereSeparator: \.isNewline).filter { !$0.allSatisfy(\.isWhitespace) }
            return lines.isEmpty ? "" : lines.joined(separator: "\n")
        }
        let pieces = ["a", "å", "Ö", " ", "\t", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}",
                      "\u{3000}", "\u{A0}", "&", "<", ">", "-->", "ord", "😀", "\u{1B}"]
        var generator = SplitMix64(seed: 7)
        for _ in 0..<5000 {
            let text = (0..<generator.below(12)).map { _ in pieces[generator.below(pieces.count)] }.joined()
            XCTAssertEqual(WebVTTWriter.escape(text), reference(text), text.debugDescription)
        }
    }
}
