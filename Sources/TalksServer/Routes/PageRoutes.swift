import TalksModel
import TalksSearch

/// The search page at `/` (`SearchPage`), rendered per request from one snapshot.
///
/// A page is always HTML, also when something is wrong: a rejected parameter or query is
/// 400 and an unavailable index 503, each with the reason in the page's status line, so a
/// viewer without JavaScript still reads what happened.
extension TalksRoutes {
    func searchPage(_ request: HTTPRequest) -> HTTPResponse {
        let state: SearchPageState
        do {
            state = try SearchPageState(parameters: request.query)
        } catch {
            return page(SearchPage.document(SearchPageState(), .problem("Adressen kunde inte läsas: \(error.swedish)")), status: .badRequest)
        }
        guard state.searches else {
            var response = page(SearchPage.document(state, .empty))
            response.headers.set("ETag", EntityTag.content(response.body))
            response.headers.set("Cache-Control", "public, max-age=300")
            return response
        }
        let snapshot: any IndexSnapshot
        do {
            snapshot = try backend.snapshot()
        } catch {
            return page(SearchPage.document(state, .problem("Sökningen är inte tillgänglig just nu. Försök igen om en stund.")),
                        status: .serviceUnavailable)
        }
        do {
            let response = try snapshot.search(state.request())
            var reply = page(SearchPage.document(state, .results(response)))
            reply.headers.set("ETag", EntityTag.index(generation: snapshot.generation, request: request))
            reply.headers.set("Cache-Control", "public, max-age=60")
            return reply
        } catch let error as BackendError {
            if case .badQuery(let queryError) = error {
                return page(SearchPage.document(state, .problem(SwedishQueryError.sentence(queryError))), status: .badRequest)
            }
            return page(SearchPage.document(state, .problem("Sökningen är inte tillgänglig just nu. Försök igen om en stund.")),
                        status: .serviceUnavailable)
        } catch {
            return page(SearchPage.document(state, .problem("Sökningen misslyckades: \(error)")), status: .internalServerError)
        }
    }

    private func page(_ html: String, status: HTTPStatus = .ok) -> HTTPResponse {
        HTMLPage.response(Array(html.utf8), status: status, policy: PagePolicy.page)
    }
}
