import TalksAnalysis

/// A typed compound the index has never seen, found where the talk says its parts:
/// `ostkurs` finds "jag gick en kurs i att göra ost", `livsmedelsupphandling` finds
/// "offentlig upphandling av livsmedel".
///
/// Why: speakers paraphrase compounds, and a viewer who types the compound means those
/// cues (issue 13, compounds both ways). When a typed word has no variant in the index at
/// all (not as written, inflected, folded, inside a compound or as a typo), it is split
/// against the index's own vocabulary with `CompoundSplitter`'s strict split (every part a
/// word of the index and at least three letters, a linking -s-/-e- dropped) and the word
/// also matches episodes that say every part, each part expanded like a typed word; cues
/// that say all parts rank first (`HitCollector` ranks cues by the clauses they match).
/// Only words that would otherwise find nothing are split, so a query that finds its word
/// is never changed, and a word too short to have two parts (`ost`, `kost`) never is.
extension QueryPlanner {
    /// The strict splitter the parts are found with (search has no lexicon: the index's
    /// vocabulary decides what is a word).
    static let compoundPartSplitter = CompoundSplitter()

    /// `word` (the node of a positive typed word whose clause is the last of `clauses`),
    /// or, when that word finds nothing and splits into parts the index holds, the word OR
    /// all its parts.
    func withCompoundParts(_ word: QueryPlan.Node, term: String, negated: Bool,
                           clauses: inout [ResolvedClause]) -> QueryPlan.Node {
        guard !negated, let clause = clauses.last,
              clause.variants.allSatisfy({ $0.documentFrequency == 0 }),
              let parts = partsOfUnseenCompound(term) else { return word }
        let partNodes = parts.map { add(words: $0, negated: false, clauses: &clauses) }
        return .or([word, .and(required: partNodes, excluded: [])])
    }

    /// The parts of `term` when it splits into at least two words of the index, none a
    /// function word (`och`, `att`: every episode says them).
    func partsOfUnseenCompound(_ term: String) -> [String]? {
        let isWord: (String) -> Bool = { part in
            expander.documentFrequency(part) > 0 && !expander.isFunctionWord(part)
        }
        let isKey: (String) -> Bool = { key in expander.documentFrequency(key) > 0 }
        guard let parts = Self.compoundPartSplitter.split(term, isWord: isWord, isKey: isKey),
              parts.count >= 2, !parts.contains(where: expander.isFunctionWord) else { return nil }
        return parts
    }
}
