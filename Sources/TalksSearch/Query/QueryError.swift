import TalksModel

/// Why a query could not be parsed, with the column where the problem is and what the
/// parser expected there, so the CLI and the server can tell the user exactly what to fix.
///
/// Columns are 1-based and count characters (not bytes) of the query as typed.
public struct QueryError: TalksError, Hashable {
    /// What went wrong, for programs (the server maps every kind to HTTP 400).
    public enum Kind: String, Sendable, Hashable {
        case empty
        case tooLong
        case tooManyTerms
        case tooManyExpansions
        case unclosedQuote
        case emptyPhrase
        case danglingOperator
        case onlyNegations
        case badDate
        case emptyDateRange
        case missingFilterValue
        case negatedFilter
        case unknownFilterValue
        case unbalancedParenthesis
        case emptyPrefix
        case misplacedWildcard
        case nothingToSearch
    }

    public var kind: Kind
    /// 1-based character column in the query, or nil for problems of the whole query.
    public var column: Int?
    /// What the parser found and what it expected instead, as a sentence.
    public var message: String

    public init(_ kind: Kind, column: Int?, _ message: String) {
        self.kind = kind
        self.column = column
        self.message = message
    }

    /// A malformed query is a usage problem (exit status 64; HTTP 400).
    public var exitStatus: Int32 { ExitStatus.usage }

    public var description: String {
        if let column { return "bad query at column \(column): \(message)" }
        return "bad query: \(message)"
    }
}
