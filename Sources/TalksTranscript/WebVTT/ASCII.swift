/// Byte constants and classes the WebVTT algorithms name ("ASCII whitespace", "ASCII digits").
enum ASCII {
    static let tab: UInt8 = 0x09
    static let lineFeed: UInt8 = 0x0A
    static let formFeed: UInt8 = 0x0C
    static let carriageReturn: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let ampersand: UInt8 = 0x26
    static let hyphen: UInt8 = 0x2D
    static let fullStop: UInt8 = 0x2E
    static let solidus: UInt8 = 0x2F
    static let colon: UInt8 = 0x3A
    static let semicolon: UInt8 = 0x3B
    static let lessThan: UInt8 = 0x3C
    static let greaterThan: UInt8 = 0x3E
    static let comma: UInt8 = 0x2C
    static let percent: UInt8 = 0x25
    static let numberSign: UInt8 = 0x23

    /// Tab, LF, FF, CR or space: the HTML/Infra "ASCII whitespace".
    @inline(__always)
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == space || byte == tab || byte == lineFeed || byte == formFeed || byte == carriageReturn
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    @inline(__always)
    static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20) &- 0x61 < 6
    }

    @inline(__always)
    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20) &- 0x61 < 26
    }
}

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

    /// The index of the first `byte` in `range`, or nil.
    func firstIndex(of byte: UInt8, in range: Range<Int>) -> Int? {
        var index = range.lowerBound
        while index < range.upperBound {
            if self[index] == byte { return index }
            index += 1
        }
        return nil
    }
}
