/// Percent-decoding (RFC 3986 §2.1) of URL paths and `application/x-www-form-urlencoded`
/// query components, strict about what it accepts.
///
/// `%` must be followed by two hex digits and the decoded bytes must be valid UTF-8;
/// anything else is a `PercentDecodingError` rather than a guess, so `/search?q=%E4`
/// (Latin-1 "ä") is refused with a message instead of searching for a replacement character.
public enum PercentDecoding {
    /// Decodes `text`; with `plusAsSpace` (query strings) `+` becomes a space.
    public static func decode(_ text: Substring, plusAsSpace: Bool) throws(PercentDecodingError) -> String {
        let utf8 = Array(text.utf8)
        guard utf8.contains(UInt8(ascii: "%")) || (plusAsSpace && utf8.contains(UInt8(ascii: "+"))) else {
            return String(text)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < utf8.count,
                    let high = hexValue(utf8[index + 1]), let low = hexValue(utf8[index + 2])
                else {
                    throw .badEscape(String(text), offset: index)
                }
                bytes.append(high << 4 | low)
                index += 3
            } else if plusAsSpace && byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
                index += 1
            } else {
                bytes.append(byte)
                index += 1
            }
        }
        guard let decoded = String(validating: bytes, as: UTF8.self) else {
            throw .notUTF8(String(text))
        }
        return decoded
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// Percent-encodes everything except RFC 3986 unreserved characters; used to build links.
    public static func encode(_ text: String) -> String {
        var output = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                UInt8(ascii: "_"), UInt8(ascii: "~"):
                output.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".utf8)
                output.unicodeScalars.append("%")
                output.unicodeScalars.append(Unicode.Scalar(hex[Int(byte >> 4)]))
                output.unicodeScalars.append(Unicode.Scalar(hex[Int(byte & 0x0F)]))
            }
        }
        return output
    }
}

/// Why a percent-encoded component could not be decoded.
public enum PercentDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A `%` not followed by two hex digits, at this byte offset of the component.
    case badEscape(String, offset: Int)
    /// The decoded bytes are not UTF-8.
    case notUTF8(String)

    public var description: String {
        switch self {
        case .badEscape(let text, let offset):
            return "'%' at byte \(offset) of '\(text.prefix(80))' is not followed by two hex digits"
        case .notUTF8(let text):
            return "'\(text.prefix(80))' does not decode to UTF-8 text (encode non-ASCII characters as UTF-8, e.g. ä as %C3%A4)"
        }
    }
}
