/// Finds the first byte sequence in a file that is not UTF-8, by line and column.
///
/// The WebVTT parser decodes with replacement, as the W3C algorithm says, so a transcript
/// saved as Windows-1252 ("Sm\u{E5}land" as byte 0xE5) would be indexed with U+FFFD where
/// the å was, and nobody could find "Småland". Ingest therefore rejects such a file and
/// says where the first bad byte is and what to do. Valid files take the fast path of the
/// standard library's validator; only invalid ones are walked byte by byte.
enum UTF8Validation {
    struct Problem: Sendable, Hashable {
        /// 1-based line.
        var line: Int
        /// 1-based column, counted in characters before the bad byte.
        var column: Int
        var byte: UInt8
    }

    static func firstProblem(in bytes: [UInt8]) -> Problem? {
        if String(validating: bytes, as: UTF8.self) != nil { return nil }
        var line = 1
        var column = 1
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                if lead == 0x0A {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                index += 1
                continue
            }
            let length = sequenceLength(bytes, at: index)
            guard length > 0 else { return Problem(line: line, column: column, byte: lead) }
            index += length
            column += 1
        }
        return nil
    }

    /// The length of the well-formed sequence at `index` (Unicode Table 3-7), or 0.
    private static func sequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        let length: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; secondRange = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; secondRange = 0x80...0x9F
        case 0xF0: length = 4; secondRange = 0x90...0xBF
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; secondRange = 0x80...0x8F
        default: return 0
        }
        guard index + length <= bytes.count, secondRange.contains(bytes[index + 1]) else { return 0 }
        for offset in 2..<max(2, length) where !(0x80...0xBF).contains(bytes[index + offset]) {
            return 0
        }
        return length
    }
}
