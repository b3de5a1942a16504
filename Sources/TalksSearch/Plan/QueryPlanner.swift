import TalksAnalysis
import TalksIndex

/// Turns a parsed `Query` into a `QueryPlan` for one reader: analyses each word with the
/// same tokenizer as the index, expands it (`TermExpander`), computes IDFs from the whole
/// collection and rewrites hyphenated words into a phrase of their parts OR the joined word.
struct QueryPlanner {
    let expander: TermExpander
    let documentCount: Int
    /// The organisers' synonym groups (`QueryPlanner+Synonyms`); none by default.
    var synonyms = SynonymTable.empty
    let tokenizer = Tokenizer()

    func plan(_ query: Query) throws(QueryError) -> QueryPlan {
        var clauses: [ResolvedClause] = []
        guard let expression = query.expression else {
            return QueryPlan(root: .and(required: [], excluded: []), clauses: [], filters: query.filters)
        }
        guard let root = node(for: expression, negated: false, clauses: &clauses) else {
            throw QueryError(.nothingToSearch, column: nil,
                             "the query has no words to search for (only punctuation); type a word, e.g. livsmedelsstrategi")
        }
        // Synonyms and phrase forms have their own budgets (`QueryPlanner+Synonyms`,
        // `QueryPlanner+PhraseForms`), and a compound's parts at most `maximumExpansions`
        // each: none of them fails a query.
        let expansions = clauses.filter { $0.synonym == nil && $0.phraseForm == nil && $0.compoundPartOf == nil }.reduce(0) { $0 + $1.variants.count + $1.phraseTerms.count }
        if expansions > expander.parameters.maximumQueryExpansions {
            throw QueryError(.tooManyExpansions, column: nil,
                             "the query expands to \(expansions) index terms; at most \(expander.parameters.maximumQueryExpansions) "
                             + "are allowed: use fewer or longer prefixes (word*) or fewer words")
        }
        if case .and(let required, _) = root, required.isEmpty, query.filters.isEmpty {
            throw QueryError(.onlyNegations, column: 1,
                             "the query only excludes words; add at least one word to search for (e.g. 'mat -kött')")
        }
        return QueryPlan(root: root, clauses: clauses, filters: query.filters)
    }

    /// The plan node for an expression, or nil when it analysed to no words at all.
    private func node(for expression: QueryExpression, negated: Bool, clauses: inout [ResolvedClause]) -> QueryPlan.Node? {
        switch expression {
        case .word(let text):
            let tokens = tokenizer.tokens(in: text)
            guard !tokens.isEmpty else { return nil }
            let parts = Self.partsByPosition(tokens)
            if parts.count == 1 {
                let word = add(words: parts[0], negated: negated, clauses: &clauses)
                let whole = withCompoundParts(word, term: parts[0], negated: negated, clauses: &clauses)
                return withSynonyms(whole, terms: parts, negated: negated, clauses: &clauses)
            }
            let phrase = add(phrase: parts, negated: negated, clauses: &clauses)
            let joined = tokens.filter { !parts.contains($0.term) }.map(\.term)
            guard let whole = joined.first else { return phrase }
            let wholeNode = add(words: whole, negated: negated, clauses: &clauses)
            return .or([phrase, wholeNode])
        case .prefix(let text):
            let terms = tokenizer.tokens(in: text).map(\.term)
            guard let last = terms.last else { return nil }
            var nodes = terms.dropLast().map { add(words: $0, negated: negated, clauses: &clauses) }
            let variants = expander.expand(prefix: last, limit: expander.parameters.maximumExpansions)
            nodes.append(add(ResolvedClause(
                shape: .terms, variants: variants, phraseTerms: [], inverseDocumentFrequency: idf(of: variants),
                isNegated: negated, typed: [last + "*"], isPlainWord: false), clauses: &clauses))
            return nodes.count == 1 ? nodes[0] : .and(required: nodes, excluded: [])
        case .phrase(let text):
            let parts = Self.partsByPosition(tokenizer.tokens(in: text))
            guard !parts.isEmpty else { return nil }
            if parts.count == 1 {
                let variants = expander.expand(exact: parts[0])
                let word = add(ResolvedClause(
                    shape: .terms, variants: variants, phraseTerms: [], inverseDocumentFrequency: idf(of: variants),
                    isNegated: negated, typed: parts, isPlainWord: false), clauses: &clauses)
                return withSynonyms(word, terms: parts, negated: negated, clauses: &clauses)
            }
            let phrase = add(phrase: parts, negated: negated, clauses: &clauses)
            let forms = negated ? phrase : withPhraseForms(phrase, terms: parts, clauses: &clauses)
            return withSynonyms(forms, terms: parts, negated: negated, clauses: &clauses)
        case .not(let inner):
            return node(for: inner, negated: !negated, clauses: &clauses).map { .and(required: [], excluded: [$0]) }
        case .and(let operands):
            var required: [QueryPlan.Node] = []
            var excluded: [QueryPlan.Node] = []
            var position = 0
            while position < operands.count {
                let operand = operands[position]
                // Consecutive words that spell a synonym alternative ("Sveriges lantbruksuniversitet").
                if let run = synonymRun(in: operands, from: position, negated: negated, clauses: &clauses) {
                    required.append(run.node)
                    position += run.length
                    continue
                }
                position += 1
                if case .not(let inner) = operand {
                    if let resolved = node(for: inner, negated: true, clauses: &clauses) { excluded.append(resolved) }
                } else if let resolved = node(for: operand, negated: negated, clauses: &clauses) {
                    required.append(resolved)
                }
            }
            if required.isEmpty && excluded.isEmpty { return nil }
            if required.count == 1 && excluded.isEmpty { return required[0] }
            return .and(required: required, excluded: excluded)
        case .or(let operands):
            let branches = operands.compactMap { node(for: $0, negated: negated, clauses: &clauses) }
            if branches.isEmpty { return nil }
            return branches.count == 1 ? branches[0] : .or(branches)
        }
    }

    /// The first term at each position: the parts of a hyphenated word, without its joined form.
    static func partsByPosition(_ tokens: [Token]) -> [String] {
        var parts: [String] = []
        var lastPosition = -1
        for token in tokens where token.position != lastPosition {
            parts.append(token.term)
            lastPosition = token.position
        }
        return parts
    }

    func add(words term: String, negated: Bool, clauses: inout [ResolvedClause]) -> QueryPlan.Node {
        let variants = negated ? expander.expand(exclusion: term) : expander.expand(word: term)
        return add(ResolvedClause(
            shape: .terms, variants: variants, phraseTerms: [], inverseDocumentFrequency: idf(of: variants),
            isNegated: negated, typed: [term], isPlainWord: true,
            isCommonWord: !negated && expander.isFunctionWord(term)), clauses: &clauses)
    }

    func add(phrase terms: [String], negated: Bool, clauses: inout [ResolvedClause]) -> QueryPlan.Node {
        var idf = 0.0
        var known = true
        var words: [TermVariant] = []
        for term in terms {
            let found = expander.lookUp(term)
            if found.documentFrequency == 0 { known = false }
            idf += RankingParameters.inverseDocumentFrequency(documentFrequency: found.documentFrequency, documentCount: documentCount)
            words.append(TermVariant(term: term, tier: .exact, documentFrequency: found.documentFrequency, states: found.states))
        }
        return add(ResolvedClause(
            shape: .phrase, variants: [], phraseTerms: known ? words : [], inverseDocumentFrequency: idf,
            isNegated: negated, typed: terms, isPlainWord: false), clauses: &clauses)
    }

    func add(_ clause: ResolvedClause, clauses: inout [ResolvedClause]) -> QueryPlan.Node {
        clauses.append(clause)
        return .clause(clauses.count - 1)
    }

    /// The clause IDF: that of its most frequent variant, so all tiers share one scale and
    /// a rare inflection cannot outrank the exact word by rarity alone. Typo variants
    /// count only when nothing else matched: beside a reading of the word itself (a
    /// probable typo's inflection reading, `TermExpander+Arbitration`), a frequent near
    /// word (`borde` for `bonde`) would flatten the clause's weight.
    func idf(of variants: [TermVariant]) -> Double {
        let isTypo: (TermVariant) -> Bool = { $0.tier == .fuzzy || $0.tier == .fuzzyFar }
        let read = variants.contains { !isTypo($0) } ? variants.filter { !isTypo($0) } : variants
        let frequency = read.map(\.documentFrequency).max() ?? 0
        return RankingParameters.inverseDocumentFrequency(documentFrequency: frequency, documentCount: documentCount)
    }
}
