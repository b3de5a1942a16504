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

    fileprivate init(checked text: String) {
        self.text = text
    }

    /// The link `text` is, or nil when it is not an absolute http(s) URL with a host.
    public init?(_ text: some StringProtocol) {
        guard case .success(let link) = Self.parse(text) else { return nil }
        self = link
    }

    public var description: String { text }

    /// The same link with its fragment (`#…`) replaced, e.g. `t=75` for a Media Fragments
    /// time; nil when the fragment holds a character no link may hold (or a second "#").
    /// The rest of the link is already valid, so only the fragment is checked.
    public func replacingFragment(with fragment: String) -> WebLink? {
        guard !fragment.unicodeScalars.contains(where: { $0 == "#" || Self.isForbidden($0) }) else { return nil }
        let base = text.utf8.firstIndex(of: UInt8(ascii: "#")).map { text[..<$0] } ?? Substring(text)
        guard base.utf8.count + 1 + fragment.utf8.count <= Self.maximumBytes else { return nil }
        var link = String(base)
        link.reserveCapacity(base.utf8.count + 1 + fragment.utf8.count)
        link += "#"
        link += fragment
        return WebLink(checked: link)
    }

    /// A `NumberSlot` for this link with its fragment replaced by `fragmentPrefix` and a
    /// number (`#t=` for a Media Fragments time); nil when the prefix holds a character no
    /// link may hold. The rest of the link is already valid, so nothing else is checked.
    public func fragmentNumberSlot(after fragmentPrefix: String) -> NumberSlot? {
        guard !fragmentPrefix.unicodeScalars.contains(where: { $0 == "#" || Self.isForbidden($0) }) else { return nil }
        let base = text.utf8.firstIndex(of: UInt8(ascii: "#")).map { text[..<$0] } ?? Substring(text)
        return NumberSlot(checkedPrefix: String(base) + "#" + fragmentPrefix, suffix: "")
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

    /// `text` as a `WebLink`, or why it is not one. Works on UTF-8 bytes: every character
    /// that gives a URL its structure is ASCII, and UTF-8 never uses ASCII bytes inside a
    /// longer character; Unicode properties are looked up only for non-ASCII characters.
    public static func parse(_ text: some StringProtocol) -> Result<WebLink, Problem> {
        let trimmed = trimmingWhitespace(text)
        if trimmed.isEmpty { return .failure(.empty) }
        let checked = trimmed.utf8.withContiguousStorageIfAvailable { check($0, trimmed) }
            ?? Array(trimmed.utf8).withUnsafeBufferPointer { check($0, trimmed) }
        switch checked {
        case .failure(let problem):
            return .failure(problem)
        case .success(let colon):
            // Stored with the scheme in lower case; most links already have it so.
            let scheme = trimmed.utf8.prefix(colon)
            if scheme.allSatisfy({ !(0x41...0x5A).contains($0) }) { return .success(WebLink(checked: String(trimmed))) }
            return .success(WebLink(checked: String(decoding: scheme, as: UTF8.self).lowercased() + String(decoding: trimmed.utf8.dropFirst(colon), as: UTF8.self)))
        }
    }

    /// Checks the UTF-8 of a trimmed link; the offset of the scheme's colon when it is one.
    static func check(_ bytes: UnsafeBufferPointer<UInt8>, _ text: Substring) -> Result<Int, Problem> {
        if bytes.count > maximumBytes { return .failure(.tooLong(bytes: bytes.count)) }
        // A well-formed scheme other than http(s) is named as such ("is a data: link"); a
        // disguised one (`java\tscript:`) fails on its invisible character below.
        let colon = bytes.firstIndex(of: UInt8(ascii: ":"))
        var isWebScheme = false
        if let colon, colon > 0, isScheme(bytes[..<colon]) {
            let scheme = String(decoding: bytes[..<colon], as: UTF8.self).lowercased()
            guard scheme == "http" || scheme == "https" else { return .failure(.scheme(scheme)) }
            isWebScheme = true
        }
        if let (scalar, position) = firstForbidden(bytes, text) {
            return .failure(.forbiddenCharacter(scalar, position: position))
        }
        guard isWebScheme, let colon else { return .failure(.notAbsolute) }
        let rest = bytes[(colon + 1)...]
        guard rest.starts(with: [UInt8(ascii: "/"), UInt8(ascii: "/")]) else { return .failure(.noAuthority) }
        let authorityStart = rest.startIndex + 2
        let authorityEnd = rest[authorityStart...].firstIndex { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }
            ?? rest.endIndex
        if let problem = authorityProblem(rest[authorityStart..<authorityEnd]) { return .failure(problem) }
        return .success(colon)
    }

    /// The first forbidden character and its 1-based position in scalars, if any.
    static func firstForbidden(_ bytes: UnsafeBufferPointer<UInt8>, _ text: Substring) -> (Unicode.Scalar, Int)? {
        if bytes.allSatisfy({ $0 < 0x80 }) {
            guard let index = bytes.firstIndex(where: { isForbidden(Unicode.Scalar($0)) }) else { return nil }
            return (Unicode.Scalar(bytes[index]), index + 1)
        }
        for (offset, scalar) in text.unicodeScalars.enumerated() where isForbidden(scalar) {
            return (scalar, offset + 1)
        }
        return nil
    }

    /// Blanks, controls, format characters and what a URL must percent-encode. ASCII is
    /// decided without Unicode property lookups (most links are all ASCII).
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.isASCII else { return scalar.properties.isWhitespace || Excerpt.needsEscape(scalar) }
        switch scalar {
        case "\u{0}"..." ", "\u{7F}": return true
        case "\"", "<", ">", "\\", "^", "`", "{", "|", "}": return true
        default: return false
        }
    }

    /// RFC 3986 §3.1: a letter, then letters, digits, "+", "-" and ".".
    static func isScheme(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        func isLetter(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte | 0x20) }
        guard let first = bytes.first, isLetter(first) else { return false }
        return bytes.allSatisfy { isLetter($0) || (0x30...0x39).contains($0) || $0 == 0x2B || $0 == 0x2D || $0 == 0x2E }
    }

    /// nil when `authority` is `host` or `host:port` (an IPv6 host in brackets).
    static func authorityProblem(_ authority: Slice<UnsafeBufferPointer<UInt8>>) -> Problem? {
        if authority.contains(UInt8(ascii: "@")) { return .userInfo }
        var host = authority
        var port = authority[authority.endIndex...]
        if authority.first == UInt8(ascii: "[") {
            guard let close = authority.firstIndex(of: UInt8(ascii: "]")) else { return .noHost }
            host = authority[...close]
            let after = authority[(close + 1)...]
            if !after.isEmpty {
                guard after.first == UInt8(ascii: ":") else { return .badPort }
                port = after.dropFirst()
            }
        } else if let colon = authority.lastIndex(of: UInt8(ascii: ":")) {
            host = authority[..<colon]
            port = authority[(colon + 1)...]
        }
        if host.isEmpty || host.allSatisfy({ $0 == UInt8(ascii: ".") }) { return .noHost }
        if !port.isEmpty {
            guard port.count <= 5, port.allSatisfy({ (0x30...0x39).contains($0) }),
                  port.reduce(0, { $0 * 10 + Int($1 - 0x30) }) <= 65_535
            else { return .badPort }
        }
        return nil
    }

    static func trimmingWhitespace(_ text: some StringProtocol) -> Substring {
        let whole = Substring(text)
        // The usual case, checked on bytes: printable ASCII at both ends, nothing to trim.
        if let first = whole.utf8.first, let last = whole.utf8.last, (0x21..<0x7F).contains(first), (0x21..<0x7F).contains(last) {
            return whole
        }
        let start = whole.firstIndex { !$0.isWhitespace } ?? whole.endIndex
        let end = whole.lastIndex { !$0.isWhitespace }.map { whole.index(after: $0) } ?? start
        return whole[start..<end]
    }
}

extension WebLink {
    /// A link with one place for a whole number, checked once: `prefix + N + suffix` is a
    /// `WebLink` for every N ≥ 0, since decimal digits are valid wherever another digit was.
    ///
    /// Why: a search links every hit into its episode's recording at the hit's second, and
    /// working out the platform's form of that link (and checking it as a `WebLink`) for
    /// every hit cost more than the rest of the search. An episode's links differ only in the
    /// number, so the form is worked out once per episode and the hits only splice digits.
    public struct NumberSlot: Sendable, Hashable {
        public let prefix: String
        public let suffix: String

        fileprivate init(checkedPrefix prefix: String, suffix: String) {
            self.prefix = prefix
            self.suffix = suffix
        }

        /// The slot, or nil when `prefix + "0" + suffix` is not a `WebLink`.
        public init?(prefix: String, suffix: String) {
            guard WebLink(prefix + "0" + suffix) != nil else { return nil }
            self.prefix = prefix
            self.suffix = suffix
        }

        /// The link with `number` (clamped at 0) in the slot; nil only if the digits would
        /// take it past `WebLink.maximumBytes`.
        public func link(_ number: Int) -> WebLink? {
            let digits = String(max(0, number))
            guard prefix.utf8.count + digits.utf8.count + suffix.utf8.count <= WebLink.maximumBytes else { return nil }
            return WebLink(checked: prefix + digits + suffix)
        }
    }
}
