import TalksModel

/// Why a request head was refused, and the status that says so.
///
/// Every case maps to one 4xx/5xx status (`status`); the server answers with that status,
/// a JSON body carrying `description`, and `Connection: close`, because after a framing
/// error the rest of the byte stream cannot be trusted (RFC 9112 §2.2, §11.2).
public enum HTTPParseError: TalksError, Hashable {
    /// The request line did not end within `limit` bytes → 414.
    case requestLineTooLong(limit: Int)
    /// The header section did not end within `limit` bytes → 431.
    case headerSectionTooLarge(limit: Int)
    /// More than `limit` header fields → 431.
    case tooManyHeaderFields(limit: Int)
    /// The request line is not `method SP target SP version` → 400.
    case malformedRequestLine(String)
    /// The method is not a token → 400.
    case invalidMethod(String)
    /// The request-target is not origin-form, absolute-form or `*` → 400.
    case invalidTarget(String)
    /// `HTTP/2.0`, `HTTP/0.9` … → 505.
    case unsupportedVersion(String)
    /// A header line (1-based, counting the request line as 1) is malformed → 400.
    case malformedHeader(line: Int, reason: String)
    /// An HTTP/1.1 request without a Host field → 400 (RFC 9112 §3.2).
    case missingHost
    /// More than one Host field → 400.
    case multipleHosts
    /// Content-Length is not one decimal number (or several disagree) → 400.
    case invalidContentLength(String)
    /// A body larger than the server reads and discards → 413.
    case bodyTooLarge(length: Int, limit: Int)
    /// Transfer-Encoding (chunked bodies) is not implemented → 501; with HTTP/1.0 → 400.
    case unsupportedTransferEncoding(String)
    /// The path or query has a bad `%` escape or is not UTF-8 → 400.
    case badPercentEncoding(PercentDecodingError)

    public var status: HTTPStatus {
        switch self {
        case .requestLineTooLong: return .uriTooLong
        case .headerSectionTooLarge, .tooManyHeaderFields: return .requestHeaderFieldsTooLarge
        case .unsupportedVersion: return .httpVersionNotSupported
        case .bodyTooLarge: return .contentTooLarge
        case .unsupportedTransferEncoding(let value):
            return value == "HTTP/1.0" ? .badRequest : .notImplemented
        default: return .badRequest
        }
    }

    public var description: String {
        switch self {
        case .requestLineTooLong(let limit):
            return "the request line is longer than \(limit) bytes"
        case .headerSectionTooLarge(let limit):
            return "the request header section is larger than \(limit) bytes"
        case .tooManyHeaderFields(let limit):
            return "the request has more than \(limit) header fields"
        case .malformedRequestLine(let reason):
            return "malformed request line: \(reason)"
        case .invalidMethod(let method):
            return "'\(method.prefix(40))' is not a valid method token"
        case .invalidTarget(let reason):
            return "invalid request target: \(reason)"
        case .unsupportedVersion(let version):
            return "'\(version.prefix(20))' is not supported; talks serves HTTP/1.0 and HTTP/1.1"
        case .malformedHeader(let line, let reason):
            return "malformed header field on line \(line): \(reason)"
        case .missingHost:
            return "an HTTP/1.1 request needs a Host header field"
        case .multipleHosts:
            return "the request has more than one Host header field"
        case .invalidContentLength(let value):
            return "Content-Length '\(value.prefix(40))' is not a single decimal number"
        case .bodyTooLarge(let length, let limit):
            return "a request body of \(length) bytes is larger than the \(limit) bytes accepted"
        case .unsupportedTransferEncoding:
            return "Transfer-Encoding (chunked request bodies) is not supported; talks only answers GET, HEAD and OPTIONS"
        case .badPercentEncoding(let error):
            return "bad percent-encoding: \(error)"
        }
    }
}
