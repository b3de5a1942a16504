/// Fuzzes the SubRip path of ingest: `SubRipParser` on the raw bytes, `SubRipParser.plainText`
/// on the bytes as cue text, and `TranscriptReader.read(_:format: .srt, file:)`.
///
/// Beyond "never traps", it checks: every parsed cue has finite, non-negative times and a
/// line number inside the file; every cue the reader returns has start ≤ end and non-empty
/// text within the cue-text limit; a rejected file throws a `TranscriptError` naming the
/// file; and parsing is deterministic.
import FuzzSupport
import TalksModel
import TalksTranscript

let fileName = "fuzz.srt"

runFuzzer { bytes in
    let lines = lineCount(bytes)
    let (cues, diagnostics) = SubRipParser().parse(bytes)
    for cue in cues {
        check(cue.start.isFinite && cue.end.isFinite, "cue times must be finite: \(cue.start) --> \(cue.end)")
        check(cue.start >= 0 && cue.end >= 0, "cue times must be non-negative: \(cue.start) --> \(cue.end)")
        check(cue.line >= 1 && cue.line <= lines, "cue line \(cue.line) outside 1...\(lines)")
    }
    for diagnostic in diagnostics {
        check(diagnostic.line >= 0 && diagnostic.line <= lines + 1, "diagnostic line \(diagnostic.line) outside the file")
    }
    let again = SubRipParser().parse(bytes)
    check(again.cues == cues && again.diagnostics == diagnostics, "parsing the same bytes twice gave different results")

    _ = SubRipParser.plainText(String(decoding: bytes, as: UTF8.self))

    do throws(TranscriptError) {
        let transcript = try TranscriptReader.read(bytes, format: .srt, file: fileName)
        for cue in transcript.cues {
            check(cue.start.isFinite && cue.end.isFinite && cue.start <= cue.end,
                  "reader cue must have finite start ≤ end: \(cue.start) --> \(cue.end)")
            check(!cue.text.isEmpty, "reader cue text must not be empty")
            check(cue.text.utf8.count <= TranscriptReader.maximumCueTextLength, "reader cue text exceeds the limit")
        }
        for diagnostic in transcript.diagnostics {
            check(diagnostic.file == fileName, "diagnostic names \(diagnostic.file), not the file read")
        }
    } catch {
        check(error.file == fileName, "error names \(error.file), not the file read")
        check(!error.reason.isEmpty, "error has no reason")
    }
}
