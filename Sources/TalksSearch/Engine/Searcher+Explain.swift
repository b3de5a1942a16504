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
    }

    public var clauses: [Clause]
}

extension Searcher {
    public func explain(_ request: SearchRequest) throws -> QueryExplanation {
        let query = try parser.parse(request: request)
        let plan = try QueryPlanner(expander: expander, documentCount: statistics.liveEpisodes).plan(query)
        return QueryExplanation(clauses: plan.clauses.map { clause in
            let text: String
            switch clause.shape {
            case .terms: text = clause.typed.joined(separator: " ")
            case .phrase: text = "\"" + clause.typed.joined(separator: " ") + "\""
            }
            return QueryExplanation.Clause(
                text: text, isNegated: clause.isNegated,
                inverseDocumentFrequency: clause.inverseDocumentFrequency, variants: clause.variants)
        })
    }
}
