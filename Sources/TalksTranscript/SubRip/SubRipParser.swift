/// A tolerant SubRip (`.srt`) reader: numbered blocks of a timing line and text lines.
///
/// SubRip has no specification; this follows what players accept. Blocks are separated by
/// blank lines; the number line is optional; timings are `HH:MM:SS,mmm --> HH:MM:SS,mmm`
/// (a `.` separator, one-digit hours and `MM:SS,mmm` are accepted too; anything after the
/// end time, such as `X1:… Y2:…` coordinates, is ignored). A missing blank line before the
/// next block is repaired, and a line of only spaces inside a cue's text (YouTube captions
/// converted to SRT have one above the first line) does not end the cue. Broken blocks are skipped with a diagnostic naming their line.
public struct SubRipParser: Sendable {
    /// One SubRip cue with its text as written (tags still in it).
    public struct Cue: Sendable, Hashable {
        /// The cue number line, if there was one.
        public var number: String?
        public var start: Double
        public var end: Double
        public var text: String
        /// 1-based line of the timing line.
        public var line: Int
    }

    public init() {}

    /// Parses a whole file into cues and diagnostics (line-located, for skipped blocks).
    public func parse(_ bytes: [UInt8]) -> (cues: [Cue], diagnostics: [WebVTTDiagnostic]) {
        let input = TextDecoding.normalizedUTF8(bytes)
        return input.withUnsafeBufferPointer { buffer in
            var lines: [Range<Int>] = []
            var start = 0
            while start < buffer.count {
                let end = buffer.firstIndex(of: ASCII.lineFeed, from: start) ?? buffer.count
                lines.append(start..<end)
                start = end + 1
            }
            return parse(buffer, lines: lines)
        }
    }

    private func parse(_ input: UnsafeBufferPointer<UInt8>, lines: [Range<Int>]) -> (cues: [Cue], diagnostics: [WebVTTDiagnostic]) {
        var cues: [Cue] = []
        var diagnostics: [WebVTTDiagnostic] = []
        func isBlank(_ line: Range<Int>) -> Bool { line.allSatisfy { ASCII.isWhitespace(input[$0]) } }
        func isNumber(_ line: Range<Int>) -> Bool {
            let trimmed = trim(input, line)
            return !trimmed.isEmpty && trimmed.allSatisfy { ASCII.isDigit(input[$0]) }
        }
        /// A line of only spaces or tabs (not an empty line) followed by text that starts no
        /// new block belongs to the cue: YouTube's captions converted to SRT keep such a
        /// line above a cue's first line of text.
        func continuesText(at index: Int) -> Bool {
            guard !lines[index].isEmpty, index + 1 < lines.count else { return false }
            let next = lines[index + 1]
            guard !isBlank(next), !containsArrow(input, next) else { return false }
            return !(isNumber(next) && index + 2 < lines.count && containsArrow(input, lines[index + 2]))
        }
        var index = 0
        while index < lines.count {
            if isBlank(lines[index]) {
                index += 1
                continue
            }
            var number: String? = nil
            if isNumber(lines[index]), index + 1 < lines.count, !isBlank(lines[index + 1]) {
                number = input.string(in: trim(input, lines[index]))
                index += 1
            }
            let timingLine = lines[index]
            let lineNumber = index + 1
            guard containsArrow(input, timingLine) else {
                diagnostics.append(WebVTTDiagnostic(line: lineNumber, message:
                    "expected a cue number or a timing line like \"00:00:01,000 --> 00:00:02,000\", found \"\(WebVTTFileParser.excerpt(input.string(in: timingLine)))\"; block skipped"))
                while index < lines.count, !isBlank(lines[index]) { index += 1 }
                continue
            }
            index += 1
            var textLines: [Range<Int>] = []
            while index < lines.count, !isBlank(lines[index]) || continuesText(at: index) {
                if containsArrow(input, lines[index]) {
                    // A missing blank line: the next block starts here (its number, if any,
                    // was read as a text line).
                    if let last = textLines.last, isNumber(last) { textLines.removeLast(); index -= 1 }
                    break
                }
                textLines.append(lines[index])
                index += 1
            }
            guard let (startTime, endTime) = timings(input, timingLine) else {
                diagnostics.append(WebVTTDiagnostic(line: lineNumber, message:
                    "invalid SubRip timing line \"\(WebVTTFileParser.excerpt(input.string(in: timingLine)))\"; cue skipped"))
                continue
            }
            let text = textLines.map { input.string(in: $0) }.joined(separator: "\n")
            cues.append(Cue(number: number, start: startTime, end: endTime, text: text, line: lineNumber))
        }
        return (cues, diagnostics)
    }

    private func trim(_ input: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Range<Int> {
        var lower = line.lowerBound
        var upper = line.upperBound
        while lower < upper, ASCII.isWhitespace(input[lower]) { lower += 1 }
        while upper > lower, ASCII.isWhitespace(input[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    private func containsArrow(_ input: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        input.containsArrow(in: line)
    }

    private func timings(_ input: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> (Double, Double)? {
        var position = line.lowerBound
        let end = line.upperBound
        while position < end, ASCII.isWhitespace(input[position]) { position += 1 }
        guard let start = timestamp(input, &position, end) else { return nil }
        while position < end, ASCII.isWhitespace(input[position]) { position += 1 }
        for expected in [ASCII.hyphen, ASCII.hyphen, ASCII.greaterThan] {
            guard position < end, input[position] == expected else { return nil }
            position += 1
        }
        while position < end, ASCII.isWhitespace(input[position]) { position += 1 }
        guard let finish = timestamp(input, &position, end) else { return nil }
        guard position == end || ASCII.isWhitespace(input[position]) else { return nil }
        return (start, finish)
    }

    /// `[H]H:MM:SS,mmm` or `MM:SS,mmm`, with `,` or `.`, 1–3 fraction digits.
    private func timestamp(_ input: UnsafeBufferPointer<UInt8>, _ position: inout Int, _ end: Int) -> Double? {
        var fields: [Double] = []
        while true {
            var value: Double = 0
            var digits = 0
            while position < end, ASCII.isDigit(input[position]), digits < 9 {
                value = value * 10 + Double(input[position] &- 0x30)
                position += 1
                digits += 1
            }
            guard digits > 0 else { return nil }
            fields.append(value)
            guard position < end, input[position] == ASCII.colon, fields.count < 3 else { break }
            position += 1
        }
        guard fields.count >= 2, fields.dropFirst().allSatisfy({ $0 <= 59 }) else { return nil }
        var seconds = fields.reduce(0) { $0 * 60 + $1 }
        guard position < end, input[position] == ASCII.comma || input[position] == ASCII.fullStop else { return nil }
        position += 1
        var scale = 0.1
        var fractionDigits = 0
        while position < end, ASCII.isDigit(input[position]), fractionDigits < 3 {
            seconds += Double(input[position] &- 0x30) * scale
            scale /= 10
            position += 1
            fractionDigits += 1
        }
        guard fractionDigits > 0 else { return nil }
        return (seconds * 1000).rounded() / 1000
    }

    /// The text of a SubRip cue without its basic formatting tags (`<i>`, `<b>`, `<u>`, `<s>`,
    /// `<font …>` and their end tags, any case) and `{\an8}`-style position codes.
    ///
    /// One pass over the UTF-8 bytes: the position of the next `>` and `}` is remembered, so
    /// a line of thousands of unclosed `<` costs no more than any other line of its length.
    public static func plainText(_ text: String) -> String {
        guard text.utf8.contains(ASCII.lessThan) || text.utf8.contains(ASCII.leftBrace) else { return text }
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var nextGreaterThan = -1
        var nextRightBrace = -1
        /// The index of the first `byte` at or after `index` (bytes.count when there is none),
        /// reusing `cached` while it is still ahead.
        func next(_ byte: UInt8, from index: Int, cached: inout Int) -> Int {
            if cached < index {
                cached = bytes[index...].firstIndex(of: byte) ?? bytes.count
            }
            return cached
        }
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == ASCII.lessThan {
                let close = next(ASCII.greaterThan, from: index, cached: &nextGreaterThan)
                if close < bytes.count, isFormattingTag(bytes[(index + 1)..<close]) {
                    index = close + 1
                    continue
                }
            } else if byte == ASCII.leftBrace, index + 1 < bytes.count, bytes[index + 1] == ASCII.backslash {
                let close = next(ASCII.rightBrace, from: index, cached: &nextRightBrace)
                if close < bytes.count {
                    index = close + 1
                    continue
                }
            }
            output.append(byte)
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// True for the inside of `<i>`, `</b>`, `<font color="red">` and the like: optional
    /// slashes, then one of SubRip's tag names (any case) not followed by another letter
    /// (a byte of a non-ASCII character counts as a letter, so `<bå>` is text).
    private static func isFormattingTag(_ inside: ArraySlice<UInt8>) -> Bool {
        let name = inside.drop { $0 == ASCII.solidus }.prefix { ASCII.isAlpha($0) || $0 >= 0x80 }
        guard name.count <= 4 else { return false }
        let lowercase = String(decoding: name.map { $0 | 0x20 }, as: UTF8.self)
        return ["i", "b", "u", "s", "font"].contains(lowercase)
    }
}
