import TalksModel

/// Writes cues as a WebVTT file (W3C WebVTT §4), speakers as voice spans `<v Name>`.
///
/// Cue text is escaped (`&`, `<`, `>`), blank lines inside a cue are collapsed (a blank
/// line would end the cue) and `-->` cannot appear in cue text, so any transcript the
/// index holds comes out as a file a browser's `<track>` accepts.
public enum WebVTTWriter {
    public static func document(_ cues: [Cue]) -> String {
        var output = "WEBVTT\n"
        for cue in cues {
            output += "\n"
            if let id = cue.id, !id.isEmpty, !id.contains("-->") {
                output += singleLine(id) + "\n"
            }
            let end = cue.end.isFinite && cue.end >= cue.start ? cue.end : cue.start
            output += "\(timestamp(cue.start)) --> \(timestamp(end))\n"
            let text = escape(cue.text)
            if let speaker = cue.speaker, !speaker.isEmpty {
                output += "<v \(escape(singleLine(speaker)))>\(text)\n"
            } else {
                output += text + "\n"
            }
        }
        return output
    }

    /// `HH:MM:SS.mmm`.
    public static func timestamp(_ seconds: Double) -> String {
        // Clamped to 10^10 s so no stored time can overflow the conversion.
        let totalMilliseconds = seconds.isFinite ? Int64((min(max(0, seconds), 1e10) * 1000).rounded()) : 0
        let milliseconds = totalMilliseconds % 1000
        let totalSeconds = totalMilliseconds / 1000
        func pad(_ value: Int64, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(totalSeconds / 3600, 2)):\(pad(totalSeconds / 60 % 60, 2)):\(pad(totalSeconds % 60, 2)).\(pad(milliseconds, 3))"
    }

    static func escape(_ text: String) -> String {
        var output = ""
        for character in text {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            default: output.append(character)
            }
        }
        let lines = output.split(whereSeparator: \.isNewline).filter { !$0.allSatisfy(\.isWhitespace) }
        return lines.isEmpty ? "" : lines.joined(separator: "\n")
    }

    private static func singleLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
