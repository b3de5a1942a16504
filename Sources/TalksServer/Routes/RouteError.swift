import TalksModel

/// A request the routes refuse, with the status it gets. The message goes into the JSON
/// error body, so it names the parameter and what was wrong with it.
enum RouteError: TalksError, Hashable {
    /// A query parameter is missing or out of range → 400.
    case badParameter(String)
    /// No such path or episode → 404.
    case notFound(String)

    var status: HTTPStatus {
        switch self {
        case .badParameter: return .badRequest
        case .notFound: return .notFound
        }
    }

    var description: String {
        switch self {
        case .badParameter(let message), .notFound(let message): return message
        }
    }
}
