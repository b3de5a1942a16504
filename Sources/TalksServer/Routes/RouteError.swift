import TalksModel

/// A request the routes refuse, with the status it gets. `description` goes into the JSON
/// error body, so it names the parameter and what was wrong with it; `swedish` is the same
/// for the Swedish pages.
enum RouteError: TalksError, Hashable {
    /// A query parameter is missing or out of range → 400.
    case badParameter(ParameterProblem)
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
        case .badParameter(let problem): return problem.english
        case .notFound(let message): return message
        }
    }

    /// The reason in Swedish, for a page.
    var swedish: String {
        switch self {
        case .badParameter(let problem): return problem.swedish
        case .notFound(let message): return message
        }
    }
}
