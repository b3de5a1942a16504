/// One parsed HTTP/1.x request head: what the routes need to answer it.
///
/// The parser fills this in only after the whole head was valid, so every field here has
/// been checked: `method` is a token, `path` is percent-decoded valid UTF-8, `query` is
/// decoded with `+` as space, and `keepAlive` already accounts for the version and the
/// `Connection` field.
public struct HTTPRequest: Sendable, Hashable {
    /// The method token as sent, e.g. `GET` (methods are case-sensitive, RFC 9110 §9.1).
    public var method: String
    /// The request-target exactly as sent, e.g. `/search?q=mat`.
    public var target: String
    /// The percent-decoded path, e.g. `/episodes/landet-lar-55`. `*` for asterisk-form.
    public var path: String
    /// The path split at `/` before decoding, each segment then decoded, so an encoded
    /// `%2F` stays inside its segment. `/episodes/55/transcript` → `["episodes", "55", "transcript"]`.
    public var pathSegments: [String]
    /// The raw query (after `?`, before any `#`), undecoded; empty when absent.
    public var rawQuery: String
    public var query: QueryParameters
    public var version: HTTPVersion
    public var headers: HTTPHeaders
    /// Whether the connection may stay open after the response.
    public var keepAlive: Bool

    public init(
        method: String, target: String, path: String, pathSegments: [String], rawQuery: String,
        query: QueryParameters, version: HTTPVersion, headers: HTTPHeaders, keepAlive: Bool
    ) {
        self.method = method
        self.target = target
        self.path = path
        self.pathSegments = pathSegments
        self.rawQuery = rawQuery
        self.query = query
        self.version = version
        self.headers = headers
        self.keepAlive = keepAlive
    }
}

/// The protocol version of a request: HTTP/1.0 or HTTP/1.1 (the only ones accepted).
public struct HTTPVersion: Sendable, Hashable, CustomStringConvertible {
    public var major: Int
    public var minor: Int

    public init(major: Int, minor: Int) {
        self.major = major
        self.minor = minor
    }

    public static let http1_0 = HTTPVersion(major: 1, minor: 0)
    public static let http1_1 = HTTPVersion(major: 1, minor: 1)

    public var description: String { "HTTP/\(major).\(minor)" }
}
