import TalksModel
import XCTest
@testable import TalksTranscript
import TalksTestSupport

/// `TranscriptReader.read` on real fixture files and on generated hostile input.
final class TranscriptReaderTests: XCTestCase {
    func testWebVTTEpisodeGivesPlainTextCuesWithSpeakersAndWarnings() throws {
        let transcript = try TranscriptReader.read(TestData.fixture("episode.vtt"), format: .webVTT, file: "episode.vtt")
        XCTAssertEqual(transcript.cues, [
            Cue(id: "intro", start: 1, end: 4.5, speaker: "Helene Oscarsson",
                text: "Välkomna till dagens & lunchwebbinar\nom gröna kluster.", line: 9),
            Cue(id: nil, start: 4.5, end: 7, speaker: "Anna Berg", text: "Tack Helene! Vad är Vreta Kluster?", line: 13),
            // `och<00:08.000> offentlig`: the timestamp tag times the word after it.
            Cue(id: nil, start: 7, end: 9, speaker: "Helene Oscarsson",
                text: "En nod mellan akademi, näringsliv och offentlig sektor.", line: 16,
                wordTimes: [WordTime(utf8Offset: 39, milliseconds: 8_000)]),
            Cue(id: nil, start: 12, end: 14, speaker: nil, text: "漢字 <3 \u{263A}", line: 25),
        ])
        XCTAssertEqual(transcript.diagnostics.map(\.description), [
            "episode.vtt:19: warning: cue ends (9.500 s) before it starts (10.000 s); cue skipped",
            "episode.vtt:22: warning: text without a cue timing line is ignored: \"00:11.000 -> 00:12.000\"",
        ])
    }

    func testWebVTTLowLevelResultKeepsHeaderStyleAndSettings() throws {
        let result = WebVTTParser().parse(try TestData.fixture("episode.vtt"))
        XCTAssertTrue(result.signatureValid)
        XCTAssertEqual(result.header, "- Landet lär, avsnitt 55")
        XCTAssertEqual(result.styleSheets, ["::cue(v[voice=\"Helene Oscarsson\"]) { color: lime }"])
        XCTAssertEqual(result.cues.count, 5)
        XCTAssertEqual(result.cues.first?.settings.align, "start")
        XCTAssertEqual(result.cues.first?.settings.line, 90)
        XCTAssertEqual(result.cues.first?.settings.snapToLines, false)
        XCTAssertEqual(result.cues.first?.text, "<v Helene Oscarsson>Välkomna till dagens &amp; lunchwebbinar\nom <i>gröna kluster</i>.")
    }

    func testParserDiagnosticsNameTheLineOfEverythingSkipped() {
        let file = """
        WEBVTT

        REGION
        id:scen width:50%

        1
        00:00.000 --> 00:01.000 region:scen
        Hej

        STYLE
        ::cue { color: red }

        2
        00:01.000 --> 00:xx.000
        trasig tid

        NOTE en kommentar

        bara text
        """
        let result = WebVTTParser().parse(Array(file.utf8))
        XCTAssertEqual(result.regions.map(\.id), ["scen"])
        XCTAssertEqual(result.regions.first?.width, 50)
        XCTAssertEqual(result.cues.map(\.id), ["1"])
        XCTAssertEqual(result.cues.first?.settings.regionIndex, 0)
        XCTAssertEqual(result.diagnostics.map(\.description), [
            "line 10: STYLE block after the first cue is ignored (STYLE and REGION must come before cues)",
            "line 14: invalid cue timings \"00:01.000 --> 00:xx.000\"; cue skipped",
            "line 19: text without a cue timing line is ignored: \"bara text\"",
        ])
    }

    func testMissingSignatureIsRejectedWithTheFirstLine() throws {
        XCTAssertThrowsError(try TranscriptReader.read(TestData.fixture("no-signature.vtt"), format: .webVTT, file: "a/t.vtt")) { error in
            guard let error = error as? TranscriptError else { return XCTFail("wrong error type \(error)") }
            XCTAssertEqual(error.line, 1)
            XCTAssertEqual(error.exitStatus, 65)
            XCTAssertEqual(error.description, "a/t.vtt:1: error: not a WebVTT file: the first line must be \"WEBVTT\" "
                + "(optionally followed by a space or tab and a title), but it is \"Landet lär avsnitt 55\"")
        }
    }

    func testEmptyAndBlankFilesAreRejected() {
        for bytes in [[], [0xEF, 0xBB, 0xBF], Array(" \r\n\n".utf8)] as [[UInt8]] {
            XCTAssertThrowsError(try TranscriptReader.read(bytes, format: .webVTT, file: "empty.vtt")) { error in
                XCTAssertEqual((error as? TranscriptError)?.reason,
                               "the file is empty; a transcript needs at least a WEBVTT line and one cue")
            }
        }
        XCTAssertThrowsError(try TranscriptReader.read([], format: .srt, file: "empty.srt"))
    }

    func testFileOverTheSizeLimitIsRejectedBeforeParsing() {
        let bytes = [UInt8](repeating: 0x41, count: TranscriptReader.maximumFileSize + 1)
        XCTAssertThrowsError(try TranscriptReader.read(bytes, format: .webVTT, file: "huge.vtt")) { error in
            XCTAssertEqual((error as? TranscriptError)?.reason, "the file is 64.0 MiB (67108865 bytes), larger than the 64 MiB limit for a transcript")
        }
    }

    func testSignatureOnlyFileHasNoUsableCuesAsAWarning() throws {
        let transcript = try TranscriptReader.read(Array("WEBVTT\n".utf8), format: .webVTT, file: "t.vtt")
        XCTAssertEqual(transcript.cues, [])
        XCTAssertEqual(transcript.diagnostics.map(\.description), ["t.vtt: warning: the transcript has no usable cues"])
    }

    func testTenMegabyteSingleLineCueIsTruncatedWithAWarning() throws {
        var bytes = Array("WEBVTT\n\n00:00.000 --> 00:05.000\n".utf8)
        let word = Array("ärlig <b>text</b> &amp; ".utf8)
        while bytes.count < 10_000_000 { bytes += word }
        let transcript = try TranscriptReader.read(bytes, format: .webVTT, file: "long.vtt")
        XCTAssertEqual(transcript.cues.count, 1)
        let text = try XCTUnwrap(transcript.cues.first?.text)
        XCTAssertLessThanOrEqual(text.utf8.count, TranscriptReader.maximumCueTextLength)
        XCTAssertGreaterThan(text.utf8.count, TranscriptReader.maximumCueTextLength - 32)
        XCTAssertTrue(text.hasPrefix("ärlig text & ärlig text & "))
        XCTAssertEqual(transcript.diagnostics.map(\.description), ["long.vtt:3: warning: cue text is 9999975 bytes, longer than the limit of 16 KiB (16384 bytes) for one cue; truncated, only the first 16 KiB are indexed"])
    }

    func testTenMegabyteLineWithoutLineBreaksAnywhereDoesNotHang() throws {
        let bytes = Array("WEBVTT ".utf8) + [UInt8](repeating: 0x2D, count: 10_000_000)
        let transcript = try TranscriptReader.read(bytes, format: .webVTT, file: "dashes.vtt")
        XCTAssertEqual(transcript.cues, [])
        let srt = Array("1\n00:00:01,000 --> 00:00:02,000\n".utf8) + [UInt8](repeating: 0xC3, count: 10_000_000)
        let fromSRT = try TranscriptReader.read(srt, format: .srt, file: "bad.srt")
        XCTAssertEqual(fromSRT.cues.count, 1)
        XCTAssertEqual(fromSRT.cues.first?.text.unicodeScalars.allSatisfy { $0 == "\u{FFFD}" }, true)
    }

    func testCueTimesBeyondAThousandHoursAreSkippedNotTrapped() throws {
        // WebVTT allows any number of hour digits; 20 of them made Int(seconds) trap when the
        // warning for a reversed cue formatted the time.
        let hugeHours = String(repeating: "9", count: 20)
        let file = "WEBVTT\n\n\(hugeHours):00:00.000 --> 00:00:05.000\nbaklänges\n\n"
            + "00:00:01.000 --> 1000:00:01.000\nför sent\n\n00:00:02.000 --> 00:00:03.000\nrätt\n"
        let transcript = try TranscriptReader.read(Array(file.utf8), format: .webVTT, file: "huge.vtt")
        XCTAssertEqual(transcript.cues.map(\.text), ["rätt"])
        XCTAssertEqual(transcript.diagnostics.map(\.description), [
            "huge.vtt:3: warning: cue time is more than 1000 hours into the recording; cue skipped",
            "huge.vtt:6: warning: cue time is more than 1000 hours into the recording; cue skipped",
        ])
    }

    func testArbitraryBytesNeverCrash() {
        var generator = SplitMix64(seed: 0x5EED_2026)
        let alphabet = Array("WEBVTT\n\r\0 -->:.,0123456789<>/&#;vcibruy".utf8) + [0xFF, 0xC3, 0xA4, 0xE2]
        for round in 0..<2000 {
            var bytes = round % 2 == 0 ? Array("WEBVTT\n\n".utf8) : []
            for _ in 0..<Int.random(in: 0...300, using: &generator) {
                bytes.append(round % 3 == 0 ? UInt8.random(in: 0...255, using: &generator)
                                            : alphabet.randomElement(using: &generator) ?? 0)
            }
            for format in [TranscriptFormat.webVTT, .srt] {
                do {
                    let transcript = try TranscriptReader.read(bytes, format: format, file: "fuzz")
                    for cue in transcript.cues {
                        XCTAssertLessThanOrEqual(cue.start, cue.end)
                        XCTAssertFalse(cue.text.isEmpty)
                    }
                } catch {
                    XCTAssertEqual(error.exitStatus, 65)
                }
            }
        }
    }

    func testFormatFromPathExtension() {
        XCTAssertEqual(TranscriptFormat(pathExtension: "vtt"), .webVTT)
        XCTAssertEqual(TranscriptFormat(pathExtension: "SRT"), .srt)
        XCTAssertNil(TranscriptFormat(pathExtension: "txt"))
    }
}

/// The line tidying every cue's plain text goes through, fast path and slow path alike.
final class TranscriptTextTidyingTests: XCTestCase {
    func testTrimmedLinesAgreesWithTheFastPathCheck() {
        let cases: [(String, String)] = [
            ("Hej då", "Hej då"),
            ("Hej\ndå", "Hej\ndå"),
            (" Hej\ndå ", "Hej\ndå"),
            ("Hej \n\n  då", "Hej\ndå"),
            ("\u{00A0}Hej\u{00A0}\n\u{3000}då\u{2003}", "Hej\ndå"),
            ("Östra\nÄngen", "Östra\nÄngen"),
            ("slut på rad\u{00A0}", "slut på rad"),
            ("   ", ""),
        ]
        for (input, expected) in cases {
            XCTAssertEqual(TranscriptReader.trimmedLines(input), expected, input.debugDescription)
        }
        XCTAssertTrue(TranscriptReader.isTidy("Östra\nÄngen"))
        XCTAssertFalse(TranscriptReader.isTidy("slut\u{00A0}\nrad"))
        XCTAssertFalse(TranscriptReader.isTidy(""))
    }
}

/// A small seeded generator so the random-bytes test is reproducible.
