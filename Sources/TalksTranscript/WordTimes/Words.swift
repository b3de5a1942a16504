/// The words of a cue text as word timings count them: maximal runs of characters that are
/// not Unicode whitespace (`White_Space`), located by UTF-8 byte ranges.
///
/// Everything `TranscriptReader` does to a cue's text after its timestamp tags are read
/// (trimming lines, dropping blank lines, dropping a rolling caption's repeated line, taking
/// a `Name:` prefix off) removes whitespace or whole words at the front, so the same word
/// keeps its position counted from the end. That is what lets word timings survive those
/// steps as word ordinals (`WordStamps`). Whitespace is the same as `trimmingWhitespace`'s,
/// recognised on UTF-8 bytes because this runs on every cue with timestamp tags.
enum Words {
    /// The UTF-8 byte range of every word in `text`, in order.
    static func ranges(in text: String) -> [Range<Int>] {
        var text = text
        return text.withUTF8 { bytes in
            var ranges: [Range<Int>] = []
            var index = 0
            var wordStart: Int? = nil
            while index < bytes.count {
                let space = whitespaceLength(bytes, at: index)
                if space > 0 {
                    if let start = wordStart {
                        ranges.append(start..<index)
                        wordStart = nil
                    }
                    index += space
                } else {
                    if wordStart == nil { wordStart = index }
                    index += 1
                }
            }
            if let start = wordStart { ranges.append(start..<bytes.count) }
            return ranges
        }
    }

    /// The length in bytes of the White_Space character at `index`, or 0 when there is none:
    /// U+0009–000D, U+0020, U+0085, U+00A0, U+1680, U+2000–200A, U+2028, U+2029, U+202F,
    /// U+205F and U+3000.
    static func whitespaceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = bytes[index]
        if byte < 0x80 { return byte == 0x20 || (0x09...0x0D).contains(byte) ? 1 : 0 }
        guard byte == 0xC2 || byte == 0xE1 || byte == 0xE2 || byte == 0xE3 else { return 0 }
        guard index + 1 < bytes.count else { return 0 }
        let second = bytes[index + 1]
        if byte == 0xC2 { return second == 0x85 || second == 0xA0 ? 2 : 0 }
        guard index + 2 < bytes.count else { return 0 }
        let third = bytes[index + 2]
        switch (byte, second) {
        case (0xE1, 0x9A): return third == 0x80 ? 3 : 0
        case (0xE2, 0x80): return third <= 0x8A || third == 0xA8 || third == 0xA9 || third == 0xAF ? 3 : 0
        case (0xE2, 0x81): return third == 0x9F ? 3 : 0
        case (0xE3, 0x80): return third == 0x80 ? 3 : 0
        default: return 0
        }
    }
}
