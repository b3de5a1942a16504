/// Fuzzes the WebVTT path of ingest: `WebVTTParser` on the raw bytes, `CueTextParser` on
/// the bytes as cue text, and `TranscriptReader.read(_:format: .webVTT, file:)`, which adds
/// markup removal, limits and speaker attribution.
///
/// Beyond "never traps", it checks what the rest of talks relies on: every parsed cue has
/// finite, non-negative times; every cue the reader returns has start ≤ end, non-empty text
/// within the cue-text limit and a line number inside the file, and word times that ascend,
/// start words and lie within the cue; a rejected file throws a
/// `TranscriptError` naming the file; and parsing is deterministic.
import FuzzSupport
import TalksModel
import TalksTranscript

let fileName = "fuzz.vtt"

runFuzzer { bytes in
    let lines = lineCount(bytes)
    let result = WebVTTParser().parse(bytes)
    for cue in result.cues {
        check(cue.start.isFinite && cue.end.isFinite, "cue times must be finite: \(cue.start) --> \(cue.end)")
        check(cue.start >= 0 && cue.end >= 0, "cue times must be non-negative: \(cue.start) --> \(cue.end)")
        check(cue.line >= 1 && cue.line <= lines, "cue line \(cue.line) outside 1...\(lines)")
    }
    for diagnostic in result.diagnostics {
        check(diagnostic.line >= 0 && diagnostic.line <= lines + 1, "diagnostic line \(diagnostic.line) outside the file")
    }
    check(WebVTTParser().parse(bytes) == result, "parsing the same bytes twice gave different results")

    _ = CueTextParser().parse(String(decoding: bytes, as: UTF8.self))

    do throws(TranscriptError) {
        let transcript = try TranscriptReader.read(bytes, format: .webVTT, file: fileName)
        check(result.signatureValid, "the reader accepted a file whose signature the parser rejected")
        for cue in transcript.cues {
            check(cue.start.isFinite && cue.end.isFinite && cue.start <= cue.end,
                  "reader cue must have finite start ≤ end: \(cue.start) --> \(cue.end)")
            check(!cue.text.isEmpty, "reader cue text must not be empty")
            check(cue.text.utf8.count <= TranscriptReader.maximumCueTextLength, "reader cue text exceeds the limit")
            check(cue.line >= 1 && cue.line <= lines, "reader cue line \(cue.line) outside 1...\(lines)")
            let text = Array(cue.text.utf8)
            var previous: WordTime? = nil
            for word in cue.wordTimes {
                let offset = Int(word.utf8Offset)
                check(offset < text.count, "word time offset \(offset) outside the cue text")
                check(offset == 0 || text[offset - 1] == 0x20 || text[offset - 1] == 0x0A || text[offset - 1] & 0xC0 == 0x80
                      || text[offset - 1] < 0x20, "word time offset \(offset) does not start a word")
                check(word.seconds >= cue.start - 0.001 && word.seconds <= cue.end + 0.001,
                      "word time \(word.seconds) outside the cue \(cue.start) --> \(cue.end)")
                if let previous {
                    check(previous.utf8Offset < word.utf8Offset && previous.milliseconds <= word.milliseconds,
                          "word times must ascend: \(previous) then \(word)")
                }
                previous = word
            }
        }
        for diagnostic in transcript.diagnostics {
            check(diagnostic.file == fileName, "diagnostic names \(diagnostic.file), not the file read")
        }
    } catch {
        check(error.file == fileName, "error names \(error.file), not the file read")
        check(!error.reason.isEmpty, "error has no reason")
    }
}
