/// The HTML "consume a character reference" algorithm, as the WebVTT cue text tokenizer uses
/// it: numeric references (`&#32;`, `&#x20;`), named references with the longest match
/// (`&notit;` is `¬it;`), legacy names without `;` (`&amp`), never "as part of an attribute".
enum CharacterReference {
    /// Parsed table: name (with `;` when it has one) → replacement text.
    static let namedReferences: [String: String] = {
        var table: [String: String] = [:]
        table.reserveCapacity(2300)
        for line in NamedCharacterReferenceTable.entries.split(separator: "\n") {
            guard let space = line.firstIndex(of: " ") else { continue }
            let name = String(line[..<space])
            var scalars = String.UnicodeScalarView()
            for hex in line[line.index(after: space)...].split(separator: ",") {
                if let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) {
                    scalars.append(scalar)
                }
            }
            table[name] = String(scalars)
        }
        return table
    }()

    /// The longest name in the table, bounding how far a named lookup reads.
    static let longestName = 32

    /// Windows-1252 code points that numeric references in 0x80...0x9F stand for.
    static let windows1252: [UInt32: UInt32] = [
        0x80: 0x20AC, 0x82: 0x201A, 0x83: 0x0192, 0x84: 0x201E, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021,
        0x88: 0x02C6, 0x89: 0x2030, 0x8A: 0x0160, 0x8B: 0x2039, 0x8C: 0x0152, 0x8E: 0x017D, 0x91: 0x2018,
        0x92: 0x2019, 0x93: 0x201C, 0x94: 0x201D, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02DC,
        0x99: 0x2122, 0x9A: 0x0161, 0x9B: 0x203A, 0x9C: 0x0153, 0x9E: 0x017E, 0x9F: 0x0178,
    ]

    /// Attempts to consume a character reference whose first character (after `&`) is at
    /// `position`. On success returns the UTF-8 of the replacement and moves `position` past
    /// what was consumed; otherwise returns nil and leaves `position` alone.
    static func consume(_ input: UnsafeBufferPointer<UInt8>, position: inout Int, end: Int,
                        additionalAllowed: UInt8?) -> [UInt8]? {
        guard position < end else { return nil }
        let first = input[position]
        if first == ASCII.tab || first == ASCII.lineFeed || first == ASCII.formFeed || first == ASCII.space
            || first == ASCII.lessThan || first == ASCII.ampersand || first == additionalAllowed {
            return nil
        }
        if first == ASCII.numberSign {
            return consumeNumeric(input, position: &position, end: end)
        }
        return consumeNamed(input, position: &position, end: end)
    }

    private static func consumeNumeric(_ input: UnsafeBufferPointer<UInt8>, position: inout Int, end: Int) -> [UInt8]? {
        var index = position + 1
        var hexadecimal = false
        if index < end, input[index] | 0x20 == 0x78 { // x or X
            hexadecimal = true
            index += 1
        }
        var value: UInt32 = 0
        var digits = 0
        while index < end {
            let byte = input[index]
            let digit: UInt32
            if ASCII.isDigit(byte) {
                digit = UInt32(byte &- 0x30)
            } else if hexadecimal, ASCII.isHexDigit(byte) {
                digit = UInt32((byte | 0x20) &- 0x61 + 10)
            } else {
                break
            }
            // Saturate just past the Unicode range so long digit runs cannot overflow.
            value = min(value * (hexadecimal ? 16 : 10) + digit, 0x110000)
            digits += 1
            index += 1
        }
        guard digits > 0 else { return nil }
        if index < end, input[index] == ASCII.semicolon { index += 1 }
        position = index
        let scalarValue: UInt32
        if value == 0 || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) {
            scalarValue = 0xFFFD
        } else if let mapped = windows1252[value] {
            scalarValue = mapped
        } else {
            scalarValue = value
        }
        return Array(String(Unicode.Scalar(scalarValue) ?? "\u{FFFD}").utf8)
    }

    private static func consumeNamed(_ input: UnsafeBufferPointer<UInt8>, position: inout Int, end: Int) -> [UInt8]? {
        var index = position
        while index < end, index - position < longestName, ASCII.isAlphanumeric(input[index]) { index += 1 }
        let alphanumericEnd = index
        guard alphanumericEnd > position else { return nil }
        // The longest table name that is a prefix of the input: the whole run with its `;`,
        // else successively shorter runs (only legacy names lack the `;`).
        if alphanumericEnd < end, input[alphanumericEnd] == ASCII.semicolon {
            let name = input.string(in: position..<(alphanumericEnd + 1))
            if let replacement = namedReferences[name] {
                position = alphanumericEnd + 1
                return Array(replacement.utf8)
            }
        }
        var length = alphanumericEnd - position
        while length > 0 {
            let name = input.string(in: position..<(position + length))
            if let replacement = namedReferences[name] {
                position += length
                return Array(replacement.utf8)
            }
            length -= 1
        }
        return nil
    }
}
