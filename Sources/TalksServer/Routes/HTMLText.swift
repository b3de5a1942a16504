/// Text made safe for HTML and URLs, for the pages the server renders itself.
///
/// Everything from the index or the request passes through `escaped` before it enters a
/// page (element text and double-quoted attributes alike), and every query value through
/// `queryComponent`; the snippets, which the search engine already escapes and marks, are
/// the one exception, and are inserted as they come.
enum HTMLText {
    /// `&`, `<`, `>`, `"` and `'` as character references.
    static func escaped(_ text: some StringProtocol) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }

    /// Percent-encodes all but the unreserved characters of RFC 3986 (UTF-8 bytes).
    static func queryComponent(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, 0x2D, 0x2E, 0x5F, 0x7E:
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let digits = Array("0123456789ABCDEF".unicodeScalars)
                result += "%"
                result.unicodeScalars.append(digits[Int(byte >> 4)])
                result.unicodeScalars.append(digits[Int(byte & 0x0F)])
            }
        }
        return result
    }

    /// `name=value&…`, each part percent-encoded.
    static func query(_ pairs: [(String, String)]) -> String {
        pairs.map { queryComponent($0.0) + "=" + queryComponent($0.1) }.joined(separator: "&")
    }
}
