/// The words of a cue text as word timings count them: maximal runs of characters that are
/// not Unicode whitespace, located by UTF-8 byte ranges.
///
/// Everything `TranscriptReader` does to a cue's text after its timestamp tags are read
/// (trimming lines, dropping blank lines, dropping a rolling caption's repeated line, taking
/// a `Name:` prefix off) removes whitespace or whole words at the front, so the same word
/// keeps its position counted from the end. That is what lets word timings survive those
/// steps as word ordinals (`WordStamps`). Whitespace is the same as `trimmingWhitespace`'s.
enum Words {
    /// The UTF-8 byte range of every word in `text`, in order.
    static func ranges(in text: String) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var offset = 0
        var wordStart: Int? = nil
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                if let start = wordStart {
                    ranges.append(start..<offset)
                    wordStart = nil
                }
            } else if wordStart == nil {
                wordStart = offset
            }
            offset += UTF8.width(scalar)
        }
        if let start = wordStart { ranges.append(start..<offset) }
        return ranges
    }

    /// The number of words in `text`.
    static func count(in text: String) -> Int {
        var count = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                inWord = false
            } else if !inWord {
                inWord = true
                count += 1
            }
        }
        return count
    }
}
