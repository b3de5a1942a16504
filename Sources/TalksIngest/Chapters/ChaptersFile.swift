import TalksModel
import TalksTranscript

/// Reads `chapters.vtt`, a WebVTT chapters track beside the transcript: each cue is a
/// chapter, its start the chapter's start and its text (markup removed, lines joined) the title.
///
/// This is the `kind="chapters"` track HTML video players already show, so an organiser who
/// has one for the player can give talks the same file. It is read with the WebVTT parser the
/// transcripts use. A file that is not WebVTT or not UTF-8 is one warning and gives no
/// chapters; a cue without text is a warning and is left out. Chapters never reject an
/// episode.
enum ChaptersFile {
    /// The file name looked for in an episode folder.
    static let name = "chapters.vtt"

    /// The chapters in `bytes`, sorted by start, with warnings at `file`.
    static func read(_ bytes: [UInt8], file: String, diagnostics: inout [Diagnostic]) -> [Chapter] {
        if let problem = UTF8Validation.firstProblem(in: bytes) {
            let hex = String(problem.byte, radix: 16, uppercase: true)
            diagnostics.append(Diagnostic(.warning, file: file, line: problem.line,
                "not UTF-8: byte 0x\(hex) at column \(problem.column); save it as UTF-8 (no chapters read)"))
            return []
        }
        let result = WebVTTParser().parse(bytes)
        guard result.signatureValid else {
            diagnostics.append(Diagnostic(.warning, file: file, line: 1,
                "not a WebVTT chapters file: the first line must be \"WEBVTT\", but it is "
                + (result.firstLine.isEmpty ? "empty" : Excerpt.quoted(result.firstLine)) + " (no chapters read)"))
            return []
        }
        diagnostics += result.diagnostics.map { Diagnostic(.warning, file: file, line: $0.line, $0.message) }
        let parser = CueTextParser()
        var list = ChapterList()
        for (index, cue) in result.cues.enumerated() {
            guard cue.start.isFinite, cue.start >= 0, cue.start <= ChapterTime.maximumSeconds else {
                diagnostics.append(Diagnostic(.warning, file: file, line: cue.line,
                    "chapter starts more than \(Int(ChapterTime.maximumSeconds) / 3600) hours into the recording; left out"))
                continue
            }
            let title = String(parser.parse(String(cue.text.prefix(TranscriptLimits.maximumCueTextBytes))).plainText)
            list.entries.append(ChapterList.Entry(start: cue.start, title: title, line: cue.line, number: index + 1))
        }
        let chapters = list.chapters(file: file, source: "chapter cue", diagnostics: &diagnostics)
        if chapters.isEmpty {
            diagnostics.append(Diagnostic(.warning, file: file, "has no chapter cues; no chapters read"))
        }
        return chapters
    }
}
