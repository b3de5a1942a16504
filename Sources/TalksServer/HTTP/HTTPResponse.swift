/// A response as the routes build it: status, header fields and the complete body, or a
/// body stream for a body too large to build at once.
///
/// `Content-Length` (or `Transfer-Encoding`), `Date` and `Connection` are added by
/// `HTTPResponseWriter`, which knows whether the request was HEAD and whether the
/// connection stays open.
public struct HTTPResponse: Sendable {
    public var status: HTTPStatus
    public var headers: HTTPHeaders
    public var body: [UInt8]
    /// When set, the body is produced part by part while it is sent (see `HTTPBodyStream`)
    /// and `body` is not used.
    public var bodyStream: (any HTTPBodyStream)?

    public init(status: HTTPStatus, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public init(status: HTTPStatus, contentType: String, body: String) {
        self.status = status
        self.headers = HTTPHeaders([("Content-Type", contentType)])
        self.body = Array(body.utf8)
    }

    /// The body as text (for tests and logs).
    public var bodyText: String { String(decoding: body, as: UTF8.self) }
}
