import TalksAnalysis

/// A quoted phrase in the plan also finds its words inflected, in the same order and
/// within one cue or one field (`"regional livsmedelsstrategi"` → "regionala
/// livsmedelsstrategier", "den regionala livsmedelsstrategin"), ranked below the phrase as
/// typed.
///
/// Each word's forms are its exact and inflected variants in the index (no compounds,
/// folding or typos: a quoted phrase asks for these words), at most four per word, most
/// frequent first; a word said in nearly every episode (`TermExpander.isFunctionWord`: "det",
/// "är") keeps its exact form only, so a common-word phrase costs what it did. The
/// combinations other than the phrase itself become phrase clauses, at most
/// `maximumPhraseForms`, each scoring the inflected tier's weight × the smaller of its own
/// IDF and the typed phrase's; together they count once (`QueryPlan.Node.best`), as one
/// mention said in another form. A negated phrase (`-"inte alls"`) stays exact. Phrase
/// forms have their own budget and never fail a query (`QueryPlanner.plan`).
extension QueryPlanner {
    /// `base` (the clause of the phrase `terms`) OR the phrase's inflected forms.
    func withPhraseForms(_ base: QueryPlan.Node, terms: [String], clauses: inout [ResolvedClause]) -> QueryPlan.Node {
        let parameters = expander.parameters
        guard terms.count >= 2, parameters.maximumPhraseForms > 0, case .clause(let typedIndex) = base else { return base }
        let typedIDF = clauses[typedIndex].inverseDocumentFrequency
        var branches: [QueryPlan.Node] = []
        var termCount = 0
        // Four forms per word: a noun's four forms without the genitive (strategi, strategin,
        // strategier, strategierna), an adjective's three or four.
        for words in phraseForms(of: terms, tiers: [.exact, .inflected], limit: parameters.maximumPhraseForms + 1,
                                 formsPerWord: 4)
        where words != terms && branches.count < parameters.maximumPhraseForms {
            guard termCount + words.count <= parameters.maximumQueryExpansions / 4 else { break }
            termCount += words.count
            let node = add(phrase: words, negated: false, clauses: &clauses)
            guard case .clause(let index) = node else { continue }
            let own = clauses[index].inverseDocumentFrequency
            clauses[index].inverseDocumentFrequency = TermVariant.Tier.inflected.weight * min(own, typedIDF)
            clauses[index].phraseForm = clauses[typedIndex].typed
            branches.append(node)
        }
        switch branches.count {
        case 0: return base
        case 1: return .or([base] + branches)
        default: return .or([base, .best(branches)])
        }
    }

    /// The phrases `terms` stands for when each word may take one of its forms of `tiers` in
    /// the index (the word itself first when indexed, then the most frequent, at most
    /// `formsPerWord`; a function word only itself, with `functionWordsExact`), combined in
    /// order, at most `limit`; `[terms]` when some word is in no form in the index.
    func phraseForms(of terms: [String], tiers: Set<TermVariant.Tier>, limit: Int,
                     formsPerWord: Int = 3, functionWordsExact: Bool = true) -> [[String]] {
        var forms: [[String]] = []
        for term in terms {
            var found: [String] = []
            if expander.documentFrequency(term) > 0 { found.append(term) }
            if !(functionWordsExact && found.count == 1 && expander.isFunctionWord(term)) {
                for variant in expander.expand(word: term) where tiers.contains(variant.tier) && !found.contains(variant.term) {
                    found.append(variant.term)
                }
            }
            guard !found.isEmpty else { return [terms] }
            forms.append(Array(found.prefix(formsPerWord)))
        }
        // Combinations in order of the summed rank of their forms (the words as typed first,
        // then one word changed, …), so the cut at `limit` keeps the likeliest.
        var result: [(words: [String], rank: Int)] = [([], 0)]
        for options in forms {
            var next: [(words: [String], rank: Int)] = []
            for prefix in result {
                for (rank, option) in options.enumerated() { next.append((prefix.words + [option], prefix.rank + rank)) }
            }
            next.sort { $0.rank < $1.rank }
            result = Array(next.prefix(limit))
        }
        return result.map(\.words)
    }
}
