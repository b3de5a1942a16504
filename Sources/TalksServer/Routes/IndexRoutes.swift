import TalksModel
import TalksSearch

/// The endpoints that read the index: search, suggest, episodes, transcripts, health.
/// Each takes one snapshot, so one response comes from one generation.
extension TalksRoutes {
    static let maxQueryLength = RouteLimits.searchQueryCharacters

    func health() -> HTTPResponse {
        do {
            let snapshot = try backend.snapshot()
            var response = Self.json(.object([
                "status": "ok",
                "generation": .integer(Int64(clamping: snapshot.generation)),
                "version": .string(TalksModel.version),
            ]))
            response.headers.set("Cache-Control", "no-store")
            return response
        } catch {
            var response = Self.json(.object([
                "status": "unavailable",
                "generation": .null,
                "version": .string(TalksModel.version),
                "message": .string("\(error)"),
            ]), status: .serviceUnavailable)
            response.headers.set("Cache-Control", "no-store")
            return response
        }
    }

    func search(_ request: HTTPRequest) throws -> HTTPResponse {
        let parameters = ParameterReader(query: request.query)
        let query = try parameters.required("q", maxLength: Self.maxQueryLength)
        guard !query.allSatisfy(\.isWhitespace) else {
            throw RouteError.badParameter(ParameterProblem("q", .empty))
        }
        let limit = try parameters.integer("limit", default: 10, in: RouteLimits.searchResults)
        let searchRequest = SearchRequest(
            query: query,
            limit: limit,
            offset: try parameters.pageStart(limit: limit),
            hitsPerEpisode: try parameters.integer("hits", default: 3, in: RouteLimits.searchHits),
            speaker: try parameters.text("speaker", maxLength: RouteLimits.filterCharacters).flatMap { $0.isEmpty ? nil : $0 },
            series: try parameters.text("series", maxLength: RouteLimits.filterCharacters).flatMap { $0.isEmpty ? nil : $0 },
            after: try parameters.date("after"),
            before: try parameters.date("before"),
            year: try parameters.year("year"),
            countsFacets: try parameters.flag("facets", default: true))
        let snapshot = try backend.snapshot()
        let response = try snapshot.search(searchRequest)
        return cached(Self.json(response.jsonValue), snapshot: snapshot, request: request, maxAge: 60)
    }

    func suggest(_ request: HTTPRequest) throws -> HTTPResponse {
        let parameters = ParameterReader(query: request.query)
        let prefix = try parameters.required("q", maxLength: RouteLimits.suggestPrefixCharacters)
        let limit = try parameters.integer("limit", default: 8, in: RouteLimits.suggestions)
        let snapshot = try backend.snapshot()
        let trimmed = prefix.trimmingBlanks()
        let suggestions = trimmed.isEmpty ? [] : try snapshot.suggest(prefix: trimmed, limit: limit)
        let body: JSONValue = .object(["query": .string(prefix), "suggestions": .array(suggestions.map(JSONValue.string))])
        return cached(Self.json(body), snapshot: snapshot, request: request, maxAge: 300)
    }

    func episodes(_ request: HTTPRequest) throws -> HTTPResponse {
        let parameters = ParameterReader(query: request.query)
        let limit = try parameters.integer("limit", default: 50, in: RouteLimits.episodesPerPage)
        let offset = try parameters.integer("offset", default: 0, in: RouteLimits.episodesOffset)
        let snapshot = try backend.snapshot()
        let page = try snapshot.episodes(offset: offset, limit: limit)
        let body: JSONValue = .object([
            "total": .integer(Int64(page.total)),
            "offset": .integer(Int64(offset)),
            "limit": .integer(Int64(limit)),
            "episodes": .array(page.episodes.map(\.summaryJSON)),
        ])
        return cached(Self.json(body), snapshot: snapshot, request: request, maxAge: 60)
    }

    func episode(_ id: String) throws -> HTTPResponse {
        let snapshot = try backend.snapshot()
        guard let episode = try snapshot.episode(id: id) else {
            throw RouteError.notFound("no episode with id '\(id.prefix(200))'")
        }
        return cached(Self.json(WireFormat.episode(episode)), snapshot: snapshot, key: "episode/" + id, maxAge: 60)
    }

    func transcript(_ id: String, request: HTTPRequest) throws -> HTTPResponse {
        let format = request.query["format"] ?? "json"
        guard format == "json" || format == "vtt" else {
            throw RouteError.badParameter(ParameterProblem("format", .oneOf(["json", "vtt"]), value: format))
        }
        let snapshot = try backend.snapshot()
        guard let cues = try snapshot.transcriptCues(id: id) else {
            throw RouteError.notFound("no episode with id '\(id.prefix(200))'")
        }
        // Written while it is sent: a long transcript must not hold a worker (TranscriptBody).
        let contentType = format == "vtt" ? "text/vtt; charset=utf-8" : "application/json; charset=utf-8"
        var response = HTTPResponse(status: .ok, headers: HTTPHeaders([("Content-Type", contentType)]))
        response.bodyStream = TranscriptBody(cues: cues, format: format == "vtt" ? .webVTT : .json, episodeID: id)
        return cached(response, snapshot: snapshot, key: "transcript/\(id)/\(format)", maxAge: 300)
    }

    private func cached(_ response: HTTPResponse, snapshot: any IndexSnapshot, request: HTTPRequest, maxAge: Int) -> HTTPResponse {
        var response = response
        response.headers.set("ETag", EntityTag.index(generation: snapshot.generation, request: request))
        response.headers.set("Cache-Control", "public, max-age=\(maxAge)")
        return response
    }

    private func cached(_ response: HTTPResponse, snapshot: any IndexSnapshot, key: String, maxAge: Int) -> HTTPResponse {
        var response = response
        response.headers.set("ETag", EntityTag.index(generation: snapshot.generation, key: key))
        response.headers.set("Cache-Control", "public, max-age=\(maxAge)")
        return response
    }
}

extension String {
    /// The text without leading and trailing spaces and tabs.
    func trimmingBlanks() -> String {
        Substring(self).trimmingSpaces()
    }
}
