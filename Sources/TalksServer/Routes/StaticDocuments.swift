import TalksModel

/// The responses that do not depend on the index: the search page's script, `embed.js` and
/// the OpenAPI document. Built once; their ETag is a hash of the bytes. (The page itself is
/// rendered per request, `PageRoutes`, under `pagePolicy`.)
enum StaticDocuments {
    /// The search page's Content-Security-Policy. Scripts come only from this server
    /// (`/search.js`), never inline: without `'unsafe-inline'` a browser runs no inline
    /// script, no event-handler attribute and no `javascript:` link, so even a link that got
    /// past every check could not run script in the page's origin. Styles stay inline (they
    /// cannot run script); nothing else is loaded.
    static let pagePolicy = "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; connect-src 'self'; "
        + "img-src 'self' data:; base-uri 'none'; form-action 'self'"
    static let searchScript = make(SearchScript.javascript, contentType: "text/javascript; charset=utf-8")
    static let watchScript = make(WatchScript.javascript, contentType: "text/javascript; charset=utf-8")
    static let embedScript = make(EmbedScript.javascript, contentType: "text/javascript; charset=utf-8")
    static let openAPI = make(JSONWriter(pretty: true).string(OpenAPIDocument.document) + "\n", contentType: "application/json; charset=utf-8")

    private static func make(_ text: String, contentType: String, extra: [(String, String)] = []) -> HTTPResponse {
        var response = HTTPResponse(status: .ok, contentType: contentType, body: text)
        response.headers.set("ETag", "\"v\(TalksModel.version)-\(String(FNV1a.hash(response.body), radix: 16))\"")
        response.headers.set("Cache-Control", "public, max-age=300")
        for (name, value) in extra { response.headers.set(name, value) }
        return response
    }
}
