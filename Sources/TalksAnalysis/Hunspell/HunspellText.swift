/// The lines of a Hunspell file, decoded in the encoding its affix file's `SET` names.
///
/// Both files are line-based; a line ends at `\n` (a `\r` before it is dropped). Decoding
/// is strict: bytes that are not valid in the encoding are an error naming the line, never
/// a replacement character that would make a word no text can match.
enum HunspellText {
    /// The encodings talks decodes: UTF-8, which every current dictionary uses (sv_SE
    /// included), and ISO8859-1, Hunspell's default when an affix file has no `SET`.
    enum Encoding: Hashable, Sendable {
        case utf8
        case latin1

        init?(name: Substring) {
            switch name.uppercased() {
            case "UTF-8", "UTF8": self = .utf8
            case "ISO8859-1", "ISO-8859-1", "ISO8859_1", "LATIN1": self = .latin1
            default: return nil
            }
        }

        var name: String { self == .utf8 ? "UTF-8" : "ISO8859-1" }
    }

    /// Calls `body` with each line's 1-based number and byte range in `bytes`.
    static func forEachLine(in bytes: [UInt8], _ body: (_ number: Int, _ range: Range<Int>) throws(HunspellError) -> Void) throws(HunspellError) {
        var start = 0
        var number = 1
        let count = bytes.count
        while start < count {
            var end = start
            while end < count && bytes[end] != 0x0A { end += 1 }
            var lineEnd = end
            if lineEnd > start && bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            try body(number, start..<lineEnd)
            number += 1
            start = end + 1
        }
    }

    /// The text of `bytes[range]`, or nil when it is not valid in `encoding`.
    static func decode(_ bytes: [UInt8], _ range: Range<Int>, as encoding: Encoding) -> String? {
        bytes.withUnsafeBufferPointer { buffer in
            let slice = UnsafeBufferPointer(rebasing: buffer[range])
            switch encoding {
            case .utf8:
                return String(validating: slice, as: UTF8.self)
            case .latin1:
                var text = String.UnicodeScalarView()
                for byte in slice { text.append(Unicode.Scalar(byte)) }
                return String(text)
            }
        }
    }

    /// The encoding named by the first `SET` line of an affix file (ASCII, so it can be
    /// found before the encoding is known); ISO8859-1, Hunspell's default, when there is none.
    static func declaredEncoding(of bytes: [UInt8], path: String) throws(HunspellError) -> Encoding {
        var found: Encoding?
        try forEachLine(in: bytes) { number, range throws(HunspellError) in
            guard found == nil, range.count > 4,
                  bytes[range.lowerBound] == 0x53, bytes[range.lowerBound + 1] == 0x45,
                  bytes[range.lowerBound + 2] == 0x54, bytes[range.lowerBound + 3] == 0x20 || bytes[range.lowerBound + 3] == 0x09
            else { return }
            let text = String(decoding: bytes[range], as: UTF8.self)
            let fields = fields(of: text)
            guard fields.count >= 2 else { throw HunspellError(path: path, line: number, problem: .missingValue(directive: "SET")) }
            guard let encoding = Encoding(name: fields[1]) else {
                throw HunspellError(path: path, line: number, problem: .unsupportedEncoding(String(fields[1])))
            }
            found = encoding
        }
        return found ?? .latin1
    }

    /// The whitespace-separated fields of a line.
    static func fields(of line: String) -> [Substring] {
        line.split(whereSeparator: { $0 == " " || $0 == "\t" })
    }
}
