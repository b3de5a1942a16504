/// Text made safe to put into HTML and URLs, in one place: every page the server builds from index
/// data (titles, names, cue text, links) goes through `escaped`, so nothing an organiser's
/// files hold can open an element, close an attribute or start a script.
enum HTMLText {
    /// `text` with `& < > " '` as character references: safe between tags and inside a
    /// double- or single-quoted attribute value.
    static func escaped(_ text: some StringProtocol) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
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
        var output = ""
        output.reserveCapacity(json.utf8.count + 16)
        for scalar in json.unicodeScalars {
            switch scalar {
            case "<": output += "\\u003c"
            case ">": output += "\\u003e"
            case "&": output += "\\u0026"
            case "\u{2028}": output += "\\u2028"
            case "\u{2029}": output += "\\u2029"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    /// Seconds as a clock: `m:ss` under an hour, `h:mm:ss` from an hour on (whole seconds, floored).
    static func clock(_ seconds: Double) -> String {
        let whole = seconds.isFinite && seconds > 0 ? Int(min(seconds.rounded(.down), 1e9)) : 0
        let (hours, minutes, rest) = (whole / 3600, whole / 60 % 60, whole % 60)
        let twoDigits = { (value: Int) in value < 10 ? "0\(value)" : String(value) }
        return hours > 0 ? "\(hours):\(twoDigits(minutes)):\(twoDigits(rest))" : "\(minutes):\(twoDigits(rest))"
    }

    /// Seconds for a `data-start` attribute: at most three decimals, no trailing zeros ("75", "75.5").
    static func seconds(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds > 0 else { return "0" }
        let milliseconds = Int(min((seconds * 1000).rounded(), 1e12))
        let whole = milliseconds / 1000
        var fraction = milliseconds % 1000
        guard fraction > 0 else { return String(whole) }
        var digits = 3
        while fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        let text = String(fraction)
        return "\(whole)." + String(repeating: "0", count: digits - text.count) + text
    }

    /// `name=value&…`, each part percent-encoded (a page's own links: `?q=…&series=…`).
    static func query(_ pairs: [(String, String)]) -> String {
        pairs.map { percentEncoded($0.0) + "=" + percentEncoded($0.1) }.joined(separator: "&")
    }
}
