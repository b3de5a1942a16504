/// One token with everything the index and `talks analyze` derive from it.
public struct AnalyzedToken: Sendable, Hashable {
    /// The token: normalised term, position and byte range.
    public var token: Token
    /// The Snowball Swedish stem of `token.term`.
    public var stem: String
    /// The inflection key (`ExpansionKeys.inflection`).
    public var inflectionKey: String
    /// The ASCII-folded term (`AsciiFolder.fold`).
    public var folded: String
    /// The compound parts, or nil when the term is not a compound of known words.
    public var compoundParts: [String]?

    /// The inflection key of the folded form (`ExpansionKeys.folded`), computed on demand:
    /// `våtmarkerna` and `vatmarker` share it.
    public var foldedKey: String { ExpansionKeys.folded(token.term) }

    public init(token: Token, stem: String, inflectionKey: String, folded: String, compoundParts: [String]?) {
        self.token = token
        self.stem = stem
        self.inflectionKey = inflectionKey
        self.folded = folded
        self.compoundParts = compoundParts
    }
}

/// The whole Swedish analysis chain: tokenise, normalise, stem, inflection key, fold,
/// split compounds. What `talks analyze` shows and what the index stores per term.
public struct Analyzer: Sendable {
    /// Splits the text into tokens.
    public var tokenizer: Tokenizer
    /// Splits compound terms; its limits can be tuned here.
    public var splitter: CompoundSplitter

    public init() {
        tokenizer = Tokenizer()
        splitter = CompoundSplitter()
    }

    /// Analyses `text`. Compounds are split only when `isWord` is given (the lexicon).
    public func analyze(_ text: String, isWord: ((String) -> Bool)? = nil) -> [AnalyzedToken] {
        guard let isWord else { return analyze(text, splitting: { _ in nil }) }
        return analyze(text, splitting: { splitter.split($0, isWord: isWord) })
    }

    private func analyze(_ text: String, splitting: (String) -> [String]?) -> [AnalyzedToken] {
        var result: [AnalyzedToken] = []
        tokenizer.forEachToken(in: text) { token in
            let term = token.term
            let parts = splitting(term)
            result.append(AnalyzedToken(
                token: token,
                stem: SwedishStemmer.stem(term),
                inflectionKey: ExpansionKeys.inflection(term),
                folded: AsciiFolder.fold(term),
                compoundParts: parts
            ))
        }
        return result
    }
}

extension Analyzer {
    /// Analyses `text` on its own, without an index: compounds are split against the
    /// built-in `Lexicon.common` plus the words of `text` itself. What `talks analyze` does.
    public func analyzeStandalone(_ text: String) -> [AnalyzedToken] {
        var lexicon = Lexicon.common
        lexicon.formUnion(tokenizer.tokens(in: text).map(\.term))
        return analyze(text, lexicon: lexicon)
    }

    /// Analyses `text`, splitting compounds strictly against `lexicon`
    /// (`CompoundSplitter.split(_:lexicon:)`).
    public func analyze(_ text: String, lexicon: Lexicon) -> [AnalyzedToken] {
        analyze(text, splitting: { splitter.split($0, lexicon: lexicon) })
    }
}
