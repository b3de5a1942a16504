import TalksModel
import TalksSearch

/// `SearchResponse` in its wire form, the one `talks search --json` prints:
/// `{"query", "total_episodes", "results":[{"episode", "score", "hits"}], "suggestions", "took_ms"}`.
enum SearchResponseWire {
    static func json(_ response: SearchResponse) -> JSONValue {
        .object([
            "query": .string(response.query),
            "total_episodes": .integer(Int64(response.totalEpisodes)),
            "results": .array(response.results.map { result in
                .object([
                    "episode": WireFormat.episode(result.episode),
                    "score": .number(result.score),
                    "hits": .array(result.hits.map { hit in
                        .object([
                            "start": .number(hit.start),
                            "end": .number(hit.end),
                            "speaker": .optional(hit.speaker),
                            "text": .string(hit.text),
                            "snippet_html": .string(hit.snippetHTML),
                            "highlights": .array(hit.highlights.map { .array([.integer(Int64($0.lowerBound)), .integer(Int64($0.upperBound))]) }),
                            "url": .optional(hit.url),
                        ])
                    }),
                ])
            }),
            "suggestions": .array(response.suggestions.map(JSONValue.string)),
            "took_ms": .number(response.tookMilliseconds),
        ])
    }
}
