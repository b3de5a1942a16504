/// The decoded `name=value` pairs of a URL query string, in order.
///
/// `q=livsmedel+strategi&limit=5` gives `[("q", "livsmedel strategi"), ("limit", "5")]`.
/// Empty pieces (`a=1&&b=2`) are skipped; a piece without `=` has an empty value. When a
/// name repeats, `subscript` returns the first value: a request cannot smuggle a second
/// `q` past a proxy that looked at the first.
public struct QueryParameters: Sendable, Hashable {
    /// One decoded `name=value` piece of the query string.
    public struct Item: Sendable, Hashable {
        public var name: String
        public var value: String
    }

    public private(set) var items: [Item] = []

    public init() {}

    /// Parses a raw query string (without the leading `?`).
    public init(parsing raw: Substring) throws(PercentDecodingError) {
        for piece in raw.split(separator: "&", omittingEmptySubsequences: true) {
            let name: Substring
            let value: Substring
            if let equals = piece.firstIndex(of: "=") {
                name = piece[..<equals]
                value = piece[piece.index(after: equals)...]
            } else {
                name = piece
                value = ""
            }
            items.append(Item(
                name: try PercentDecoding.decode(name, plusAsSpace: true),
                value: try PercentDecoding.decode(value, plusAsSpace: true)))
        }
    }

    public subscript(name: String) -> String? {
        items.first { $0.name == name }?.value
    }

    public var names: [String] { items.map(\.name) }

    public var isEmpty: Bool { items.isEmpty }
}
