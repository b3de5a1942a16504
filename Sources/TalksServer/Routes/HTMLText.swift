/// Text made safe to put into HTML and URLs, in one place: every page the server builds from index
/// data (titles, names, cue text, links) goes through `escaped`, so nothing an organiser's
/// files hold can open an element, close an attribute or start a script.
enum HTMLText {
    /// `text` with `& < > " '` as character references: safe between tags and inside a
    /// double- or single-quoted attribute value.
    static func escaped(_ text: some StringProtocol) -> String {
        replacing(text) { scalar in
            switch scalar {
            case "&": "&amp;"
            case "<": "&lt;"
            case ">": "&gt;"
            case "\"": "&quot;"
            case "'": "&#39;"
            default: nil
            }
        }
    }

    /// `text` percent-encoded for a URL's query value or path segment: everything but
    /// RFC 3986's unreserved characters is `%XX` of its UTF-8 bytes.
    static func percentEncoded(_ text: some StringProtocol) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in text.utf8 {
            switch byte {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2D, 0x2E, 0x5F, 0x7E:
                output.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                output.unicodeScalars.append("%")
                output.unicodeScalars.append(Unicode.Scalar(hex[Int(byte >> 4)]))
                output.unicodeScalars.append(Unicode.Scalar(hex[Int(byte & 0x0F)]))
            }
        }
        return output
    }

    /// A JSON text made safe inside `<script type="application/ld+json">`: `<`, `>` and `&`
    /// (which JSON allows only inside strings) become `\u003c`, `\u003e`, `\u0026`, so no
    /// string can hold `</script>` or `<!--`; the JSON means the same.
    static func scriptSafeJSON(_ json: String) -> String {
        replacing(json) { scalar in
            switch scalar {
            case "<": "\\u003c"
            case ">": "\\u003e"
            case "&": "\\u0026"
            case "\u{2028}": "\\u2028"
            case "\u{2029}": "\\u2029"
            default: nil
            }
        }
    }

    /// `text` with each scalar that `replacement` maps to a string replaced by it.
    private static func replacing(_ text: some StringProtocol, _ replacement: (Unicode.Scalar) -> String?) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            if let replaced = replacement(scalar) { output += replaced } else { output.unicodeScalars.append(scalar) }
        }
        return output
    }

    /// `name=value&…`, each part percent-encoded (a page's own links: `?q=…&series=…`).
    static func query(_ pairs: [(String, String)]) -> String {
        pairs.map { percentEncoded($0.0) + "=" + percentEncoded($0.1) }.joined(separator: "&")
    }
}
