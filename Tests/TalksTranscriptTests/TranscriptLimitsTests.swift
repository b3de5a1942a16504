import XCTest
@testable import TalksTranscript

/// `TranscriptLimits`, just under (accepted as is) and just over (a message naming the limit).
final class TranscriptLimitsTests: XCTestCase {
    private func webVTT(cueText: String) -> [UInt8] {
        Array("WEBVTT\n\n00:00.000 --> 00:05.000\n\(cueText)\n\n00:06.000 --> 00:07.000\nNästa.\n".utf8)
    }

    func testCueTextAtTheLimitIsKeptWhole() throws {
        // "å" is two bytes: the limit falls on a character boundary.
        let text = String(repeating: "å", count: TranscriptLimits.maximumCueTextBytes / 2)
        XCTAssertEqual(text.utf8.count, 16_384)
        let transcript = try TranscriptReader.read(webVTT(cueText: text), format: .webVTT, file: "t.vtt")
        XCTAssertEqual(transcript.cues.map(\.text), [text, "Nästa."])
        XCTAssertEqual(transcript.diagnostics, [])
    }

    func testCueTextOneByteOverTheLimitIsCutWithAWarningNamingTheLimit() throws {
        let text = String(repeating: "å", count: TranscriptLimits.maximumCueTextBytes / 2) + "x"
        let transcript = try TranscriptReader.read(webVTT(cueText: text), format: .webVTT, file: "t.vtt")
        XCTAssertEqual(transcript.cues.first?.text.utf8.count, 16_384)
        XCTAssertEqual(transcript.cues.last?.text, "Nästa.", "the rest of the file is read")
        XCTAssertEqual(transcript.diagnostics.map(\.description), [
            "t.vtt:3: warning: cue text is 16385 bytes, longer than the limit of 16 KiB (16384 bytes) for one cue; "
                + "truncated, only the first 16 KiB are indexed",
        ])
    }

    func testSubRipCueOverTheLimitIsCutToo() throws {
        let text = String(repeating: "a", count: TranscriptLimits.maximumCueTextBytes + 1)
        let bytes = Array("1\n00:00:01,000 --> 00:00:02,000\n\(text)\n".utf8)
        let transcript = try TranscriptReader.read(bytes, format: .srt, file: "t.srt")
        XCTAssertEqual(transcript.cues.first?.text.utf8.count, TranscriptLimits.maximumCueTextBytes)
        XCTAssertTrue(transcript.diagnostics.first?.message.contains("longer than the limit of 16 KiB") ?? false,
                      "\(transcript.diagnostics)")
    }

    func testFileAtTheSizeLimitIsParsedAndOneByteMoreIsRefused() throws {
        // A real cue, then a NOTE block padding the file to exactly the limit.
        var bytes = Array("WEBVTT\n\n00:00.000 --> 00:05.000\nStörst tillåtna fil.\n\nNOTE ".utf8)
        bytes += [UInt8](repeating: UInt8(ascii: "x"), count: TranscriptLimits.maximumFileBytes - bytes.count - 1)
        bytes.append(UInt8(ascii: "\n"))
        XCTAssertEqual(bytes.count, TranscriptLimits.maximumFileBytes)
        let transcript = try TranscriptReader.read(bytes, format: .webVTT, file: "big.vtt")
        XCTAssertEqual(transcript.cues.map(\.text), ["Störst tillåtna fil."])
        bytes.append(UInt8(ascii: "\n"))
        XCTAssertThrowsError(try TranscriptReader.read(bytes, format: .webVTT, file: "big.vtt")) { error in
            XCTAssertEqual("\(error)", "big.vtt: error: the file is 64.0 MiB (67108865 bytes), larger than the 64 MiB limit for a transcript")
        }
    }
}

final class TranscriptCueCountLimitTests: XCTestCase {
    private func transcript(cues: Int) -> [UInt8] {
        var text = "WEBVTT\n"
        text.reserveCapacity(cues * 32)
        for index in 0..<cues {
            let seconds = index % 3600
            text += "\n\(String(format: "%02d:%02d", seconds / 60, seconds % 60)).000 --> 59:59.000\nord\(index % 100)\n"
        }
        return Array(text.utf8)
    }

    func testTranscriptAtTheCueLimitIsReadAndOneCueMoreIsRejected() throws {
        let limit = TranscriptLimits.maximumCueCount
        let atLimit = try TranscriptReader.read(transcript(cues: limit), format: .webVTT, file: "t.vtt")
        XCTAssertEqual(atLimit.cues.count, limit)
        XCTAssertThrowsError(try TranscriptReader.read(transcript(cues: limit + 1), format: .webVTT, file: "t.vtt")) { error in
            // Cue k (0-based) starts on line 3 + 3k.
            XCTAssertEqual("\(error)", "t.vtt:\(3 + 3 * limit): error: the transcript has 100001 cues, more than the limit "
                           + "of 100000 for one transcript; split the recording into episodes")
        }
    }
}
