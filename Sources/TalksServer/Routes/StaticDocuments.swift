import TalksModel

/// The responses that do not depend on the index: the search page, `embed.js` and the
/// OpenAPI document. Built once; their ETag is a hash of the bytes.
enum StaticDocuments {
    static let page = make(
        SearchPage.html, contentType: "text/html; charset=utf-8",
        extra: [("Content-Security-Policy", "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'")])
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
