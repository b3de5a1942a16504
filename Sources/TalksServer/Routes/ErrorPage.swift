/// The HTML pages' error page: a short Swedish page with a title, what happened and a link
/// back to the search, in the site's look (`SiteStyle`), for a person who opened a watch
/// link that failed. (The search page shows its problems in its own status line.)
enum ErrorPage {
    /// The page with `status`, not cached, under `PagePolicy.errorPage`.
    static func response(_ status: HTTPStatus, title: String, message: String) -> HTTPResponse {
        let html = """
        <!doctype html>
        <html lang="sv">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTMLText.escaped(title))</title>
        <style>
        \(SiteStyle.css)main { margin: 0 auto; padding: 2rem 1.25rem; max-width: 40rem; }
        </style>
        </head>
        <body>
        <main>
        <p class="site"><a href="../">← Sök i inspelningarna</a></p>
        <h1>\(HTMLText.escaped(title))</h1>
        <p class="problem">\(HTMLText.escaped(message))</p>
        </main>
        </body>
        </html>

        """
        return HTMLPage.response(Array(html.utf8), status: status, policy: PagePolicy.errorPage)
    }
}
