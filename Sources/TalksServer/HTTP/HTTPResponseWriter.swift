/// Serialises a response into the bytes of an HTTP/1.1 message (RFC 9112 §4–§6).
///
/// Pure, like the parser. It writes the status line, the route's fields, then `Date`,
/// `Content-Length` (the length of the GET body, also for HEAD, RFC 9110 §9.3.2) or, for a
/// streamed body, `Transfer-Encoding: chunked`, and `Connection: close` when the
/// connection will close (or `keep-alive` for an HTTP/1.0 client that asked for it). CR
/// and LF in field values are replaced by spaces, so no value can split the response.
public enum HTTPResponseWriter {
    public static func serialize(
        _ response: HTTPResponse, headOnly: Bool, keepAlive: Bool, version: HTTPVersion = .http1_1, date: String
    ) -> [UInt8] {
        var bytes = head(response, framing: .length(response.body.count), keepAlive: keepAlive, version: version, date: date)
        if !headOnly && !response.status.forbidsBody {
            bytes.append(contentsOf: response.body)
        }
        return bytes
    }

    /// How the receiver finds the end of a body (RFC 9112 §6.3).
    public enum BodyFraming: Sendable, Equatable {
        /// `Content-Length: n`.
        case length(Int)
        /// `Transfer-Encoding: chunked`: each part is a chunk (`chunk(_:)`), then `lastChunk`.
        case chunked
        /// Neither: the body ends when the connection closes (HTTP/1.0 clients of a
        /// streamed body); `keepAlive` must be false.
        case untilClose
    }

    /// The status line and header fields, with the framing field, `Date` and `Connection`.
    public static func head(
        _ response: HTTPResponse, framing: BodyFraming, keepAlive: Bool, version: HTTPVersion = .http1_1, date: String
    ) -> [UInt8] {
        var head = "HTTP/1.1 \(response.status.code) \(response.status.reason)\r\n"
        for field in response.headers.fields {
            switch field.name.lowercased() {
            case "content-length", "transfer-encoding", "date", "connection": continue
            default: break
            }
            head += "\(sanitize(field.name)): \(sanitize(field.value))\r\n"
        }
        head += "Date: \(date)\r\n"
        if !response.status.forbidsBody {
            switch framing {
            case .length(let length): head += "Content-Length: \(length)\r\n"
            case .chunked: head += "Transfer-Encoding: chunked\r\n"
            case .untilClose: break
            }
        }
        if !keepAlive {
            head += "Connection: close\r\n"
        } else if version == .http1_0 {
            head += "Connection: keep-alive\r\n"
        }
        head += "\r\n"
        return Array(head.utf8)
    }

    /// One chunk of a chunked body: the size in hexadecimal, CRLF, the bytes, CRLF
    /// (RFC 9112 §7.1). An empty part gives no bytes, since a zero-size chunk ends the body.
    public static func chunk(_ part: [UInt8]) -> [UInt8] {
        guard !part.isEmpty else { return [] }
        var bytes = Array((String(part.count, radix: 16) + "\r\n").utf8)
        bytes.reserveCapacity(bytes.count + part.count + 2)
        bytes.append(contentsOf: part)
        bytes.append(contentsOf: [0x0D, 0x0A])
        return bytes
    }

    /// The zero-size chunk and empty trailer section that end a chunked body.
    public static let lastChunk: [UInt8] = Array("0\r\n\r\n".utf8)

    private static func sanitize(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A || $0 == 0 }) else { return text }
        var clean = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            clean.append(scalar == "\r" || scalar == "\n" || scalar == "\u{0}" ? " " : scalar)
        }
        return String(clean)
    }
}
