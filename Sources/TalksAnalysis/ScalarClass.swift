/// Classifies the UTF-8 encoded scalar at a byte offset for the tokenizer.
///
/// Bytes, not `Character`: ASCII and Latin-1 (where å, ä, ö live) are decided by byte
/// tests; other scalars are decoded once and asked for their Unicode properties.
/// Malformed UTF-8 is never an error here: each bad byte is a one-byte separator.
enum ScalarClass: Equatable {
    /// A letter or decimal digit: starts or continues a word.
    case wordCharacter
    /// A combining mark: continues a word (decomposed `a` + U+030A), never starts one.
    case combiningMark
    /// A hyphen (`-`, U+2010, U+2011, soft hyphen U+00AD): may join two words.
    case hyphen
    /// Anything else: space, punctuation, apostrophe, emoji, malformed bytes.
    case separator

    /// The class of the scalar starting at `index` and its length in bytes (at least 1).
    @inline(__always)
    static func at(_ index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (ScalarClass, Int) {
        let byte = bytes[index]
        if byte < 0x80 {
            if (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10 { return (.wordCharacter, 1) }
            return (byte == 0x2D ? .hyphen : .separator, 1)
        }
        let count = bytes.count
        if byte == 0xC3, index + 1 < count {
            let next = bytes[index + 1]
            if next & 0xC0 != 0x80 { return (.separator, 1) }
            return (next == 0x97 || next == 0xB7 ? .separator : .wordCharacter, 2)
        }
        if byte == 0xC2, index + 1 < count {
            let next = bytes[index + 1]
            if next & 0xC0 != 0x80 { return (.separator, 1) }
            switch next {
            case 0xAA, 0xB5, 0xBA: return (.wordCharacter, 2)
            case 0xAD: return (.hyphen, 2)
            default: return (.separator, 2)
            }
        }
        guard let (value, length) = decode(at: index, in: bytes) else { return (.separator, 1) }
        if value == 0x2010 || value == 0x2011 { return (.hyphen, length) }
        guard let scalar = Unicode.Scalar(value) else { return (.separator, length) }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark:
            return (.combiningMark, length)
        case .decimalNumber:
            return (.wordCharacter, length)
        default:
            return (properties.isAlphabetic ? .wordCharacter : .separator, length)
        }
    }

    /// Decodes a multi-byte UTF-8 sequence strictly (no overlongs, no surrogates);
    /// nil for anything malformed.
    @inline(__always)
    static func decode(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (UInt32, Int)? {
        let lead = bytes[index]
        let length: Int
        var value: UInt32
        switch lead {
        case 0xC2...0xDF: length = 2; value = UInt32(lead & 0x1F)
        case 0xE0...0xEF: length = 3; value = UInt32(lead & 0x0F)
        case 0xF0...0xF4: length = 4; value = UInt32(lead & 0x07)
        default: return nil
        }
        guard index + length <= bytes.count else { return nil }
        for offset in 1..<length {
            let continuation = bytes[index + offset]
            guard continuation & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(continuation & 0x3F)
        }
        switch length {
        case 3 where value < 0x800 || (0xD800...0xDFFF).contains(value): return nil
        case 4 where value < 0x10000 || value > 0x10FFFF: return nil
        default: return (value, length)
        }
    }
}
