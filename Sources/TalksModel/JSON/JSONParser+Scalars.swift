/// Numbers and strings: the two JSON tokens with an inner grammar, each checked strictly.
extension JSONParser {
    // MARK: - Numbers

    mutating func parseNumber() throws(JSONParseError) -> JSONValue {
        let start = offset
        let startLocation = location
        var isInteger = true
        if current == UInt8(ascii: "-") { advance() }
        guard let first = current, isDigit(first) else {
            throw error("expected a digit after '-', found \(describeCurrent())")
        }
        if first == UInt8(ascii: "0") {
            advance()
            if let next = current, isDigit(next) {
                throw JSONParseError(
                    line: startLocation.line, column: startLocation.column,
                    message: "numbers must not have leading zeros")
            }
        } else {
            while let digit = current, isDigit(digit) { advance() }
        }
        if current == UInt8(ascii: ".") {
            isInteger = false
            advance()
            guard let digit = current, isDigit(digit) else {
                throw error("expected a digit after the decimal point, found \(describeCurrent())")
            }
            while let digit = current, isDigit(digit) { advance() }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            isInteger = false
            advance()
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { advance() }
            guard let digit = current, isDigit(digit) else {
                throw error("expected a digit in the exponent, found \(describeCurrent())")
            }
            while let digit = current, isDigit(digit) { advance() }
        }
        let text = String(decoding: bytes[start..<offset], as: UTF8.self)
        if isInteger, let integer = Int64(text) {
            return .integer(integer)
        }
        guard let number = Double(text), number.isFinite else {
            throw JSONParseError(
                line: startLocation.line, column: startLocation.column,
                message: "number \(text.prefix(40)) is out of range")
        }
        return .number(number)
    }

    func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    // MARK: - Strings

    mutating func parseString() throws(JSONParseError) -> String {
        advance()  // opening quote
        var scalars = String.UnicodeScalarView()
        while true {
            guard let byte = current else {
                throw error("unterminated string; expected '\"' before the end of input")
            }
            switch byte {
            case UInt8(ascii: "\""):
                advance()
                return String(scalars)
            case UInt8(ascii: "\\"):
                scalars.append(try parseEscape())
            case 0x00..<0x20:
                if byte == 0x0A {
                    throw error("unterminated string; a line break inside a string must be written \\n")
                }
                throw error("control character U+\(hex(UInt32(byte), width: 4)) in a string must be escaped")
            case 0x00..<0x80:
                scalars.append(Unicode.Scalar(byte))
                advance()
            default:
                scalars.append(try decodeUTF8Scalar())
            }
        }
    }

    mutating func parseEscape() throws(JSONParseError) -> Unicode.Scalar {
        let escapeLocation = location
        advance()  // backslash
        guard let byte = current else {
            throw error("unterminated escape sequence at the end of input")
        }
        advance()
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let unit = try parseHexQuad(escapeLocation)
            if (0xD800...0xDBFF).contains(unit) {
                guard current == UInt8(ascii: "\\"), peek(1) == UInt8(ascii: "u") else {
                    throw JSONParseError(
                        line: escapeLocation.line, column: escapeLocation.column,
                        message: "unpaired surrogate \\u\(hex(unit, width: 4)); a high surrogate must be followed by a low one")
                }
                advance()
                advance()
                let low = try parseHexQuad(escapeLocation)
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw JSONParseError(
                        line: escapeLocation.line, column: escapeLocation.column,
                        message: "unpaired surrogate \\u\(hex(unit, width: 4)) followed by \\u\(hex(low, width: 4))")
                }
                let value = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                if let scalar = Unicode.Scalar(value) { return scalar }
            } else if let scalar = Unicode.Scalar(unit) {
                return scalar
            }
            throw JSONParseError(
                line: escapeLocation.line, column: escapeLocation.column,
                message: "unpaired surrogate \\u\(hex(unit, width: 4))")
        default:
            throw JSONParseError(
                line: escapeLocation.line, column: escapeLocation.column,
                message: "invalid escape '\\\(Self.printable(byte))'; valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX")
        }
    }

    mutating func parseHexQuad(_ escapeLocation: JSONLocation) throws(JSONParseError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = current, let digit = Self.hexDigitValue(byte) else {
                throw JSONParseError(
                    line: escapeLocation.line, column: escapeLocation.column,
                    message: "\\u must be followed by four hexadecimal digits")
            }
            value = value << 4 | digit
            advance()
        }
        return value
    }

    static func hexDigitValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    /// Decodes one multi-byte UTF-8 sequence at the cursor, rejecting overlong forms,
    /// surrogates, values above U+10FFFF and truncated sequences.
    mutating func decodeUTF8Scalar() throws(JSONParseError) -> Unicode.Scalar {
        let lead = bytes[offset]
        let length: Int
        var value: UInt32
        var lowest: UInt32
        switch lead {
        case 0xC2...0xDF: length = 2; value = UInt32(lead & 0x1F); lowest = 0x80
        case 0xE0...0xEF: length = 3; value = UInt32(lead & 0x0F); lowest = 0x800
        case 0xF0...0xF4: length = 4; value = UInt32(lead & 0x07); lowest = 0x10000
        default:
            throw error("invalid UTF-8 byte 0x\(hex(UInt32(lead), width: 2)) in a string")
        }
        guard offset + length <= bytes.count else {
            throw error("truncated UTF-8 sequence at the end of input")
        }
        for index in 1..<length {
            let continuation = bytes[offset + index]
            guard continuation & 0xC0 == 0x80 else {
                throw error("invalid UTF-8 sequence in a string")
            }
            value = value << 6 | UInt32(continuation & 0x3F)
        }
        guard value >= lowest, value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value),
            let scalar = Unicode.Scalar(value)
        else {
            throw error("invalid UTF-8 sequence in a string")
        }
        offset += length  // no line breaks inside; the column counts the scalar once
        columnAdjustment += length - 1
        return scalar
    }
}
