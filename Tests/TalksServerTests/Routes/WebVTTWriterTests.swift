import TalksModel
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
}
