import TalksModel
import TalksSearch

/// The HTTP API of talks: maps requests to index reads and static documents, and adds
/// what every response needs (CORS, ETag/304, Cache-Control, JSON errors).
///
/// Read-only by design: only GET, HEAD and OPTIONS exist; anything else is 405 with
/// `Allow`. Every error is JSON `{"error":{"status","message"}}`.
public struct TalksRoutes: HTTPHandler {
    public let backend: any SearchBackend
    /// `Access-Control-Allow-Origin`: `*` or one origin like `https://landsbygd.se`.
    public let corsOrigin: String

    static let allowedMethods = "GET, HEAD, OPTIONS"
    /// The most cues a watch page shows (`RouteLimits.watchPageCues`; tests lower it).
    var watchPageCues = RouteLimits.watchPageCues

    public init(backend: any SearchBackend, corsOrigin: String = "*") {
        self.backend = backend
        self.corsOrigin = corsOrigin
    }

    /// The endpoints, by path shape.
    enum Route {
        case page, searchScript, embedScript, watchScript, openAPI, health, search, suggest, episodes
        case episode(String)
        case watch(String)
        case transcript(String)

        init?(_ segments: [String]) {
            switch segments.count {
            case 0: self = .page
            case 1:
                switch segments[0] {
                case "search.js": self = .searchScript
                case "embed.js": self = .embedScript
                case "watch.js": self = .watchScript
                case "openapi.json": self = .openAPI
                case "health": self = .health
                case "search": self = .search
                case "suggest": self = .suggest
                case "episodes": self = .episodes
                default: return nil
                }
            case 2 where segments[0] == "episodes": self = .episode(segments[1])
            case 2 where segments[0] == "watch": self = .watch(segments[1])
            case 3 where segments[0] == "episodes" && segments[2] == "transcript": self = .transcript(segments[1])
            default: return nil
            }
        }
    }

    public func respond(to request: HTTPRequest) -> HTTPResponse {
        var response = route(request)
        decorate(&response, for: request)
        return response
    }

    public func errorResponse(status: HTTPStatus, message: String) -> HTTPResponse {
        var response = Self.json(WireFormat.error(status: status, message: message), status: status)
        response.headers.set("Cache-Control", "no-store")
        response.headers.set("Access-Control-Allow-Origin", corsOrigin)
        return response
    }

    private func route(_ request: HTTPRequest) -> HTTPResponse {
        guard request.path != "*" else {
            return request.method == "OPTIONS" ? preflight(request) : errorResponse(status: .badRequest, message: "'*' is only valid with OPTIONS")
        }
        guard let route = Route(request.pathSegments) else {
            return errorResponse(status: .notFound, message: "no such path '\(request.path.prefix(200))'; see /openapi.json for the endpoints")
        }
        switch request.method {
        case "GET", "HEAD":
            break
        case "OPTIONS":
            return preflight(request)
        default:
            var response = errorResponse(status: .methodNotAllowed, message: "'\(request.method.prefix(40))' is not allowed; talks serves GET, HEAD and OPTIONS")
            response.headers.set("Allow", Self.allowedMethods)
            return response
        }
        do {
            switch route {
            case .page: return searchPage(request)
            case .searchScript: return StaticDocuments.searchScript
            case .embedScript: return StaticDocuments.embedScript
            case .watchScript: return StaticDocuments.watchScript
            case .openAPI: return StaticDocuments.openAPI
            case .health: return health()
            case .search: return try search(request)
            case .suggest: return try suggest(request)
            case .episodes: return try episodes(request)
            case .episode(let id): return try episode(id)
            case .watch(let id): return watch(id, request: request)
            case .transcript(let id): return try transcript(id, request: request)
            }
        } catch let error as RouteError {
            return errorResponse(status: error.status, message: error.description)
        } catch let error as BackendError {
            switch error {
            case .badQuery: return errorResponse(status: .badRequest, message: error.description)
            case .unavailable: return errorResponse(status: .serviceUnavailable, message: error.description)
            }
        } catch {
            return errorResponse(status: .internalServerError, message: "\(error)")
        }
    }

    private func preflight(_ request: HTTPRequest) -> HTTPResponse {
        var response = HTTPResponse(status: .noContent)
        response.headers.set("Allow", Self.allowedMethods)
        response.headers.set("Access-Control-Allow-Methods", Self.allowedMethods)
        response.headers.set("Access-Control-Allow-Headers", "Accept, Content-Type, If-None-Match")
        response.headers.set("Access-Control-Max-Age", "86400")
        return response
    }

    /// CORS, nosniff, and conditional GET: a matching `If-None-Match` turns a 200 into a
    /// 304 that carries the same validators and no body.
    private func decorate(_ response: inout HTTPResponse, for request: HTTPRequest) {
        response.headers.set("Access-Control-Allow-Origin", corsOrigin)
        if corsOrigin != "*" { response.headers.set("Vary", response.headers["Vary"].map { $0 + ", Origin" } ?? "Origin") }
        response.headers.set("Access-Control-Expose-Headers", "ETag")
        response.headers.set("X-Content-Type-Options", "nosniff")
        guard response.status == .ok, let tag = response.headers["ETag"],
            let condition = request.headers["If-None-Match"]
        else { return }
        let candidates = condition.split(separator: ",").map { $0.trimmingSpaces() }
        if candidates.contains("*") || candidates.contains(where: { Self.weakTag($0) == Self.weakTag(tag) }) {
            response.status = .notModified
            response.body = []
            response.bodyStream = nil
        }
    }

    /// The opaque part of an entity tag, for weak comparison (RFC 9110 §8.8.3.2).
    static func weakTag(_ tag: String) -> String {
        tag.hasPrefix("W/") ? String(tag.dropFirst(2)) : tag
    }

    static func json(_ value: JSONValue, status: HTTPStatus = .ok) -> HTTPResponse {
        HTTPResponse(status: status, contentType: "application/json; charset=utf-8", body: JSONWriter().string(value))
    }
}
