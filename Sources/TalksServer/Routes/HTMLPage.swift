/// An HTML page as a response: the content type, the page's policy, and `no-store` for
/// anything but 200 (a failure is not worth caching).
enum HTMLPage {
    static func response(_ bytes: [UInt8], status: HTTPStatus = .ok, policy: String) -> HTTPResponse {
        var response = HTTPResponse(status: status, headers: HTTPHeaders([("Content-Type", "text/html; charset=utf-8")]), body: bytes)
        response.headers.set("Content-Security-Policy", policy)
        if status != .ok { response.headers.set("Cache-Control", "no-store") }
        return response
    }
}
