import TalksModel

/// The wire form of search results, shared by `talks search --json`, `talks search --queries`
/// and the server's `GET /search`, so all three print exactly the same shape:
///
/// `{"query", "total_episodes", "results":[{"episode":{"id","title","series","number","date",
/// "speakers","recording","page","chapters"}, "score", "hits":[{"start","cue_start","end",
/// "speaker","text","snippet_html","url","chapter"}]}], "suggestions", "took_ms"}`, and when the
/// request counted them `"facets": {"series":[{"value","count"}], "speakers":[…], "years":[…]}`
/// after `suggestions`.
extension SearchResponse {
    public var jsonValue: JSONValue {
        var members: [JSONMember] = [
            JSONMember("query", .string(query)),
            JSONMember("total_episodes", .integer(Int64(totalEpisodes))),
            JSONMember("results", .array(results.map(\.jsonValue))),
            JSONMember("suggestions", .array(suggestions.map(JSONValue.string))),
        ]
        if let facets { members.append(JSONMember("facets", facets.jsonValue)) }
        members.append(JSONMember("took_ms", .number(Self.rounded(tookMilliseconds, places: 3))))
        return .object(members)
    }

    /// One line of compact JSON (no trailing newline).
    public var jsonLine: String { JSONWriter().string(jsonValue) }

    static func rounded(_ value: Double, places: Int) -> Double {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        return (value * scale).rounded() / scale
    }
}

extension EpisodeResult {
    public var jsonValue: JSONValue {
        .object([
            "episode": episode.summaryJSON,
            "score": .number(SearchResponse.rounded(score, places: 6)),
            "hits": .array(hits.map(\.jsonValue)),
        ])
    }
}

extension Hit {
    public var jsonValue: JSONValue {
        .object([
            "start": .number(start),
            "cue_start": .number(cueStart),
            "end": .number(end),
            "speaker": .optional(speaker),
            "text": .string(text),
            "snippet_html": .string(snippetHTML),
            "url": .optional(url?.text),
            "chapter": .optional(chapter),
        ])
    }
}

extension Episode {
    /// The episode as search results and episode lists show it: identity, title, series,
    /// number, date, speaker names, links and chapters.
    public var summaryJSON: JSONValue {
        .object([
            "id": .string(id),
            "title": .string(title),
            "series": .optional(series),
            "number": .optional(number),
            "date": .optional(date),
            "speakers": .array(speakers.map { .string($0.name) }),
            "recording": .optional(recording?.text),
            "page": .optional(page?.text),
            "chapters": chaptersJSON,
        ])
    }

    /// The chapters as `[{"start": seconds, "title": …}]`, in start order.
    public var chaptersJSON: JSONValue {
        .array(chapters.map { .object(["start": .number($0.start), "title": .string($0.title)]) })
    }
}

extension SearchFacets {
    /// `{"series":[{"value","count"}], "speakers":[…], "years":[…]}`.
    public var jsonValue: JSONValue {
        func list(_ counts: [FacetCount]) -> JSONValue {
            .array(counts.map { .object(["value": .string($0.value), "count": .integer(Int64($0.count))]) })
        }
        return .object(["series": list(series), "speakers": list(speakers), "years": list(years)])
    }
}
