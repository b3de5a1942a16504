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
    /// The compound parts, or nil when the term is not a compound of known words. With a
    /// dictionary (`Analyzer.dictionary`) the parts are lemmas (`dricksvatten`,
    /// `försörjning`); without one, as written in the term.
    public var compoundParts: [String]?
    /// The dictionary's lemma keys of the term (`SwedishLexicon.lemmaKeys`: `vapnen` →
    /// `vapen`); empty without a dictionary or when it knows neither the term nor the last
    /// part of a compound it makes, where `inflectionKey` is all there is.
    public var lemmas: [String]

    /// The inflection key of the folded form (`ExpansionKeys.folded`), computed on demand:
    /// `våtmarkerna` and `vatmarker` share it.
    public var foldedKey: String { ExpansionKeys.folded(token.term) }

    public init(
        token: Token, stem: String, inflectionKey: String, folded: String, compoundParts: [String]?, lemmas: [String] = []
    ) {
        self.token = token
        self.stem = stem
        self.inflectionKey = inflectionKey
        self.folded = folded
        self.compoundParts = compoundParts
        self.lemmas = lemmas
    }
}

/// The whole Swedish analysis chain: tokenise, normalise, stem, inflection key, fold,
/// split compounds. What `talks analyze` shows and what the index stores per term.
///
/// With a `dictionary` (the Swedish lexicon, `SwedishLexicon.shared`), each token also
/// gets its lemma keys and compounds split with the dictionary's compound roles as well
/// as the given vocabulary (`CompoundSplitter.split(_:dictionary:isWord:isKey:)`). Without
/// one (the default), the analysis is the rules-only analysis it has always been.
public struct Analyzer: Sendable {
    /// Splits the text into tokens.
    public var tokenizer: Tokenizer
    /// Splits compound terms; its limits can be tuned here.
    public var splitter: CompoundSplitter
    /// The Swedish lexicon, or nil for rules only.
    public var dictionary: SwedishLexicon?

    public init(dictionary: SwedishLexicon? = nil) {
        tokenizer = Tokenizer()
        splitter = CompoundSplitter()
        self.dictionary = dictionary
    }

    /// Analyses `text`. Compounds are split only when `isWord` is given (the lexicon), or
    /// against the dictionary alone when there is one.
    public func analyze(_ text: String, isWord: ((String) -> Bool)? = nil) -> [AnalyzedToken] {
        if let dictionary {
            let isWord = isWord ?? { _ in false }
            return analyze(text, splitting: { splitter.split($0, dictionary: dictionary, isWord: isWord, isKey: isWord) })
        }
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
                compoundParts: parts,
                lemmas: dictionary?.lemmaKeys(of: term, splitter: splitter) ?? []
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
    /// (`CompoundSplitter.split(_:lexicon:)`), and the dictionary's roles when there is one.
    public func analyze(_ text: String, lexicon: Lexicon) -> [AnalyzedToken] {
        if let dictionary {
            return analyze(text, splitting: {
                splitter.split($0, dictionary: dictionary, isWord: lexicon.containsWord, isKey: lexicon.containsKey)
            })
        }
        return analyze(text, splitting: { splitter.split($0, lexicon: lexicon) })
    }
}
