/// A set of known words for compound splitting, answering for words and their keys.
///
/// `contains` is true for a normalised word in the set and for the inflection key of any
/// word in the set, which is what `CompoundSplitter`'s `isWord` expects. The index builds
/// its own lexicon from its term dictionary; `talks analyze` uses `Lexicon.common` plus the
/// words of the analysed text.
public struct Lexicon: Sendable {
    private var entries: Set<String> = []

    /// A lexicon of `words`, normalised; words shorter than `minimumLength` are left out
    /// (they could never be compound parts and would only add false keys).
    public init(_ words: some Sequence<String>, minimumLength: Int = 3) {
        for word in words {
            let normalized = Normalizer.normalize(word)
            guard normalized.unicodeScalars.count >= minimumLength else { continue }
            entries.insert(normalized)
            entries.insert(SwedishInflection.key(normalized))
        }
    }

    /// Adds the words of another sequence.
    public mutating func formUnion(_ words: some Sequence<String>, minimumLength: Int = 3) {
        entries.formUnion(Lexicon(words, minimumLength: minimumLength).entries)
    }

    /// Whether `word` (normalised) is a word of the lexicon or the key of one.
    public func contains(_ word: String) -> Bool { entries.contains(word) }

    /// The number of words and keys held.
    public var count: Int { entries.count }

    /// The built-in lexicon of common Swedish words (`CommonSwedishWords.words`).
    public static let common = Lexicon(CommonSwedishWords.words)
}
