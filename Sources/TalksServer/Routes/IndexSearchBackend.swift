import TalksIndex
import TalksModel
import TalksSearch

/// The real `SearchBackend`: a `SearchEngine` over an index directory.
///
/// Each request asks the engine for its searcher, which costs one `stat` of
/// `manifest.json` and reopens the index only when ingest committed a new generation.
/// A request keeps the searcher it got until it finishes, and a failed reopen leaves the
/// previous generation serving, so a reload never fails a request.
public struct IndexSearchBackend: SearchBackend {
    public let engine: SearchEngine

    public init(directory: String) {
        self.engine = SearchEngine(directory: directory)
    }

    public init(engine: SearchEngine) {
        self.engine = engine
    }

    public func snapshot() throws -> any IndexSnapshot {
        do {
            return SearcherSnapshot(searcher: try engine.searcher())
        } catch {
            throw BackendError.unavailable(error.description)
        }
    }
}

/// One generation, answered by a `Searcher`; query errors become `BackendError.badQuery`.
struct SearcherSnapshot: IndexSnapshot {
    let searcher: Searcher

    var generation: UInt64 { searcher.generation }

    func search(_ request: SearchRequest) throws -> SearchResponse {
        do {
            return try searcher.search(request)
        } catch let error as QueryError {
            throw BackendError.badQuery(error)
        }
    }

    func suggest(prefix: String, limit: Int) throws -> [String] {
        searcher.suggest(prefix: prefix, limit: limit)
    }

    func episodes(offset: Int, limit: Int) throws -> EpisodePage {
        try searcher.episodes(offset: offset, limit: limit)
    }

    func episode(id: String) throws -> Episode? {
        try searcher.episode(id: id)
    }

    func transcriptCues(id: String) throws -> TranscriptCues? {
        searcher.transcriptCues(id: id)
    }

    func transcriptMatches(of query: String, inEpisode id: String, cues: Range<Int>?) throws -> TranscriptMatches? {
        do {
            return try searcher.transcriptMatches(of: query, inEpisode: id, cues: cues)
        } catch let error as QueryError {
            throw BackendError.badQuery(error)
        }
    }
}
