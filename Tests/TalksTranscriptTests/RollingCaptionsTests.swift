import TalksModel
import XCTest
@testable import TalksTranscript

/// Rolling captions (YouTube's automatic captions as yt-dlp saves them) come out one spoken
/// line per cue, each once, whatever the file format; ordinary transcripts, including ones
/// where a speaker repeats the line before, come out exactly as read.
///
/// `youtube-rolling.sv.vtt` and `.srt` were written by `Benchmarks/rolling_captions.py --text
/// youtube-rolling.sv.spoken.txt --seed 7` from the spoken lines beside them, in YouTube's
/// exact shape (see `../shared/testdata/caption-formats/`).
final class RollingCaptionsTests: XCTestCase {
    private func spokenLines() throws -> [String] {
        String(decoding: try TestData.fixture("youtube-rolling.sv.spoken.txt"), as: UTF8.self)
            .split(separator: "\n").map(String.init)
    }

    func testYouTubeAutoCaptionsGiveEachSpokenLineOnce() throws {
        let bytes = try TestData.fixture("youtube-rolling.sv.vtt")
        XCTAssertEqual(WebVTTParser().parse(bytes).cues.count, 80, "the file has a building and a hold cue per line")
        let transcript = try TranscriptReader.read(bytes, format: .webVTT, file: "yt.vtt")
        let spoken = try spokenLines()
        XCTAssertEqual(spoken.count, 40)
        XCTAssertEqual(transcript.cues.map(\.text), spoken)
        let wordsInCues = transcript.cues.reduce(0) { $0 + $1.text.split(separator: " ").count }
        XCTAssertEqual(wordsInCues, 248, "every spoken word once")
        XCTAssertEqual(transcript.notes.map(\.description), [
            "yt.vtt: note: rolling captions: 80 cues → 40 lines (40 hold cues and 39 repeated lines left out; "
                + "each line is kept once, at the cue that first shows it)",
        ])
        XCTAssertEqual(transcript.diagnostics, [])
        // Each line keeps the time of the cue that builds it.
        XCTAssertEqual(transcript.cues[2].start, 3.431)
        XCTAssertEqual(transcript.cues[2].end, 5.493)
        XCTAssertEqual(transcript.cues[2].line, 21)
    }

    func testSpokenRepetitionSurvivesCollapsing() throws {
        let transcript = try TranscriptReader.read(TestData.fixture("youtube-rolling.sv.vtt"), format: .webVTT, file: "yt.vtt")
        let texts = transcript.cues.map(\.text)
        // Said twice in a row: a one-word line (no timestamp tags at all) and a sentence.
        for line in ["okej", "det är jätteviktigt", "ja"] {
            XCTAssertEqual(texts.filter { $0 == line }.count, 2, line)
            guard let first = texts.firstIndex(of: line) else { continue }
            XCTAssertEqual(texts[first + 1], line, "\(line) twice in a row")
            XCTAssertLessThan(transcript.cues[first].start, transcript.cues[first + 1].start)
        }
        XCTAssertEqual(texts.filter { $0 == "[musik]" }.count, 1)
    }

    func testWordTimingsOfRollingCaptionsAreTheInlineTags() throws {
        let transcript = try TranscriptReader.read(TestData.fixture("youtube-rolling.sv.vtt"), format: .webVTT, file: "yt.vtt")
        // "om<00:00:03.645><c> lokal</c><00:00:04.043><c> energi</c><00:00:04.441><c> på</c><00:00:04.662><c> gården</c>"
        let cue = transcript.cues[2]
        XCTAssertEqual(cue.text, "om lokal energi på gården")
        XCTAssertEqual(cue.wordTimes, [
            WordTime(utf8Offset: 3, milliseconds: 3_645), WordTime(utf8Offset: 9, milliseconds: 4_043),
            WordTime(utf8Offset: 16, milliseconds: 4_441), WordTime(utf8Offset: 20, milliseconds: 4_662),
        ])
        XCTAssertEqual(cue.start(ofWordAtUTF8Offset: 0), 3.431, "the first word of a line starts with its cue")
        XCTAssertEqual(cue.start(ofWordAtUTF8Offset: 21), 4.662, "inside \"gården\"")
        // "hushållningssällskapet" is said at 47.515 s, two and a half seconds into its cue.
        let said = try XCTUnwrap(transcript.cues.first { $0.text.contains("hushållningssällskapet") })
        let word = try XCTUnwrap(said.text.range(of: "hushållningssällskapet"))
        XCTAssertEqual(said.start, 45.159)
        XCTAssertEqual(said.start(ofWordAtUTF8Offset: said.text.utf8.distance(from: said.text.startIndex, to: word.lowerBound)), 47.515)
        for cue in transcript.cues {
            // Every word after the first has its own time, in order, within the cue.
            XCTAssertEqual(cue.wordTimes.count, cue.text.split(separator: " ").count - 1, cue.text)
            XCTAssertEqual(cue.wordTimes.map(\.utf8Offset), cue.wordTimes.map(\.utf8Offset).sorted())
            XCTAssertEqual(cue.wordTimes.map(\.milliseconds), cue.wordTimes.map(\.milliseconds).sorted())
            for word in cue.wordTimes {
                XCTAssertTrue(cue.start <= word.seconds && word.seconds <= cue.end, "\(word) in \(cue)")
                let bytes = Array(cue.text.utf8)
                XCTAssertEqual(bytes[Int(word.utf8Offset) - 1], UInt8(ascii: " "), "an offset starts a word")
            }
        }
    }

    func testTheSameTrackConvertedToSubRipCollapsesTheSame() throws {
        let subRip = try TranscriptReader.read(TestData.fixture("youtube-rolling.sv.srt"), format: .srt, file: "yt.srt")
        let webVTT = try TranscriptReader.read(TestData.fixture("youtube-rolling.sv.vtt"), format: .webVTT, file: "yt.vtt")
        XCTAssertEqual(subRip.cues.map(\.text), try spokenLines())
        XCTAssertEqual(subRip.cues.map(\.start), webVTT.cues.map(\.start))
        XCTAssertEqual(subRip.cues.map(\.id), (0..<40).map { String(2 * $0 + 1) }, "the building cues are kept")
        XCTAssertTrue(subRip.cues.allSatisfy(\.wordTimes.isEmpty), "SubRip has no timestamp tags")
        XCTAssertEqual(subRip.notes.first?.message.hasPrefix("rolling captions: 80 cues → 40 lines"), true)
        XCTAssertEqual(subRip.diagnostics, [])
    }

    func testOrdinaryTranscriptWithRepeatedLinesComesOutAsRead() throws {
        let transcript = try TranscriptReader.read(TestData.fixture("genuine-repetition.vtt"), format: .webVTT, file: "g.vtt")
        XCTAssertEqual(transcript.notes, [])
        XCTAssertEqual(transcript.cues.map(\.text), [
            "Välkomna till dagens lunchwebbinar\nom vatten i jordbruket.",
            "Vi ska prata om dammar, dränering och tillstånd.",
            "Ja, precis.",
            "Ja, precis.",
            "Ja, precis.\nOch det är därför vi behöver dammarna.",
            "Och det är därför vi behöver dammarna.\nJag säger det igen, för det är så viktigt.",
            "Ja.",
            "Ja.\nHur stora är dammarna i regel?",
            "Mellan en halv och tre hektar,\nberoende på hur mycket man bevattnar.",
            "Beroende på hur mycket man bevattnar,\noch vilka grödor man har.",
            "Tack, Mikael. Nu tar vi frågor från chatten.",
        ])
        XCTAssertEqual(transcript.cues.map(\.speaker), [
            "Lena Holm", "Lena Holm", "Mikael Ström", "Mikael Ström", "Mikael Ström", "Mikael Ström",
            "Lena Holm", "Lena Holm", "Mikael Ström", "Mikael Ström", "Lena Holm",
        ])
    }

    func testNoShippedOrFixtureTranscriptIsTakenForRollingCaptions() throws {
        var files = try FileManager.default.contentsOfDirectory(atPath: TestData.fixtures.path)
            .filter { ($0.hasSuffix(".vtt") || $0.hasSuffix(".srt")) && !$0.hasPrefix("youtube-rolling") }
            .map { TestData.fixtures.appendingPathComponent($0) }
        let archive = TestData.repositoryRoot.appendingPathComponent("archive")
        // The sample's YouTube episode is automatic captions, in the rolling shape on purpose.
        var rolling: [URL] = []
        for folder in (try? FileManager.default.contentsOfDirectory(atPath: archive.path)) ?? [] {
            let transcript = archive.appendingPathComponent(folder).appendingPathComponent("transcript.vtt")
            guard FileManager.default.fileExists(atPath: transcript.path) else { continue }
            let metadata = (try? String(contentsOf: archive.appendingPathComponent(folder).appendingPathComponent("episode.json"), encoding: .utf8)) ?? ""
            if metadata.contains("\"captions\": \"automatic\"") { rolling.append(transcript) } else { files.append(transcript) }
        }
        XCTAssertEqual(rolling.map { $0.deletingLastPathComponent().lastPathComponent }, ["youtube-Lq7pZ2mW9xK"])
        for file in rolling {
            let transcript = try TranscriptReader.read([UInt8](Data(contentsOf: file)), format: .webVTT, file: file.path)
            XCTAssertEqual(transcript.notes.map(\.message).first?.hasPrefix("rolling captions: 136 cues → 68 lines"), true)
        }
        XCTAssertGreaterThan(files.count, 10)
        for file in files {
            let format: TranscriptFormat = file.pathExtension == "srt" ? .srt : .webVTT
            guard let transcript = try? TranscriptReader.read([UInt8](Data(contentsOf: file)), format: format, file: file.path) else {
                continue  // fixtures of rejected files
            }
            XCTAssertEqual(transcript.notes, [], file.lastPathComponent)
        }
    }

    func testRollUpCaptionsOfThreeLinesAndAClearedScreen() throws {
        // Broadcast roll-up: up to three lines, each cue adds one at the bottom. After a
        // pause the screen is cleared and a line the speaker repeats comes back on its own.
        let file = """
        WEBVTT

        00:00:01.000 --> 00:00:03.000
        vi börjar med vattnet

        00:00:03.000 --> 00:00:05.000
        vi börjar med vattnet
        sedan tar vi energin

        00:00:05.000 --> 00:00:07.000
        vi börjar med vattnet
        sedan tar vi energin
        och sist maten

        00:00:07.000 --> 00:00:09.000
        sedan tar vi energin
        och sist maten
        frågor tar vi efteråt

        00:00:12.000 --> 00:00:14.000
        frågor tar vi efteråt

        00:00:14.000 --> 00:00:16.000
        frågor tar vi efteråt
        tack
        """
        let transcript = try TranscriptReader.read(Array(file.utf8), format: .webVTT, file: "roll.vtt")
        XCTAssertEqual(transcript.cues.map(\.text), [
            "vi börjar med vattnet", "sedan tar vi energin", "och sist maten", "frågor tar vi efteråt",
            "frågor tar vi efteråt", "tack",
        ])
        XCTAssertEqual(transcript.cues.map(\.start), [1, 3, 5, 7, 12, 14])
        XCTAssertEqual(transcript.notes.first?.message.hasPrefix("rolling captions: 6 cues → 6 lines (0 hold cues and 6 repeated lines"), true)
    }

    func testThousandsAreGroupedInTheNote() {
        XCTAssertEqual(RollingCaptions.Summary.grouped(1_204), "1,204")
        XCTAssertEqual(RollingCaptions.Summary.grouped(402), "402")
        XCTAssertEqual(RollingCaptions.Summary.grouped(1_000_000), "1,000,000")
    }
}
