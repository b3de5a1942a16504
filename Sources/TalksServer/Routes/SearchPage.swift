#if canImport(Glibc)
import Glibc
#endif
import TalksSearch

/// The search page served at `/`: rendered on the server, Swedish, whole without JavaScript.
///
/// `/?q=…&series=…&speaker=…&year=…&page=…` (`SearchPageState`) is a complete result list:
/// a GET form (the query and a select per facet, each value with its count), the episodes
/// with their timestamped hits, and links to the other pages. A hit's time is the second its
/// first matched word is said (`Hit.start`; the cue's start when the transcript has no word
/// times) and its chapter shows above the snippet. Each hit links to the watch page
/// `watch/{id}?t=SECONDS&q=QUERY`, with the original recording one click away beside it
/// (`Hit.url`: 1–2 s before the word as a lead-in, never before the cue starts). `/search.js` enhances it (`SearchScript`): filters apply on change, pages
/// load without a reload, the address follows, and the suggestions appear as you type. The
/// page holds no inline script, so its Content-Security-Policy (`StaticDocuments`) forbids
/// inline script and with it any `javascript:` link that might reach the page.
///
/// Everything from the index or the request is escaped (`HTMLText`); snippets come escaped
/// and marked from the search engine.
enum SearchPage {
    /// What to show under the form.
    enum Outcome {
        /// No query or filter yet.
        case empty
        case results(SearchResponse)
        /// The query or a parameter was rejected, or the index is not available.
        case problem(String)
    }

    static func document(_ state: SearchPageState, _ outcome: Outcome) -> String {
        var html = """
        <!doctype html>
        <html lang="sv"\(state.theme == "auto" ? "" : " data-theme=\"\(state.theme)\"")>
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title(state, outcome))</title>
        <style>
        \(SiteStyle.css)\(SearchPageStyle.css)</style>
        \(hostStyle(state))</head>
        <body\(state.embedded ? " class=\"embed\"" : "")>
        <a class="skip" href="#results">Till sökresultaten</a>
        <header>
        <h1>Sök i inspelningarna</h1>
        <p>Hitta ögonblicket då något sades – sök på ord i alla transkriberade samtal.</p>
        </header>
        <main id="app">
        <form id="search" role="search" action="" method="get">
        <div class="query">
        <label for="q" class="visually-hidden">Sökord</label>
        <input type="search" id="q" name="q" value="\(HTMLText.escaped(state.query))" list="suggestions" autocomplete="off" placeholder="Sök, t.ex. strategi">
        <datalist id="suggestions"></datalist>
        <button type="submit">Sök</button>
        </div>

        """
        html += SearchPageResults.filters(state, outcome)
        for (name, value) in state.embedding {
            html += "<input type=\"hidden\" name=\"\(name)\" value=\"\(HTMLText.escaped(value))\">\n"
        }
        let statusClass = if case .problem = outcome { " class=\"problem\"" } else { "" }
        html += "</form>\n<p id=\"status\"\(statusClass) role=\"status\" aria-live=\"polite\">\(SearchPageResults.status(state, outcome))</p>\n"
        html += "<div id=\"outcome\">\n" + SearchPageResults.outcome(state, outcome) + "</div>\n"
        html += "</main>\n<script src=\"search.js\"></script>\n</body>\n</html>\n"
        return html
    }

    private static func title(_ state: SearchPageState, _ outcome: Outcome) -> String {
        guard case .results = outcome, !state.query.trimmingBlanks().isEmpty else { return "Sök i inspelningarna" }
        return HTMLText.escaped(state.query.prefix(80)) + " – Sök i inspelningarna"
    }

    /// The embedding site's accent and font, when it gave any (values already checked by
    /// `SearchPageState`), with a text colour on the accent that keeps its contrast.
    private static func hostStyle(_ state: SearchPageState) -> String {
        var declarations: [String] = []
        if let accent = state.accent {
            declarations.append("--host-accent: \(accent); --host-on-accent: \(onAccent(accent))")
        }
        if let dark = state.accentDark {
            declarations.append("--host-accent-dark: \(dark); --host-on-accent-dark: \(onAccent(dark))")
        }
        if let font = state.font { declarations.append("--host-font: \(font)") }
        return declarations.isEmpty ? "" : "<style>:root { \(declarations.joined(separator: "; ")); }</style>\n"
    }

    /// Black or white, whichever contrasts more with the colour `#rgb`/`#rrggbb` (WCAG
    /// relative luminance).
    static func onAccent(_ colour: String) -> String {
        contrast(colour, "#ffffff") >= contrast(colour, "#000000") ? "#ffffff" : "#000000"
    }

    /// The WCAG 2.1 contrast ratio of two colours `#rgb`/`#rrggbb` (1 to 21; AA asks 4.5
    /// for text).
    static func contrast(_ first: String, _ second: String) -> Double {
        let (lighter, darker) = (max(luminance(first), luminance(second)), min(luminance(first), luminance(second)))
        return (lighter + 0.05) / (darker + 0.05)
    }

    /// WCAG relative luminance; 0 for what is not a colour.
    static func luminance(_ colour: String) -> Double {
        var digits = Array(colour.utf8.dropFirst())
        if digits.count == 3 { digits = digits.flatMap { [$0, $0] } }
        func channel(_ index: Int) -> Double {
            guard index + 1 < digits.count, let value = UInt8(String(decoding: digits[index...index + 1], as: UTF8.self), radix: 16) else { return 0 }
            let unit = Double(value) / 255
            return unit <= 0.03928 ? unit / 12.92 : pow((unit + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4)
    }
}
