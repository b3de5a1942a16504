/// How a query was understood: each word, prefix or phrase with the indexed terms it stands
/// for and why (tier), for `talks search --explain` and for debugging relevance.
public struct QueryExplanation: Sendable {
    /// One word of the query with the index terms it expanded to, as `--explain` prints it.
    public struct Clause: Sendable {
        /// The word, prefix (with `*`) or phrase (in quotes) as normalised.
        public var text: String
        public var isNegated: Bool
        public var inverseDocumentFrequency: Double
        /// Variants best tier first; empty for phrases (their words match exactly).
        public var variants: [TermVariant]
        /// Set when the clause is an organisers' synonym of words the query named.
        public var synonym: Synonym?
        /// Set when the clause is a part of this typed compound (normalised), matched only
        /// in cues that say all its parts.
        public var compoundPartOf: String? = nil
        /// Set when the clause is an inflected form of a quoted phrase: that phrase, in quotes.
        public var phraseForm: String? = nil
    }

    /// Where a synonym clause came from: the query's words it stands in for, and the
    /// group's file and line.
    public struct Synonym: Sendable {
        /// The query's words (normalised), e.g. "slu".
        public var query: String
        public var file: String
        public var line: Int
    }

    public var clauses: [Clause]
    /// The `speaker:` names the query is kept to: only cues they speak match, rank and are hits.
    public var speakers: [String] = []
}

extension Searcher {
    public func explain(_ request: SearchRequest) throws -> QueryExplanation {
        let query = try parser.parse(request: request)
        let plan = try self.plan(query)
        var explanation = QueryExplanation(clauses: plan.clauses.map { clause in
            let text: String
            switch clause.shape {
            case .terms: text = clause.typed.joined(separator: " ")
            case .phrase: text = "\"" + clause.typed.joined(separator: " ") + "\""
            }
            return QueryExplanation.Clause(
                text: text, isNegated: clause.isNegated,
                inverseDocumentFrequency: clause.inverseDocumentFrequency, variants: clause.variants,
                synonym: clause.synonym.map { QueryExplanation.Synonym(query: $0.query, file: $0.file, line: $0.line) },
                compoundPartOf: clause.compoundPartOf,
                phraseForm: clause.phraseForm.map { "\"" + $0.joined(separator: " ") + "\"" })
        })
        explanation.speakers = plan.filters.speakers
        return explanation
    }
}
