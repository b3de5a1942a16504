import Glibc

/// Byte-range helpers the parsers share: they read UTF-8 input through an
/// `UnsafeBufferPointer` and name text by index ranges, so lines and tokens are never copied
/// until a value is kept. Every helper checks its range against the buffer.
extension UnsafeBufferPointer where Element == UInt8 {
    /// True when the bytes in `range` equal the ASCII text `literal`.
    func matches(_ literal: StaticString, in range: Range<Int>) -> Bool {
        guard range.count == literal.utf8CodeUnitCount, range.lowerBound >= 0, range.upperBound <= count else {
            return false
        }
        let pointer = literal.utf8Start
        var offset = 0
        for index in range {
            if self[index] != pointer[offset] { return false }
            offset += 1
        }
        return true
    }

    /// The bytes in `range` decoded as a `String` (the input is already valid UTF-8).
    func string(in range: Range<Int>) -> String {
        guard !range.isEmpty, range.lowerBound >= 0, range.upperBound <= count else { return "" }
        return String(decoding: UnsafeBufferPointer(rebasing: self[range]), as: UTF8.self)
    }

    /// Splits `range` on ASCII whitespace ("split a string on spaces"), skipping empty tokens.
    func tokensSplitOnWhitespace(in range: Range<Int>) -> [Range<Int>] {
        let range = range.clamped(to: 0..<count)
        var tokens: [Range<Int>] = []
        var index = range.lowerBound
        while index < range.upperBound {
            while index < range.upperBound, ASCII.isWhitespace(self[index]) { index += 1 }
            let start = index
            while index < range.upperBound, !ASCII.isWhitespace(self[index]) { index += 1 }
            if start < index { tokens.append(start..<index) }
        }
        return tokens
    }

    /// True when `range` contains "-->" (the test the WebVTT and SubRip block rules use).
    /// Finds each `>` with `memchr`, then looks at the two bytes before it.
    func containsArrow(in range: Range<Int>) -> Bool {
        guard range.count >= 3, range.lowerBound >= 0, range.upperBound <= count, let base = baseAddress else {
            return false
        }
        var start = range.lowerBound + 2
        while start < range.upperBound,
              let found = memchr(base + start, Int32(ASCII.greaterThan), range.upperBound - start) {
            let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if self[index - 1] == ASCII.hyphen, self[index - 2] == ASCII.hyphen { return true }
            start = index + 1
        }
        return false
    }

    /// The index of the first `byte` at or after `start`, or nil. The C function is `memchr`.
    func firstIndex(of byte: UInt8, from start: Int) -> Int? {
        guard start >= 0, start < count, let base = baseAddress,
              let found = memchr(base + start, Int32(byte), count - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// The index of the first `byte` in `range`, or nil.
    func firstIndex(of byte: UInt8, in range: Range<Int>) -> Int? {
        let range = range.clamped(to: 0..<count)
        var index = range.lowerBound
        while index < range.upperBound {
            if self[index] == byte { return index }
            index += 1
        }
        return nil
    }
}
