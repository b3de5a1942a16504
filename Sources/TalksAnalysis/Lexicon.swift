/// A set of known words for compound splitting, answering for words and their keys.
///
/// `contains` is true for a normalised word in the set and for the inflection key of any
/// word in the set, which is what `CompoundSplitter.split(_:isWord:)` expects;
/// `containsWord` and `containsKey` tell the two apart for the stricter
/// `CompoundSplitter.split(_:lexicon:)`. The index builds its own lexicon from its term
/// dictionary; `talks analyze` uses `Lexicon.common` plus the words of the analysed text.
public struct Lexicon: Sendable {
    private var entries: Set<String> = []
    private var words: Set<String> = []
    private var keys: Set<String> = []

    /// A lexicon of `words`, normalised; words shorter than `minimumLength` are left out
    /// (they could never be compound parts and would only add false keys).
    public init(_ words: some Sequence<String>, minimumLength: Int = 3) {
        for word in words {
            let normalized = Normalizer.normalize(word)
            guard normalized.unicodeScalars.count >= minimumLength else { continue }
            let key = SwedishInflection.key(normalized)
            self.words.insert(normalized)
            keys.insert(key)
            entries.insert(normalized)
            entries.insert(key)
        }
    }

    /// Adds the words of another sequence.
    public mutating func formUnion(_ words: some Sequence<String>, minimumLength: Int = 3) {
        let other = Lexicon(words, minimumLength: minimumLength)
        entries.formUnion(other.entries)
        self.words.formUnion(other.words)
        keys.formUnion(other.keys)
    }

    /// Whether `word` (normalised) is a word of the lexicon or the key of one.
    public func contains(_ word: String) -> Bool { entries.contains(word) }

    /// Whether `word` (normalised) is a word of the lexicon as written.
    public func containsWord(_ word: String) -> Bool { words.contains(word) }

    /// Whether `key` is the inflection key of a word of the lexicon.
    public func containsKey(_ key: String) -> Bool { keys.contains(key) }

    /// The number of words and keys held.
    public var count: Int { entries.count }

    /// The built-in lexicon of common Swedish words (`CommonSwedishWords.words`).
    public static let common = Lexicon(CommonSwedishWords.words)
}
