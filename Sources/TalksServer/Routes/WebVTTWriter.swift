import TalksModel

/// Writes cues as a WebVTT file (W3C WebVTT §4), speakers as voice spans `<v Name>`.
///
/// Cue text is escaped (`&`, `<`, `>`), blank lines inside a cue are collapsed (a blank
/// line would end the cue) and `-->` cannot appear in cue text, so any transcript the
/// index holds comes out as a file a browser's `<track>` accepts.
///
/// It writes UTF-8 bytes cue by cue (`append(_:to:)`), so the server can send a long
/// transcript part by part (`TranscriptBody`) without building it as one string first.
public enum WebVTTWriter {
    /// The signature line every WebVTT file starts with.
    public static let header: [UInt8] = Array("WEBVTT\n".utf8)

    public static func document(_ cues: [Cue]) -> String {
        var output = header
        for cue in cues { append(cue, to: &output) }
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends one cue block: a blank line, the identifier (when it has one), the timings and
    /// the text, ending in a line feed.
    public static func append(_ cue: Cue, to output: inout [UInt8]) {
        output.append(lineFeed)
        if let id = cue.id, !id.isEmpty, !id.contains("-->") {
            output.append(contentsOf: singleLine(id).utf8)
            output.append(lineFeed)
        }
        let end = cue.end.isFinite && cue.end >= cue.start ? cue.end : cue.start
        output.append(contentsOf: "\(timestamp(cue.start)) --> \(timestamp(end))\n".utf8)
        if let speaker = cue.speaker, !speaker.isEmpty {
            output.append(contentsOf: "<v ".utf8)
            appendEscaped(singleLine(speaker), to: &output)
            output.append(UInt8(ascii: ">"))
        }
        appendEscaped(cue.text, to: &output)
        output.append(lineFeed)
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
        var output: [UInt8] = []
        appendEscaped(text, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    private static let lineFeed: UInt8 = 0x0A

    /// Appends `text` with `&`, `<`, `>` escaped, its lines joined by line feeds and blank
    /// (empty or whitespace-only) lines dropped. Lines end at LF, VT, FF, CR, NEL (U+0085),
    /// U+2028 and U+2029, like `Character.isNewline`. Works on the UTF-8 bytes: this runs
    /// over every cue of a transcript.
    static func appendEscaped(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var wroteLine = false
            var lineStart = 0
            var index = 0
            func flushLine(upTo end: Int) {
                let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<end])
                guard !isBlank(line) else { return }
                if wroteLine { output.append(lineFeed) }
                for byte in line {
                    switch byte {
                    case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
                    case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
                    case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
                    default: output.append(byte)
                    }
                }
                wroteLine = true
            }
            while index < bytes.count {
                let separator = lineBreakLength(bytes, at: index)
                if separator > 0 {
                    flushLine(upTo: index)
                    index += separator
                    lineStart = index
                } else {
                    index += 1
                }
            }
            flushLine(upTo: bytes.count)
        }
    }

    /// The byte length of the line break starting at `index`, or 0 when there is none.
    private static func lineBreakLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        switch bytes[index] {
        case 0x0A...0x0D: return 1
        case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0x85: return 2
        case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
            return 3
        default: return 0
        }
    }

    /// Whether a line is empty or only whitespace (spaces and tabs, or Unicode's White_Space).
    private static func isBlank(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var hasOtherBytes = false
        for byte in line where byte != 0x20 && byte != 0x09 {
            if byte < 0x80 { return false }
            hasOtherBytes = true
        }
        guard hasOtherBytes else { return true }
        return String(decoding: line, as: UTF8.self).unicodeScalars.allSatisfy(\.properties.isWhitespace)
    }

    private static func singleLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
