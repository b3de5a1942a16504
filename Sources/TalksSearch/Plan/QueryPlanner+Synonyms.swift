import TalksAnalysis

/// Organisers' synonyms in the plan: a query word or phrase that is one alternative of a
/// `synonyms.txt` group also matches the others, each analysed like query words, ranked
/// below what the query said itself.
///
/// An alternative of one word becomes a word clause with its usual expansions (inflections,
/// compounds, å/ä/ö); one of several words becomes a phrase, or a few phrases when its words
/// occur inflected in the index ("Sveriges lantbruksuniversitets"): the cartesian product of
/// each word's exact, inflected and folded forms, exact first, at most
/// `maximumSynonymPhrases`. Every such clause scores `synonymWeight` × the smaller of its
/// own IDF (a phrase: the mean of its words') and the IDF of the words the query named, so
/// it adds to an episode that also says the exact words and ranks below one that does. The
/// alternatives count once together (`QueryPlan.Node.best`: the best of them, not their sum),
/// so an episode saying one mention in two forms does not outrank the words as typed.
/// At most `maximumSynonymAlternatives` alternatives per query, and together at most half
/// of `maximumQueryExpansions` index terms (alternatives beyond are left out, the query
/// never fails because of synonyms).
extension QueryPlanner {
    /// `base` (the clause of `terms`) OR each other alternative of their synonym group.
    func withSynonyms(_ base: QueryPlan.Node, terms: [String], negated: Bool, clauses: inout [ResolvedClause]) -> QueryPlan.Node {
        guard !synonyms.isEmpty, let found = synonyms.alternatives(for: terms) else { return base }
        let parameters = expander.parameters
        let reference = referenceIDF(of: base, clauses: clauses)
        var branches: [QueryPlan.Node] = []
        let termBudget = parameters.maximumQueryExpansions / 2
        func withinBudget() -> Bool {
            let synonymClauses = clauses.filter { $0.synonym != nil }
            return synonymClauses.count < parameters.maximumSynonymAlternatives
                && synonymClauses.reduce(0) { $0 + $1.variants.count + $1.phraseTerms.count } < termBudget
        }
        for alternative in found.others {
            guard withinBudget() else { break }
            let use = SynonymUse(query: terms.joined(separator: " "), file: alternative.file, line: alternative.line)
            if alternative.terms.count == 1, let term = alternative.terms.first {
                let variants = negated ? expander.expand(exclusion: term) : expander.expand(word: term)
                let idf = parameters.synonymWeight * min(idf(of: variants), reference ?? .infinity)
                branches.append(add(ResolvedClause(
                    shape: .terms, variants: variants, phraseTerms: [], inverseDocumentFrequency: idf,
                    isNegated: negated, typed: [term], isPlainWord: false, synonym: use), clauses: &clauses))
                continue
            }
            for words in phraseForms(of: alternative.terms, tiers: [.exact, .inflected, .folded, .foldedInflected],
                                     limit: parameters.maximumSynonymPhrases, functionWordsExact: false) {
                guard withinBudget() else { break }
                let node = add(phrase: words, negated: negated, clauses: &clauses)
                guard case .clause(let index) = node else { continue }
                let own = clauses[index].inverseDocumentFrequency / Double(words.count)
                clauses[index].inverseDocumentFrequency = parameters.synonymWeight * min(own, reference ?? .infinity)
                clauses[index].synonym = use
                branches.append(node)
            }
        }
        switch branches.count {
        case 0: return base
        case 1: return .or([base] + branches)
        default: return .or([base, .best(branches)])
        }
    }

    /// The node for a run of plain words starting at `operands[start]` that spells an
    /// alternative of a synonym group (the longest such run of two or more words), with its
    /// `length`; nil when none does.
    func synonymRun(in operands: [QueryExpression], from start: Int, negated: Bool,
                    clauses: inout [ResolvedClause]) -> (node: QueryPlan.Node, length: Int)? {
        guard !synonyms.isEmpty, synonyms.longestAlternative >= 2 else { return nil }
        var words: [String] = []
        var index = start
        while index < operands.count, words.count < synonyms.longestAlternative,
              case .word(let text) = operands[index] {
            let parts = Self.partsByPosition(tokenizer.tokens(in: text))
            guard parts.count == 1, let part = parts.first else { break }
            words.append(part)
            index += 1
        }
        var length = words.count
        while length >= 2 {
            let run = Array(words.prefix(length))
            if synonyms.alternatives(for: run) != nil {
                let required = run.map { add(words: $0, negated: negated, clauses: &clauses) }
                let node = withSynonyms(.and(required: required, excluded: []), terms: run, negated: negated, clauses: &clauses)
                return (node, length)
            }
            length -= 1
        }
        return nil
    }

    /// The IDF the query's own words carry: the largest among the clauses of `node` that
    /// match something; nil when none does (the query's words are not in the index).
    private func referenceIDF(of node: QueryPlan.Node, clauses: [ResolvedClause]) -> Double? {
        switch node {
        case .clause(let index):
            guard index < clauses.count, !clauses[index].isUnmatchable else { return nil }
            let clause = clauses[index]
            return clause.shape == .phrase ? clause.inverseDocumentFrequency / Double(max(1, clause.typed.count))
                : clause.inverseDocumentFrequency
        case .and(let required, _):
            return required.compactMap { referenceIDF(of: $0, clauses: clauses) }.max()
        case .or(let branches), .best(let branches):
            return branches.compactMap { referenceIDF(of: $0, clauses: clauses) }.max()
        case .near:
            return nil  // a compound's parts said apart: the compound itself is the reference
        }
    }
}
