import XCTest
@testable import TalksTranscript

/// `CueTextParser.parse(bytes:)` builds `<v Name>text</v>` cues without the tokenizer;
/// these check it gives exactly the tree the full rules give, and declines every other shape.
final class CueTextVoiceFastPathTests: XCTestCase {
    private func both(_ text: String) -> (fast: CueText?, rules: CueText) {
        var text = text
        return text.withUTF8 { bytes in
            (CueTextParser.plainVoiceSpan(bytes), CueTextParser().parseByTheRules(bytes: bytes))
        }
    }

    func testCommonVoiceCuesTakeTheFastPathAndMatchTheRules() {
        for cue in ["<v Anna Svensson>Hej och välkommen.</v>", "<v Anna>Hej", "<v Per Olof Ek>två\nrader</v>",
                    "<v A>x", "<v Anna></v>", "<v Anna>", "<v Östen Ås>å ä ö – ”citat”</v>"] {
            let (fast, rules) = both(cue)
            XCTAssertNotNil(fast, cue)
            XCTAssertEqual(fast, rules, cue)
        }
    }

    func testOtherShapesTakeTheFullRules() {
        for cue in ["<v  Anna>dubbelt mellanslag", "<v Anna >kant", "<v\tAnna>tab", "<v.loud Anna>klass",
                    "<v Anna>a &amp; b", "<v Anna>a <i>kursiv</i>", "<v Anna&amp;Per>x", "<v Anna>x</v> efter",
                    "<v >tomt namn", "<v Anna", "ingen röst", "<c>klass</c>", "<v Anna>x</c>", "<v Anna>text</v"] {
            XCTAssertNil(both(cue).fast, cue)
        }
    }

    func testRandomCuesAgreeWithTheRules() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["<v ", "<v", ">", "</v>", "Anna", " ", "  ", "\t", "&amp;", "<i>", "</i>", "ord", "\n", ".", "<", "&"]
        for _ in 0..<5_000 {
            var cue = Bool.random(using: &generator) ? "<v " : ""
            for _ in 0..<Int.random(in: 1...8, using: &generator) {
                cue += pieces[Int.random(in: 0..<pieces.count, using: &generator)]
            }
            let (fast, rules) = both(cue)
            if let fast { XCTAssertEqual(fast, rules, cue) }
            var bytes = cue
            let parsed = bytes.withUTF8 { CueTextParser().parse(bytes: $0) }
            XCTAssertEqual(parsed, rules, cue)
        }
    }
}
