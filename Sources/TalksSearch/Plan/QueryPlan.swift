import TalksAnalysis

/// A query after analysis and expansion against one reader: the boolean structure over
/// resolved clauses, ready to evaluate segment by segment.
///
/// Each word, prefix or phrase of the query becomes a `ResolvedClause` holding the exact
/// indexed terms it stands for (with their ordinal in each segment, `TermState`) and one
/// IDF for all of them, so every segment scores with the same collection-wide statistics.
struct QueryPlan {
    indirect enum Node {
        /// Episodes matching clause `clauses[index]`.
        case clause(Int)
        /// Episodes matching every node of `required` and none of `excluded`; with no
        /// `required` nodes, every episode the filters allow.
        case and(required: [Node], excluded: [Node])
        case or([Node])
        /// Episodes matching any node, scored by the best of them rather than their sum:
        /// the alternatives of one synonym group, which are one mention said in several ways.
        case best([Node])
        /// Episodes where one cue says every clause of `clauses` (the parts of a typed
        /// compound, `QueryPlanner+CompoundParts`), scored by their sum; only such cues are hits.
        case near([Int])
    }

    var root: Node
    var clauses: [ResolvedClause]
    var filters: QueryFilters

    /// Whether the query holds nothing but filters (and perhaps exclusions).
    var listsByFilterOnly: Bool {
        if case .and(let required, _) = root, required.isEmpty { return true }
        return false
    }

    /// The positive clauses, whose matches are marked in snippets and count for hits.
    var positiveClauses: [Int] { clauses.indices.filter { !clauses[$0].isNegated } }

    /// The clause groups of the `near` nodes: a compound's parts, which match only in a cue
    /// that says them all.
    var nearGroups: [[Int]] {
        var groups: [[Int]] = []
        func visit(_ node: Node) {
            switch node {
            case .clause: break
            case .and(let required, let excluded): (required + excluded).forEach(visit)
            case .or(let branches), .best(let branches): branches.forEach(visit)
            case .near(let clauses): groups.append(clauses)
            }
        }
        visit(root)
        return groups
    }
}

/// One word, prefix or phrase of the query, resolved to indexed terms.
struct ResolvedClause {
    enum Shape {
        /// Any of `variants` (a word with its expansions, or a prefix's completions).
        case terms
        /// `phraseTerms` at consecutive positions within one cue or one metadata field.
        case phrase
    }

    var shape: Shape
    var variants: [TermVariant]
    /// The phrase's words in order, each an exact variant with its states (empty when a
    /// word occurs in no segment, or the clause is not a phrase).
    var phraseTerms: [TermVariant]
    /// One IDF for the clause: the most frequent variant's (terms), or the sum over the
    /// phrase's words (phrases), as Lucene scores phrases.
    var inverseDocumentFrequency: Double
    var isNegated: Bool
    /// The words as the user typed them (normalised), for "Menade du".
    var typed: [String]
    /// Whether the clause came from a plain word (fuzzy suggestions apply to these).
    var isPlainWord: Bool
    /// Whether the clause is a word said in nearly every episode (`TermExpander.isFunctionWord`:
    /// "det", or "sveriges" in an archive about Sweden). A cue saying only such words is no
    /// hit of an episode whose other cues say the query's rarer words (`HitCollector`).
    var isCommonWord = false
    /// Set when the clause is another alternative of a synonym group the query named.
    var synonym: SynonymUse? = nil
    /// Set when the clause is a part of a typed compound (the compound, normalised), which
    /// matches only with the other parts in one cue (`QueryPlanner+CompoundParts`).
    var compoundPartOf: String? = nil
    /// Set when the clause is an inflected form of a quoted phrase: the phrase's words as
    /// typed (`QueryPlanner+PhraseForms`).
    var phraseForm: [String]? = nil

    /// True when no segment holds any of the clause's terms.
    var isUnmatchable: Bool {
        switch shape {
        case .terms: return variants.isEmpty
        case .phrase: return phraseTerms.isEmpty
        }
    }
}

/// Why a clause is in the plan though the query did not name it: an organisers' synonym.
struct SynonymUse {
    /// The query's words that are in the group, normalised ("slu").
    var query: String
    /// The synonyms file and line of the group.
    var file: String
    var line: Int
}
