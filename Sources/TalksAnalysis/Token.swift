/// One word of an analysed text: its normalised form, its ordinal and where it came from.
///
/// The indexer stores `term` and `position`; snippets use the byte range to mark the
/// word in the original text without re-tokenising it.
public struct Token: Sendable, Hashable {
    /// The normalised form: NFC and lowercased (see `Normalizer`).
    public var term: String
    /// The word ordinal within the analysed text, 0-based. The parts of a hyphenated word
    /// take consecutive positions; the joined form shares the first part's position.
    public var position: Int
    /// The byte range of the token's surface in the original text's UTF-8 (start inclusive).
    /// For the joined form of a hyphenated word it spans all parts and hyphens.
    public var utf8Start: Int
    /// The end of the surface's byte range (exclusive).
    public var utf8End: Int

    public init(term: String, position: Int, utf8Start: Int, utf8End: Int) {
        self.term = term
        self.position = position
        self.utf8Start = utf8Start
        self.utf8End = utf8End
    }
}
