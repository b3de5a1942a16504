import Foundation
import TalksModel
import XCTest
@testable import TalksTranscript

/// Inputs the fuzzers (`Fuzz/`, targets FuzzWebVTT and FuzzSRT) found to break the reader,
/// kept as regression tests. Every file in `Fixtures/FuzzRegressions/` is read with the
/// format its extension names and must give either a transcript that keeps the reader's
/// promises or a `TranscriptError` naming the file; the named tests pin down each bug.
final class FuzzRegressionTests: XCTestCase {
    static let folder = TestData.fixtures.appendingPathComponent("FuzzRegressions")

    func testEveryFuzzRegressionInputReadsOrFailsCleanly() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).sorted()
        let inputs = names.compactMap { name in TranscriptFormat(pathExtension: (name as NSString).pathExtension).map { (name, $0) } }
        XCTAssertFalse(inputs.isEmpty, "no .vtt or .srt files in \(Self.folder.path)")
        for (name, format) in inputs {
            let bytes = try [UInt8](Data(contentsOf: Self.folder.appendingPathComponent(name)))
            do {
                let transcript = try TranscriptReader.read(bytes, format: format, file: name)
                for cue in transcript.cues {
                    XCTAssert(cue.start.isFinite && cue.end.isFinite && cue.start <= cue.end,
                              "\(name):\(cue.line): cue times \(cue.start) --> \(cue.end)")
                    XCTAssertFalse(cue.text.isEmpty, "\(name):\(cue.line): empty cue text")
                    XCTAssertLessThanOrEqual(cue.text.utf8.count, TranscriptReader.maximumCueTextLength, "\(name):\(cue.line)")
                    XCTAssertEqual(cue.text, cue.text.trimmingCharacters(in: .whitespacesAndNewlines), "\(name):\(cue.line)")
                }
                XCTAssert(transcript.diagnostics.allSatisfy { $0.file == name }, name)
            } catch {
                XCTAssertEqual(error.file, name)
                XCTAssertFalse(error.reason.isEmpty, name)
            }
        }
    }

    /// Found by FuzzSRT: a cue holding only `Name:` kept an empty text after the speaker
    /// prefix was removed, so an empty cue reached the index.
    func testCueOfOnlyASpeakerNameIsSkippedWithAWarning() throws {
        let file = "1\n00:00:01,000 --> 00:00:02,000\nHelene Oscarsson:\n\n2\n00:00:02,000 --> 00:00:03,000\nAnna:\nHej\n\n"
            + "3\n00:00:03,000 --> 00:00:04,000\n>> \n"
        let transcript = try TranscriptReader.read(Array(file.utf8), format: .srt, file: "a.srt")
        XCTAssertEqual(transcript.cues, [Cue(id: "2", start: 2, end: 3, speaker: "Anna", text: "Hej", line: 6)])
        XCTAssertEqual(transcript.diagnostics.map(\.description), [
            "a.srt:2: warning: cue has only a speaker name or change mark and no text; skipped",
            "a.srt:11: warning: cue has only a speaker name or change mark and no text; skipped",
        ])
        let vtt = "WEBVTT\n\n00:01.000 --> 00:02.000\nHelene Oscarsson:\n\n00:02.000 --> 00:03.000\n<v Anna>Hej\n"
        let webVTT = try TranscriptReader.read(Array(vtt.utf8), format: .webVTT, file: "a.vtt")
        XCTAssertEqual(webVTT.cues.map(\.text), ["Hej"])
        XCTAssertEqual(webVTT.diagnostics.map(\.line), [3])
    }

    /// Found by FuzzWebVTT: a reversed cue whose start has 20 hour digits trapped while the
    /// warning formatted its time (`Int(Double)` overflow in `TranscriptReader.seconds`).
    /// Such a cue is now refused earlier, by the 1,000-hour limit on cue times, and the
    /// formatter is guarded as well.
    func testReversedCueWithHugeTimesIsSkippedWithAWarning() throws {
        let file = "WEBVTT\n\n99999999999999999999:00:00.000 --> 00:01.000\nhej\n\n00:01.000 --> 00:02.000\nhopp\n"
        let transcript = try TranscriptReader.read(Array(file.utf8), format: .webVTT, file: "a.vtt")
        XCTAssertEqual(transcript.cues.map(\.text), ["hopp"])
        XCTAssertEqual(transcript.diagnostics.map(\.description),
                       ["a.vtt:3: warning: cue time is more than 1000 hours into the recording; cue skipped"])
    }

    /// Hours so long that the time overflows a Double are not a timestamp: the cue is
    /// skipped like any other bad timing line, rather than getting an infinite start.
    func testTimestampWhoseHoursOverflowADoubleIsInvalid() {
        let hours = String(repeating: "9", count: 400)
        let file = "WEBVTT\n\n\(hours):00:00.000 --> \(hours):00:01.000\nhej\n\n00:01.000 --> 00:02.000\nhopp\n"
        let result = WebVTTParser().parse(Array(file.utf8))
        XCTAssertEqual(result.cues.map(\.text), ["hopp"])
        XCTAssert(result.cues.allSatisfy { $0.start.isFinite && $0.end.isFinite })
    }
}
