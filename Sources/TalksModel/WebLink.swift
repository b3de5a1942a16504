/// An absolute `http://` or `https://` URL with a host: the only kind of link talks stores,
/// serves, prints or lets a page render as `<a href>`.
///
/// Links come from organisers' files and feeds (`recording`, `page`, Open Graph, JSON-LD,
/// enclosures) and end up in the search page of someone else's website, where a
/// `javascript:` or `data:` link would run script in the page's origin. So there is one
/// rule, in one place: a `WebLink` can only be made by `parse`, which accepts
///
/// - the scheme `http` or `https` in any case (stored lower-case), followed by `//`;
/// - a non-empty host, without user info (`user@`) and with at most a numeric port;
/// - no whitespace, control, format or separator characters anywhere (browsers drop tabs
///   and newlines inside a URL, so `java\tscript:` would run as `javascript:`), and none of
///   `"<>\^`{|}` (which a URL must percent-encode);
/// - at most `maximumBytes` bytes of UTF-8.
///
/// Whitespace around the link is trimmed first. Everything else (other schemes, relative and
/// protocol-relative links like `//host/x`) is a `Problem` naming what is wrong. Readers of
/// input drop such a link with a warning; the index reader drops one stored by an older talks.
public struct WebLink: Sendable, Hashable, CustomStringConvertible {
    /// The link, scheme lower-cased, otherwise as written.
    public let text: String

    /// The longest link accepted, in UTF-8 bytes (2 KiB, what browsers and servers handle everywhere).
    public static let maximumBytes = 2_048

    private init(checked text: String) {
        self.text = text
    }

    /// The link `text` is, or nil when it is not an absolute http(s) URL with a host.
    public init?(_ text: some StringProtocol) {
        guard case .success(let link) = Self.parse(text) else { return nil }
        self = link
    }

    public var description: String { text }

    /// The same link with its fragment (`#…`) replaced, e.g. `t=75` for a Media Fragments
    /// time; nil when the fragment would make it invalid.
    public func replacingFragment(with fragment: String) -> WebLink? {
        let base = text.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return WebLink(base + "#" + fragment)
    }

    /// Why a text is not a `WebLink`.
    public enum Problem: Error, Sendable, Hashable, CustomStringConvertible {
        case empty
        case tooLong(bytes: Int)
        /// A character no link may hold unencoded, with its position (1-based).
        case forbiddenCharacter(Unicode.Scalar, position: Int)
        /// No scheme: a relative path or a protocol-relative `//host/…` link.
        case notAbsolute
        /// A scheme other than http and https (lower-cased).
        case scheme(String)
        /// `https:` not followed by `//`.
        case noAuthority
        case noHost
        case userInfo
        case badPort

        public var description: String {
            switch self {
            case .empty:
                return "is empty"
            case .tooLong(let bytes):
                return "is \(bytes) bytes long, more than the limit of \(WebLink.maximumBytes)"
            case .forbiddenCharacter(let scalar, let position):
                let name = scalar == " " ? "a space" : scalar.properties.isWhitespace || Excerpt.needsEscape(scalar)
                    ? "the invisible character U+\(String(scalar.value, radix: 16, uppercase: true))" : "'\(scalar)'"
                return "contains \(name) at position \(position); a link holds no blanks or control characters, and percent-encodes \"<>\\^`{|}"
            case .notAbsolute:
                return "is not an absolute link (it must start with https:// or http://)"
            case .scheme(let scheme):
                return "is a \(Excerpt.escaped(scheme, limit: 16)): link"
            case .noAuthority:
                return "must have // after the scheme, as in https://example.org/"
            case .noHost:
                return "has no host name"
            case .userInfo:
                return "holds a user name or password before the host ('…@')"
            case .badPort:
                return "has a port that is not a number from 0 to 65535"
            }
        }
    }

    /// `text` as a `WebLink`, or why it is not one.
    public static func parse(_ text: some StringProtocol) -> Result<WebLink, Problem> {
        let trimmed = trimmingWhitespace(text)
        if trimmed.isEmpty { return .failure(.empty) }
        if trimmed.utf8.count > maximumBytes { return .failure(.tooLong(bytes: trimmed.utf8.count)) }
        let scalars = Array(trimmed.unicodeScalars)
        // A well-formed scheme other than http(s) is named as such ("is a data: link"); a
        // disguised one (`java\tscript:`) fails on its invisible character below.
        let colon = scalars.firstIndex(of: ":")
        let scheme = colon.flatMap { $0 > 0 && isScheme(scalars[..<$0]) ? String(String.UnicodeScalarView(scalars[..<$0])).lowercased() : nil }
        if let scheme, scheme != "http", scheme != "https" { return .failure(.scheme(scheme)) }
        for (offset, scalar) in scalars.enumerated() where isForbidden(scalar) {
            return .failure(.forbiddenCharacter(scalar, position: offset + 1))
        }
        guard let scheme, let colon else { return .failure(.notAbsolute) }
        let rest = scalars[(colon + 1)...]
        guard rest.starts(with: ["/", "/"]) else { return .failure(.noAuthority) }
        let authorityStart = rest.startIndex + 2
        let authorityEnd = rest[authorityStart...].firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        if let problem = authorityProblem(rest[authorityStart..<authorityEnd]) { return .failure(problem) }
        return .success(WebLink(checked: scheme + ":" + String(String.UnicodeScalarView(rest))))
    }

    /// Blanks, controls, format characters and what a URL must percent-encode.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.properties.isWhitespace || Excerpt.needsEscape(scalar) { return true }
        switch scalar {
        case "\"", "<", ">", "\\", "^", "`", "{", "|", "}": return true
        default: return false
        }
    }

    /// RFC 3986 §3.1: a letter, then letters, digits, "+", "-" and ".".
    static func isScheme(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let first = scalars.first, first.isASCII, first.properties.isAlphabetic else { return false }
        return scalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0)) }
    }

    /// nil when `authority` is `host` or `host:port` (an IPv6 host in brackets).
    static func authorityProblem(_ authority: ArraySlice<Unicode.Scalar>) -> Problem? {
        if authority.contains("@") { return .userInfo }
        var host = authority
        var port: ArraySlice<Unicode.Scalar> = []
        if authority.first == "[" {
            guard let close = authority.firstIndex(of: "]") else { return .noHost }
            host = authority[...close]
            let after = authority[(close + 1)...]
            if !after.isEmpty {
                guard after.first == ":" else { return .badPort }
                port = after.dropFirst()
            }
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            port = authority[(colon + 1)...]
        }
        if host.isEmpty || host.allSatisfy({ $0 == "." }) { return .noHost }
        if !port.isEmpty {
            guard port.count <= 5, port.allSatisfy({ ("0"..."9").contains($0) }),
                  let number = Int(String(String.UnicodeScalarView(port))), number <= 65_535
            else { return .badPort }
        }
        return nil
    }

    static func trimmingWhitespace(_ text: some StringProtocol) -> Substring {
        let whole = Substring(text)
        let start = whole.firstIndex { !$0.isWhitespace } ?? whole.endIndex
        let end = whole.lastIndex { !$0.isWhitespace }.map { whole.index(after: $0) } ?? start
        return whole[start..<end]
    }
}
