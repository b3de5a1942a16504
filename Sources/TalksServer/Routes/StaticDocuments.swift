import TalksModel

/// The responses that do not depend on the index: the search page's script, `embed.js` and
/// the OpenAPI document. Built once; their ETag is a hash of the bytes. (The page itself is
/// rendered per request, `PageRoutes`, under `PagePolicy.page`.)
enum StaticDocuments {
    static let searchScript = make(SearchScript.javascript, contentType: "text/javascript; charset=utf-8")
    static let watchScript = make(WatchScript.javascript, contentType: "text/javascript; charset=utf-8")
    static let embedScript = make(EmbedScript.javascript, contentType: "text/javascript; charset=utf-8")
    static let openAPI = make(JSONWriter(pretty: true).string(OpenAPIDocument.document) + "\n", contentType: "application/json; charset=utf-8")

    private static func make(_ text: String, contentType: String, extra: [(String, String)] = []) -> HTTPResponse {
        var response = HTTPResponse(status: .ok, contentType: contentType, body: text)
        response.headers.set("ETag", EntityTag.content(response.body))
        response.headers.set("Cache-Control", "public, max-age=300")
        for (name, value) in extra { response.headers.set(name, value) }
        return response
    }
}
