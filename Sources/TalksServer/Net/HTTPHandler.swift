/// What the server calls to answer requests. `TalksRoutes` is the real one; tests may use
/// others to probe the network shell.
public protocol HTTPHandler: Sendable {
    func respond(to request: HTTPRequest) -> HTTPResponse
    /// The response for a request that could not be parsed or was refused before routing
    /// (400, 408, 413, 414, 431, 501, 503, 505).
    func errorResponse(status: HTTPStatus, message: String) -> HTTPResponse
}
