/// An http(s) URL taken apart just far enough to add a time to it: scheme, host, path,
/// query parameters (kept as written, in order) and fragment.
///
/// Not a general URL parser: it splits on the delimiters RFC 3986 gives (`://`, `/`, `?`,
/// `#`, `&`), lower-cases the host (without user info or port) to recognise a platform, and
/// puts the pieces back together unchanged apart from what `DeepLink` replaces. Anything
/// that is not `http://` or `https://` followed by a host gives nil.
struct LinkURL: Sendable, Hashable {
    /// "http" or "https", as written.
    var scheme: String
    /// Everything between `//` and the path, as written (user info and port included).
    var authority: String
    /// The host in lower case, without user info, port or a trailing dot.
    var host: String
    /// The path as written, starting with "/" (or empty).
    var path: String
    /// The query's `name=value` items, as written; empty when there is no query.
    var query: [Substring]
    /// The fragment without `#`, nil when there is none.
    var fragment: Substring?

    init?(_ text: String) {
        // Searched on the UTF-8 view: `firstRange(of:)` costs more than the rest of the parse.
        let bytes = text.utf8
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), bytes[colon...].starts(with: "://".utf8) else { return nil }
        let scheme = String(text[..<colon])
        guard ["http", "https"].contains(scheme.lowercased()) else { return nil }
        // Every delimiter is ASCII, so the UTF-8 view finds it (Character search walks
        // grapheme clusters, which made this parse the costliest part of a search).
        var rest = text[bytes.index(colon, offsetBy: 3)...]
        if let hash = rest.utf8.firstIndex(of: UInt8(ascii: "#")) {
            fragment = rest[rest.utf8.index(after: hash)...]
            rest = rest[..<hash]
        }
        query = []
        if let question = rest.utf8.firstIndex(of: UInt8(ascii: "?")) {
            query = rest[rest.utf8.index(after: question)...].utf8.split(separator: UInt8(ascii: "&")).map { Substring($0) }
            rest = rest[..<question]
        }
        let pathStart = rest.utf8.firstIndex(of: UInt8(ascii: "/")) ?? rest.endIndex
        authority = String(rest[..<pathStart])
        path = String(rest[pathStart...])
        var hostPart = authority[...]
        if let at = hostPart.utf8.lastIndex(of: UInt8(ascii: "@")) { hostPart = hostPart[hostPart.utf8.index(after: at)...] }
        if let colon = hostPart.utf8.lastIndex(of: UInt8(ascii: ":")), !hostPart.hasPrefix("[") || hostPart[..<colon].hasSuffix("]") {
            hostPart = hostPart[..<colon]
        }
        while hostPart.hasSuffix(".") { hostPart = hostPart.dropLast() }
        guard !hostPart.isEmpty else { return nil }
        self.scheme = scheme
        host = hostPart.lowercased()
    }

    /// The value of the first query parameter named `name`, as written.
    func queryValue(_ name: String) -> Substring? {
        for item in query where Self.name(of: item) == name {
            guard let equals = item.utf8.firstIndex(of: UInt8(ascii: "=")) else { return "" }
            return item[item.utf8.index(after: equals)...]
        }
        return nil
    }

    /// The query without the parameters named in `names` (a time link replaces them).
    mutating func removeQueryParameters(_ names: Set<Substring>) {
        query.removeAll { names.contains(Self.name(of: $0)) }
    }

    /// The path's segments without empty ones: "/live/ID" → ["live", "ID"].
    var pathSegments: [Substring] {
        path.split(separator: "/")
    }

    /// The URL put back together.
    var text: String {
        var output = scheme + "://" + authority + path
        if !query.isEmpty { output += "?" + query.joined(separator: "&") }
        if let fragment { output += "#" + fragment }
        return output
    }

    private static func name(of item: Substring) -> Substring {
        item.utf8.firstIndex(of: UInt8(ascii: "=")).map { item[..<$0] } ?? item
    }
}
