import TalksModel

/// The OpenAPI 3.1 description of every endpoint, served at `/openapi.json`.
///
/// It is written to match `WireFormat`, `SearchResponseWire` and the routes exactly; a
/// test sends real requests and checks each response's status, content type and required
/// properties against this document, so it cannot drift silently.
enum OpenAPIDocument {
    static var document: JSONValue {
        .object([
            "openapi": "3.1.0",
            "info": .object([
                "title": "talks",
                "version": .string(TalksModel.version),
                "description": "Read-only search over recorded talks and their transcripts. Every error is JSON {\"error\":{\"status\",\"message\"}} (schema Error), including 405 for methods other than GET, HEAD and OPTIONS (with an Allow header). Responses carry Access-Control-Allow-Origin; index responses carry a weak ETag from the index generation (If-None-Match gives 304).",
            ]),
            "paths": .object([
                JSONMember("/search", operation(
                    summary: "Episodes matching a query, each with its best timestamped hits (the shape of `talks search --json --facets`), and all matches counted by series, speaker and year. speaker, series and year mean what the query operators speaker:, series: and year: mean, ANDed with them.",
                    parameters: [
                        parameter("q", required: true, schema: .object(["type": "string", "minLength": 1, "maxLength": .integer(Int64(RouteLimits.searchQueryCharacters))]), "Query in the talks query language."),
                        parameter("limit", schema: integer(RouteLimits.searchResults, 10), "Episodes to return."),
                        parameter("offset", schema: integer(RouteLimits.searchOffset, 0), "Episodes to skip (or give page)."),
                        parameter("page", schema: .object(["type": "integer", "minimum": 1, "default": 1]), "Page number from 1, limit episodes a page: offset (page - 1) × limit, up to the deepest offset. Not together with offset."),
                        parameter("hits", schema: integer(RouteLimits.searchHits, 3), "Hits per episode."),
                        parameter("speaker", schema: .object(["type": "string", "maxLength": .integer(Int64(RouteLimits.filterCharacters))]), "Only what this speaker says: episodes where they speak, ranked by and showing only their cues (as speaker: in q; speakers named only by the transcript count)."),
                        parameter("series", schema: .object(["type": "string", "maxLength": .integer(Int64(RouteLimits.filterCharacters))]), "Only episodes of this series."),
                        parameter("after", schema: date, "Episodes on or after this date."),
                        parameter("before", schema: date, "Episodes before this date."),
                        parameter("year", schema: .object(["type": "string", "pattern": "^[0-9]{4}$"]), "Only episodes dated in this year (the query operator year:)."),
                        parameter("facets", schema: .object(["type": "string", "enum": ["1", "0", "true", "false"], "default": "1"]), "Count all matching episodes by series, speaker and year (facets); 0 leaves facets out."),
                    ],
                    ok: json("SearchResponse"), extra: ["400": error("Missing q, a parameter out of range, or a query the query language rejects.")])),
                JSONMember("/suggest", operation(
                    summary: "Indexed words starting with a prefix, for search-as-you-type.",
                    parameters: [
                        parameter("q", required: true, schema: .object(["type": "string", "maxLength": .integer(Int64(RouteLimits.suggestPrefixCharacters))]), "The prefix typed so far."),
                        parameter("limit", schema: integer(RouteLimits.suggestions, 8), "Suggestions to return."),
                    ],
                    ok: json("Suggestions"), extra: ["400": error("Missing q or limit out of range.")])),
                JSONMember("/episodes", operation(
                    summary: "All episodes, paged.",
                    parameters: [
                        parameter("limit", schema: integer(RouteLimits.episodesPerPage, 50), "Episodes per page."),
                        parameter("offset", schema: integer(RouteLimits.episodesOffset, 0), "Episodes to skip."),
                    ],
                    ok: json("EpisodeList"), extra: ["400": error("A parameter out of range.")])),
                JSONMember("/episodes/{id}", operation(
                    summary: "One episode's metadata.",
                    parameters: [idParameter],
                    ok: json("Episode"), extra: ["404": error("No episode with this id.")])),
                JSONMember("/episodes/{id}/transcript", operation(
                    summary: "One episode's cues, as JSON or (format=vtt) as a WebVTT file with voice spans.",
                    parameters: [
                        idParameter,
                        parameter("format", schema: .object(["type": "string", "enum": ["json", "vtt"], "default": "json"]), "json or vtt."),
                    ],
                    ok: .object([
                        "description": "The transcript.",
                        "headers": cacheHeaders,
                        "content": .object([
                            "application/json": .object(["schema": ref("Transcript")]),
                            "text/vtt": .object(["schema": .object(["type": "string"])]),
                        ]),
                    ]),
                    extra: ["400": error("format is neither json nor vtt."), "404": error("No episode with this id.")])),
                JSONMember("/health", operation(
                    summary: "Whether an index is open, and its generation.",
                    parameters: [], ok: json("Health", cacheable: false), cacheable: false,
                    extra: ["503": .object(["description": "No index is open.", "content": .object(["application/json": .object(["schema": ref("Health")])])])])),
                JSONMember("/openapi.json", operation(summary: "This document.", parameters: [], ok: .object([
                    "description": "OpenAPI 3.1 document.",
                    "content": .object(["application/json": .object(["schema": .object(["type": "object", "required": ["openapi", "info", "paths"]])])]),
                ]))),
                JSONMember("/", operation(summary: "The search page (Swedish), rendered on the server, embeddable in an iframe; its whole state is its address.", parameters: [
                    parameter("q", schema: .object(["type": "string", "maxLength": .integer(Int64(RouteLimits.searchQueryCharacters))]), "The query."),
                    parameter("series", schema: .object(["type": "string", "maxLength": .integer(Int64(RouteLimits.filterCharacters))]), "Only this series (as series:)."),
                    parameter("speaker", schema: .object(["type": "string", "maxLength": .integer(Int64(RouteLimits.filterCharacters))]), "Only this speaker (as speaker:)."),
                    parameter("year", schema: .object(["type": "string", "pattern": "^[0-9]{4}$"]), "Only this year (as year:)."),
                    parameter("page", schema: .object(["type": "integer", "minimum": 1, "default": 1]), "Page of ten episodes, from 1."),
                    parameter("embed", schema: .object(["type": "string", "enum": ["1"]]), "Compact layout for iframes (embed.js)."),
                    parameter("lock", schema: .object(["type": "string"]), "series, speaker or both (comma-separated): filters the embedding fixed, shown without a remove link."),
                    parameter("theme", schema: .object(["type": "string", "enum": ["auto", "light", "dark"], "default": "auto"]), "Colour scheme; auto follows prefers-color-scheme."),
                    parameter("accent", schema: .object(["type": "string", "pattern": "^#([0-9a-fA-F]{3}){1,2}$"]), "The embedding site's accent colour (light mode); another form is ignored."),
                    parameter("accent_dark", schema: .object(["type": "string", "pattern": "^#([0-9a-fA-F]{3}){1,2}$"]), "The accent colour in dark mode."),
                    parameter("font", schema: .object(["type": "string", "maxLength": 120]), "A CSS font-family list (letters, digits, spaces, commas, hyphens, quotes); another form is ignored."),
                ], ok: html("HTML page."), extra: [
                    "400": html("The page, saying which parameter or what in the query is wrong."),
                    "503": html("The page, saying the search is not available."),
                ])),
                JSONMember("/watch/{id}", operation(
                    summary: "The watch page (Swedish HTML): the recording's player beside its whole transcript, with schema.org VideoObject JSON-LD and Open Graph tags.",
                    parameters: [
                        idParameter,
                        parameter("t", schema: .object(["type": "string", "pattern": "^[0-9]+(\\.[0-9]+)?$|^[0-9]+(:[0-5]?[0-9]){1,2}(\\.[0-9]+)?$"]), "Start the player at this time (seconds, or m:ss / h:mm:ss) and mark the cue at that second with aria-current."),
                        parameter("q", schema: .object(["type": "string", "maxLength": .integer(Int64(RouteLimits.searchQueryCharacters))]), "Mark this query's matches in the transcript (the analysis of /search); a query the language rejects is named on the page."),
                    ],
                    ok: html("HTML page."),
                    extra: ["400": html("t is not a time (HTML page)."), "404": html("No episode with this id (HTML page)."), "503": html("The index is not available (HTML page).")])),
                JSONMember("/watch.js", operation(summary: "The watch page's script (the page holds no inline script).", parameters: [], ok: .object([
                    "description": "JavaScript.", "content": .object(["text/javascript": .object(["schema": .object(["type": "string"])])]),
                ]))),
                JSONMember("/search.js", operation(summary: "The search page's script (the page holds no inline script).", parameters: [], ok: .object([
                    "description": "JavaScript.", "content": .object(["text/javascript": .object(["schema": .object(["type": "string"])])]),
                ]))),
                JSONMember("/embed.js", operation(summary: "Script that adds the search page to any site: <script src=\".../embed.js\" data-query=\"…\"></script>.", parameters: [], ok: .object([
                    "description": "JavaScript.", "content": .object(["text/javascript": .object(["schema": .object(["type": "string"])])]),
                ]))),
            ].map { $0 }),
            "components": .object(["schemas": OpenAPISchemas.schemas]),
        ])
    }

    static let date: JSONValue = .object(["type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"])
    static let idParameter = parameter("id", location: "path", required: true, schema: .object(["type": "string"]), "Episode id.")

    static func integer(_ range: ClosedRange<Int>, _ defaultValue: Int64) -> JSONValue {
        integer(Int64(range.lowerBound), Int64(range.upperBound), defaultValue)
    }

    static func integer(_ minimum: Int64, _ maximum: Int64, _ defaultValue: Int64) -> JSONValue {
        .object(["type": "integer", "minimum": .integer(minimum), "maximum": .integer(maximum), "default": .integer(defaultValue)])
    }

    static func parameter(_ name: String, location: String = "query", required: Bool = false, schema: JSONValue, _ description: String) -> JSONValue {
        .object(["name": .string(name), "in": .string(location), "required": .bool(required), "description": .string(description), "schema": schema])
    }

    static func ref(_ name: String) -> JSONValue {
        .object(["$ref": .string("#/components/schemas/\(name)")])
    }

    static let cacheHeaders: JSONValue = .object([
        "ETag": .object(["description": "W/\"g<generation>-<hash>\"", "schema": .object(["type": "string"])]),
        "Cache-Control": .object(["schema": .object(["type": "string"])]),
    ])

    static func json(_ schema: String, cacheable: Bool = true) -> JSONValue {
        var members: [JSONMember] = [JSONMember("description", .string("OK."))]
        if cacheable { members.append(JSONMember("headers", cacheHeaders)) }
        members.append(JSONMember("content", .object(["application/json": .object(["schema": ref(schema)])])))
        return .object(members)
    }

    static func html(_ description: String) -> JSONValue {
        .object(["description": .string(description), "content": .object(["text/html": .object(["schema": .object(["type": "string"])])])])
    }

    static func error(_ description: String) -> JSONValue {
        .object(["description": .string(description), "content": .object(["application/json": .object(["schema": ref("Error")])])])
    }

    static func operation(summary: String, parameters: [JSONValue], ok: JSONValue, cacheable: Bool = true, extra: KeyValuePairs<String, JSONValue> = [:]) -> JSONValue {
        var responses: [JSONMember] = [JSONMember("200", ok)]
        if cacheable { responses.append(JSONMember("304", .object(["description": "Not modified: If-None-Match matched the ETag."]))) }
        for (status, response) in extra { responses.append(JSONMember(status, response)) }
        responses.append(JSONMember("503", error("The index is not available.")))
        responses.append(JSONMember("default", error("Any other error (400 malformed request, 405 method, 408, 413, 414, 431, 500, 501, 505), as JSON.")))
        var unique: [JSONMember] = []
        for member in responses where !unique.contains(where: { $0.key == member.key }) { unique.append(member) }
        let get: JSONValue = .object([
            "summary": .string(summary),
            "parameters": .array(parameters),
            "responses": .object(unique),
        ])
        let pathParameters = parameters.filter { $0["in"]?.stringValue == "path" }
        return .object(["get": get, "head": get, "options": .object([
            "summary": "CORS preflight.",
            "parameters": .array(pathParameters),
            "responses": .object(["204": .object(["description": "Allowed methods in Allow and Access-Control-Allow-Methods."])]),
        ])])
    }
}
