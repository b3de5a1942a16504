/// Splits text into normalised word tokens, working on UTF-8 bytes.
///
/// A token is a maximal run of letters and decimal digits (`2030`, `Agtech` → `agtech`);
/// combining marks continue a run, so decomposed `a` + U+030A gives the same term as `å`.
/// Everything else separates: spaces, punctuation, apostrophes (`Sveriges'` → `sveriges`),
/// emoji. Decimal numbers split at their separator (`2,5` → `2`, `5`).
///
/// Hyphenated words (`-`, U+2010, U+2011, soft hyphen) give their parts and the joined
/// form: `snabb-bemanning` → `snabb` (position 0), `snabbbemanning` (position 0),
/// `bemanning` (position 1). The parts take consecutive positions so the phrase
/// "snabb bemanning" matches; the joined form shares the first part's position so it
/// does not shift the words after it. Tokens come out in non-decreasing position order.
///
/// Terms are normalised as `Normalizer.normalize` does: ASCII and Latin-1 runs are
/// lowercased byte by byte; other runs go through NFC and Unicode lowercasing.
public struct Tokenizer: Sendable {
    public init() {}

    /// All tokens of `text`, in order.
    public func tokens(in text: String) -> [Token] {
        var result: [Token] = []
        result.reserveCapacity(text.utf8.count / 6)
        forEachToken(in: text) { result.append($0) }
        return result
    }

    /// Hot path for indexing: calls `body` for each token without building an array.
    public func forEachToken(in text: String, _ body: (Token) -> Void) {
        if let done: Void = text.utf8.withContiguousStorageIfAvailable({ bytes in
            forEachToken(inUTF8: bytes, body)
        }) {
            return done
        }
        var copy = text
        copy.withUTF8 { bytes in forEachToken(inUTF8: bytes, body) }
    }

    /// Tokenises UTF-8 bytes directly (e.g. a memory-mapped transcript). Malformed
    /// sequences are treated as separators; byte offsets in the tokens are into `bytes`.
    public func forEachToken(inUTF8 bytes: UnsafeBufferPointer<UInt8>, _ body: (Token) -> Void) {
        var partTerms: [String] = []
        Self.forEachWordGroup(inUTF8: bytes) { group, parts, position in
            guard !parts.isEmpty else {
                body(Token(term: Self.term(bytes, group), position: position,
                           utf8Start: group.lowerBound, utf8End: group.upperBound))
                return
            }
            partTerms.removeAll(keepingCapacity: true)
            var joined = ""
            for range in parts {
                let term = Self.term(bytes, range)
                joined += term
                partTerms.append(term)
            }
            for (offset, range) in parts.enumerated() {
                body(Token(term: partTerms[offset], position: position + offset,
                           utf8Start: range.lowerBound, utf8End: range.upperBound))
                if offset == 0 {
                    body(Token(term: joined, position: position, utf8Start: group.lowerBound, utf8End: group.upperBound))
                }
            }
        }
    }

    /// The one walk over the bytes that both token views (`forEachToken`, `forEachTokenSpan`)
    /// share: each word in order with its position, as `group` with no `parts`; or a
    /// hyphenated group (a hyphen followed directly by a word), as the whole `group` and the
    /// byte ranges of its `parts`, which take consecutive positions from `position`.
    @inline(__always)
    static func forEachWordGroup(
        inUTF8 bytes: UnsafeBufferPointer<UInt8>,
        _ body: (_ group: Range<Int>, _ parts: [Range<Int>], _ position: Int) -> Void
    ) {
        let count = bytes.count
        var index = 0
        var position = 0
        var partRanges: [Range<Int>] = []
        let noParts: [Range<Int>] = []
        while index < count {
            let (kind, length) = ScalarClass.at(index, in: bytes)
            guard kind == .wordCharacter else {
                index += length
                continue
            }
            let start = index
            var end = wordEnd(from: index + length, in: bytes)
            var hyphenLength = hyphenBeforeWord(at: end, in: bytes)
            if hyphenLength == 0 {
                body(start..<end, noParts, position)
                position += 1
                index = end
                continue
            }
            partRanges.removeAll(keepingCapacity: true)
            partRanges.append(start..<end)
            while hyphenLength > 0 {
                let partStart = end + hyphenLength
                let (_, firstLength) = ScalarClass.at(partStart, in: bytes)
                end = wordEnd(from: partStart + firstLength, in: bytes)
                partRanges.append(partStart..<end)
                hyphenLength = hyphenBeforeWord(at: end, in: bytes)
            }
            body(start..<end, partRanges, position)
            position += partRanges.count
            index = end
        }
    }

    /// The end of the word whose characters continue from `index`.
    @inline(__always)
    static func wordEnd(from index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var index = index
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                if (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10 {
                    index += 1
                    continue
                }
                return index
            }
            let (kind, length) = ScalarClass.at(index, in: bytes)
            guard kind == .wordCharacter || kind == .combiningMark else { return index }
            index += length
        }
        return index
    }

    /// The byte length of a hyphen at `index` when a word character follows it, else 0.
    @inline(__always)
    static func hyphenBeforeWord(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard index < bytes.count else { return 0 }
        let (kind, length) = ScalarClass.at(index, in: bytes)
        guard kind == .hyphen, index + length < bytes.count else { return 0 }
        let (next, _) = ScalarClass.at(index + length, in: bytes)
        return next == .wordCharacter ? length : 0
    }

    @inline(__always)
    static func term(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        Normalizer.normalize(utf8: UnsafeBufferPointer(rebasing: bytes[range]))
    }
}
