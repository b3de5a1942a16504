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
        guard let separator = text.firstRange(of: "://") else { return nil }
        let scheme = String(text[..<separator.lowerBound])
        guard ["http", "https"].contains(scheme.lowercased()) else { return nil }
        var rest = text[separator.upperBound...]
        if let hash = rest.firstIndex(of: "#") {
            fragment = rest[rest.index(after: hash)...]
            rest = rest[..<hash]
        }
        query = []
        if let question = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: question)...].split(separator: "&")
            rest = rest[..<question]
        }
        let pathStart = rest.firstIndex(of: "/") ?? rest.endIndex
        authority = String(rest[..<pathStart])
        path = String(rest[pathStart...])
        var hostPart = authority[...]
        if let at = hostPart.lastIndex(of: "@") { hostPart = hostPart[hostPart.index(after: at)...] }
        if let colon = hostPart.lastIndex(of: ":"), !hostPart.hasPrefix("[") || hostPart[..<colon].hasSuffix("]") {
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
            guard let equals = item.firstIndex(of: "=") else { return "" }
            return item[item.index(after: equals)...]
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
        item.firstIndex(of: "=").map { item[..<$0] } ?? item
    }
}
