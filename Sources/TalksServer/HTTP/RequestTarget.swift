/// Splits and decodes a request-target (RFC 9112 §3.2) into path, segments and query.
///
/// Accepts origin-form (`/search?q=mat`), absolute-form (`http://host/search?q=mat`, which
/// servers must accept) and asterisk-form (`*`, only for OPTIONS). Authority-form is for
/// CONNECT, which talks does not serve.
enum RequestTarget {
    struct Location {
        var path: String
        var segments: [String]
        var rawQuery: String
        var query: QueryParameters
    }

    static func parse(_ target: String, method: String) throws(HTTPParseError) -> Location {
        if target == "*" {
            guard method == "OPTIONS" else { throw .invalidTarget("'*' is only valid with OPTIONS") }
            return Location(path: "*", segments: [], rawQuery: "", query: QueryParameters())
        }
        var rest = Substring(target)
        if !rest.hasPrefix("/") {
            let lowered = rest.lowercased()
            guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://") else {
                throw .invalidTarget("'\(target.prefix(60))' does not start with '/'")
            }
            let afterScheme = rest.dropFirst(lowered.hasPrefix("http://") ? 7 : 8)
            if let slash = afterScheme.firstIndex(where: { $0 == "/" || $0 == "?" }) {
                rest = afterScheme[slash...]
                if rest.hasPrefix("?") { rest = "/" + rest }
            } else {
                rest = "/"
            }
        }
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        var rawPath = rest
        var rawQuery: Substring = ""
        if let question = rest.firstIndex(of: "?") {
            rawPath = rest[..<question]
            rawQuery = rest[rest.index(after: question)...]
        }
        do {
            let path = try PercentDecoding.decode(rawPath, plusAsSpace: false)
            let segments = try rawPath.split(separator: "/", omittingEmptySubsequences: true)
                .map { (segment) throws(PercentDecodingError) -> String in
                    try PercentDecoding.decode(segment, plusAsSpace: false)
                }
            let query = try QueryParameters(parsing: rawQuery)
            return Location(path: path, segments: segments, rawQuery: String(rawQuery), query: query)
        } catch {
            throw .badPercentEncoding(error)
        }
    }
}
