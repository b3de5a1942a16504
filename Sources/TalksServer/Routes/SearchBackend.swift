import TalksModel
import TalksSearch

/// What the routes read from an index, behind a protocol so the HTTP layer does not
/// depend on how the index is opened or reopened.
///
/// `snapshot()` returns one index generation; a request uses one snapshot from start to
/// end, so a reload mid-request cannot mix two generations. The real backend
/// (`IndexSearchBackend`) reopens the index when its generation changes and keeps serving
/// the old one until the new one is open, so a reload never fails a request.
public protocol SearchBackend: Sendable {
    /// The generation to answer the next request from. Throws `BackendError.unavailable`
    /// when no index can be opened.
    func snapshot() throws -> any IndexSnapshot
}

/// One open index generation, read-only.
public protocol IndexSnapshot: Sendable {
    /// Increases with every commit; goes into `/health` and every ETag.
    var generation: UInt64 { get }
    /// Throws `BackendError.badQuery` for a query the query language rejects.
    func search(_ request: SearchRequest) throws -> SearchResponse
    /// Indexed terms starting with `prefix` (after normalisation), most frequent first.
    func suggest(prefix: String, limit: Int) throws -> [String]
    func episodes(offset: Int, limit: Int) throws -> EpisodePage
    func episode(id: String) throws -> Episode?
    /// The cues of the episode, read one at a time (a transcript can be 60 MB), or nil.
    func transcriptCues(id: String) throws -> TranscriptCues?
    /// Where `query` matches in the transcript of episode `id` (for the watch page's
    /// marks; `cues`: only those cue indices, nil for all), or nil when there is no such episode. Throws `BackendError.badQuery` for a
    /// query the query language rejects.
    func transcriptMatches(of query: String, inEpisode id: String, cues: Range<Int>?) throws -> TranscriptMatches?
}

/// Why a backend could not answer: the caller's query (400) or the index (503).
public enum BackendError: TalksError, Hashable {
    /// The query text is invalid: the query parser's error (kind, column, message), which
    /// the API shows as it is and the Swedish pages translate (`SwedishQueryError`).
    case badQuery(QueryError)
    /// No index is open (missing, locked mid-creation, corrupt).
    case unavailable(String)

    public var description: String {
        switch self {
        case .badQuery(let error): return error.description
        case .unavailable(let message): return "the index is not available: \(message)"
        }
    }
}
