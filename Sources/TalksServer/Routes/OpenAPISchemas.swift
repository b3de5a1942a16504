import TalksModel
import TalksSearch

/// The JSON Schemas (2020-12, as OpenAPI 3.1 uses) of every response body.
enum OpenAPISchemas {
    static func object(_ required: [String], _ properties: KeyValuePairs<String, JSONValue>) -> JSONValue {
        .object([
            "type": "object",
            "required": .array(required.map(JSONValue.string)),
            "properties": .object(properties),
        ])
    }

    static func type(_ name: String, nullable: Bool = false) -> JSONValue {
        nullable ? .object(["type": .array([.string(name), "null"])]) : .object(["type": .string(name)])
    }

    static func array(_ items: JSONValue) -> JSONValue {
        .object(["type": "array", "items": items])
    }

    static let schemas: JSONValue = .object([
        "Error": object(["error"], [
            "error": object(["status", "message"], ["status": type("integer"), "message": type("string")]),
        ]),
        "Speaker": object(["name"], ["name": type("string"), "organisation": type("string", nullable: true)]),
        "Episode": object(["id", "title", "language", "speakers", "tags"], [
            "id": type("string"), "series": type("string", nullable: true), "number": type("integer", nullable: true),
            "title": type("string"), "date": type("string", nullable: true), "language": type("string"),
            "speakers": array(OpenAPIDocument.ref("Speaker")), "description": type("string", nullable: true),
            "recording": link("The video or audio."), "page": link("The event page."),
            "tags": array(type("string")), "duration": type("number", nullable: true),
            "chapters": array(OpenAPIDocument.ref("Chapter")),
        ]),
        "Chapter": object(["start", "title"], [
            "start": .object(["type": "number", "description": "Seconds from the start of the recording."]),
            "title": type("string"),
        ]),
        "EpisodeSummary": object(["id", "title", "speakers"], [
            "id": type("string"), "title": type("string"), "series": type("string", nullable: true),
            "number": type("integer", nullable: true), "date": type("string", nullable: true),
            "speakers": array(type("string")), "recording": link("The video or audio."),
            "page": link("The event page."), "chapters": array(OpenAPIDocument.ref("Chapter")),
        ]),
        "Hit": object(["start", "cue_start", "end", "text", "snippet_html"], [
            "start": .object(["type": "number", "description": "Seconds: when the first matched word is said, where the transcript gives word times; else the cue's start."]),
            "cue_start": .object(["type": "number", "description": "Seconds: when the cue starts."]),
            "end": type("number"), "speaker": type("string", nullable: true),
            "text": type("string"), "snippet_html": .object(["type": "string", "description": "The cue text, HTML-escaped, with matches in <mark>."]),
            "url": link("The recording just before the spoken word: the whole second 1–2 s before start (start − 1 s, rounded down; never before cue_start, so without word times the cue's start), in its player's form (YouTube t=, Vimeo #t=…s, a media file's #t=SECONDS, or the episode's link_template)."),
            "chapter": .object(["type": ["string", "null"], "description": "The title of the chapter start falls in; null without chapters."]),
        ]),
        "EpisodeResult": object(["episode", "score", "hits"], [
            "episode": OpenAPIDocument.ref("EpisodeSummary"), "score": type("number"), "hits": array(OpenAPIDocument.ref("Hit")),
        ]),
        "SearchResponse": object(["query", "total_episodes", "results", "suggestions", "took_ms"], [
            "query": type("string"), "total_episodes": type("integer"),
            "results": array(OpenAPIDocument.ref("EpisodeResult")), "suggestions": array(type("string")),
            "facets": OpenAPIDocument.ref("Facets"),
            "took_ms": type("number"),
        ]),
        "FacetCount": object(["value", "count"], ["value": type("string"), "count": type("integer")]),
        "Facets": .object([
            "type": "object",
            "description": .string("All matching episodes (not only this page) counted by series, speaker and year; each list at most \(SearchLimits.maximumFacetValues) values: series and speakers most common first, years newest first. Absent with facets=0."),
            "required": ["series", "speakers", "years"],
            "properties": .object([
                "series": array(OpenAPIDocument.ref("FacetCount")), "speakers": array(OpenAPIDocument.ref("FacetCount")),
                "years": array(OpenAPIDocument.ref("FacetCount")),
            ]),
        ]),
        "Suggestions": object(["query", "suggestions"], ["query": type("string"), "suggestions": array(type("string"))]),
        "EpisodeList": object(["total", "offset", "limit", "episodes"], [
            "total": type("integer"), "offset": type("integer"), "limit": type("integer"),
            "episodes": array(OpenAPIDocument.ref("EpisodeSummary")),
        ]),
        "Cue": object(["start", "end", "text"], [
            "id": type("string", nullable: true), "start": type("number"), "end": type("number"),
            "speaker": type("string", nullable: true), "text": type("string"),
            "word_times": .object([
                "type": "array", "items": array(type("number")),
                "description": "When the words are said, where the transcript says so: [UTF-8 byte offset of the word in text, seconds] pairs.",
            ]),
        ]),
        "Transcript": object(["episode_id", "cues"], ["episode_id": type("string"), "cues": array(OpenAPIDocument.ref("Cue"))]),
        "Health": object(["status", "generation", "version"], [
            "status": .object(["type": "string", "enum": ["ok", "unavailable"]]),
            "generation": type("integer", nullable: true), "version": type("string"),
            "message": type("string"),
        ]),
    ])

    /// A link field: an absolute http(s) URL (`WebLink`) or null; no other kind is served.
    static func link(_ description: String) -> JSONValue {
        .object([
            "type": ["string", "null"], "format": "uri", "pattern": "^https?://",
            "description": .string(description + " An absolute http(s) link, or null: no other kind of link is ever served."),
        ])
    }
}
