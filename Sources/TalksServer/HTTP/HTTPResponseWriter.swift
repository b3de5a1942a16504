/// Serialises a response into the bytes of an HTTP/1.1 message (RFC 9112 §4–§6).
///
/// Pure, like the parser. It writes the status line, the route's fields, then `Date`,
/// `Content-Length` (the length of the GET body, also for HEAD, RFC 9110 §9.3.2) and
/// `Connection: close` when the connection will close (or `keep-alive` for an HTTP/1.0
/// client that asked for it). CR and LF in field values are replaced by spaces, so no
/// value can split the response.
public enum HTTPResponseWriter {
    public static func serialize(
        _ response: HTTPResponse, headOnly: Bool, keepAlive: Bool, version: HTTPVersion = .http1_1, date: String
    ) -> [UInt8] {
        var head = "HTTP/1.1 \(response.status.code) \(response.status.reason)\r\n"
        for field in response.headers.fields {
            switch field.name.lowercased() {
            case "content-length", "date", "connection": continue
            default: break
            }
            head += "\(sanitize(field.name)): \(sanitize(field.value))\r\n"
        }
        head += "Date: \(date)\r\n"
        if !response.status.forbidsBody {
            head += "Content-Length: \(response.body.count)\r\n"
        }
        if !keepAlive {
            head += "Connection: close\r\n"
        } else if version == .http1_0 {
            head += "Connection: keep-alive\r\n"
        }
        head += "\r\n"
        var bytes = Array(head.utf8)
        if !headOnly && !response.status.forbidsBody {
            bytes.append(contentsOf: response.body)
        }
        return bytes
    }

    private static func sanitize(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A || $0 == 0 }) else { return text }
        var clean = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            clean.append(scalar == "\r" || scalar == "\n" || scalar == "\u{0}" ? " " : scalar)
        }
        return String(clean)
    }
}
