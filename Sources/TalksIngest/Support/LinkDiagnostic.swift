import TalksModel

/// How every reader of input words the warning for a link that is not a `WebLink`, so
/// `episode.json`, `episode.html` and feeds read alike: what field, a short escaped excerpt
/// of the value, why it is not a link, and that only the link was dropped.
enum LinkDiagnostic {
    /// "field 'recording': "javascript:alert(1)" is a javascript: link; only http:// and …".
    static func dropped(_ field: String, _ text: String, _ problem: WebLink.Problem) -> String {
        "\(field): \(Excerpt.quoted(text)) \(problem); only http:// and https:// links are kept, "
            + "so it was dropped (the episode is indexed without it)"
    }

    /// The link in `text`, or nil with a warning at `file`:`line` when it is not one.
    /// Blank or absent text is simply no link.
    static func link(_ text: String?, field: String, file: String, line: Int?, diagnostics: inout [Diagnostic]) -> WebLink? {
        guard let text, !text.trimmingWhitespace.isEmpty else { return nil }
        switch WebLink.parse(text) {
        case .success(let link):
            return link
        case .failure(let problem):
            diagnostics.append(Diagnostic(.warning, file: file, line: line, dropped(field, text, problem)))
            return nil
        }
    }
}
