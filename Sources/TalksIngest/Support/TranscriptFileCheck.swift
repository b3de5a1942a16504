import TalksModel
import TalksTranscript

/// The importers' test for "this file is a transcript talks can index", applied before a
/// file is copied into an archive: UTF-8, and reads as WebVTT or SubRip (as `talks ingest`
/// reads it) with at least one cue.
///
/// A file only named like a transcript (an HTML error page saved as `.vtt`, a binary) is
/// never copied into an archive that gets published.
enum TranscriptFileCheck {
    /// nil when `bytes` pass; otherwise why not, worded to follow the file's name
    /// ("is not UTF-8 text (…); not copied").
    static func problem(_ bytes: [UInt8], format: TranscriptFormat, file: String) -> String? {
        if let problem = UTF8Validation.firstProblem(in: bytes) {
            let hex = String(problem.byte, radix: 16, uppercase: true)
            return "is not UTF-8 text (byte 0x\(hex) on line \(problem.line)), so neither WebVTT nor SubRip; not copied"
        }
        let name = format == .webVTT ? "WebVTT" : "SubRip"
        do {
            let transcript = try TranscriptReader.read(bytes, format: format, file: file)
            guard !transcript.cues.isEmpty else { return "has no cue that reads as \(name); not copied" }
        } catch {
            let location = error.line.map { " (line \($0))" } ?? ""
            return "does not read as \(name)\(location): \(error.reason); not copied"
        }
        return nil
    }
}
