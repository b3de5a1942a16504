/// Where a token lies in its text, without its normalised term: what snippet marking needs
/// for every word of a cue, when only a few words' terms are ever looked at.
public struct TokenSpan: Sendable, Hashable {
    /// The token's position, as `Token.position`.
    public var position: Int
    /// The byte range of the token's surface in the text's UTF-8, as `Token.utf8Start`.
    public var utf8Start: Int
    public var utf8End: Int
    /// True for the joined form of a hyphenated word (`snabb-bemanning` → `snabbbemanning`),
    /// whose surface spans its parts and hyphens.
    public var isJoined: Bool
    /// True when the surface holds only ASCII and two-byte Latin-1 letters and digits, whose
    /// normalised term has exactly as many UTF-8 bytes as the surface (the lowercasing fast
    /// path). False for joined forms and for other scripts or combining marks.
    public var keepsLength: Bool
}

extension Tokenizer {
    /// The same tokens as `forEachToken(inUTF8:_:)`, in the same order, as spans: no term is
    /// normalised or allocated. `term(of:in:)` gives a span's term when it is wanted.
    public func forEachTokenSpan(inUTF8 bytes: UnsafeBufferPointer<UInt8>, _ body: (TokenSpan) -> Void) {
        Self.forEachWordGroup(inUTF8: bytes) { group, parts, position in
            guard !parts.isEmpty else {
                body(TokenSpan(position: position, utf8Start: group.lowerBound, utf8End: group.upperBound,
                               isJoined: false, keepsLength: Self.isLatin1(bytes, group)))
                return
            }
            for (offset, range) in parts.enumerated() {
                body(TokenSpan(position: position + offset, utf8Start: range.lowerBound, utf8End: range.upperBound,
                               isJoined: false, keepsLength: Self.isLatin1(bytes, range)))
                if offset == 0 {
                    body(TokenSpan(position: position, utf8Start: group.lowerBound, utf8End: group.upperBound,
                                   isJoined: true, keepsLength: false))
                }
            }
        }
    }

    /// The normalised term of `span` (as `forEachToken` would give it) from the same bytes.
    public func term(of span: TokenSpan, in bytes: UnsafeBufferPointer<UInt8>) -> String {
        let range = span.utf8Start..<span.utf8End
        guard span.isJoined else { return Self.term(bytes, range) }
        // The joined form: the normalised parts of the hyphenated group, concatenated.
        var joined = ""
        var index = range.lowerBound
        while index < range.upperBound {
            let (kind, length) = ScalarClass.at(index, in: bytes)
            guard kind == .wordCharacter else {
                index += length
                continue
            }
            let end = Self.wordEnd(from: index + length, in: bytes)
            joined += Self.term(bytes, index..<min(end, range.upperBound))
            index = end
        }
        return joined
    }

    /// Whether every scalar in `range` is ASCII or a two-byte Latin-1 one (lead C2 or C3)
    /// not followed by a combining mark: then `Normalizer` lowercases byte for byte.
    @inline(__always)
    static func isLatin1(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            if byte < 0x80 {
                index += 1
            } else if byte == 0xC2 || byte == 0xC3, index + 1 < range.upperBound {
                index += 2
            } else {
                return false
            }
        }
        return true
    }
}
