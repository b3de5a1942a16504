import TalksModel
import TalksSearch

/// The parts of the search page that depend on the search: the facet selects, the status
/// line, the active filters, the episodes with their hits, and the page links. `search.js`
/// swaps exactly these in when it loads another state (`#filters`, `#status`, `#outcome`).
enum SearchPageResults {
    static let facetNames: [(parameter: String, label: String, all: String)] = [
        ("series", "Serie", "Alla serier"), ("speaker", "Talare", "Alla talare"), ("year", "År", "Alla år"),
    ]

    /// One select per facet with each value's count, inside the GET form; a locked filter
    /// (set by the embedding site) is a hidden field instead. Without JavaScript the
    /// "Filtrera" button applies them; with it they apply on change.
    static func filters(_ state: SearchPageState, _ outcome: SearchPage.Outcome) -> String {
        guard case .results(let response) = outcome, let facets = response.facets else {
            return "<div id=\"filters\"></div>\n"
        }
        var html = "<div id=\"filters\">\n"
        var selects = ""
        for (parameter, label, all) in facetNames {
            let selected = value(of: parameter, in: state)
            if state.locked.contains(parameter), let selected {
                html += "<input type=\"hidden\" name=\"\(parameter)\" value=\"\(HTMLText.escaped(selected))\">\n"
                continue
            }
            var counts = parameter == "series" ? facets.series : parameter == "speaker" ? facets.speakers : facets.years
            if let selected, !counts.contains(where: { $0.value == selected }) { counts.insert(FacetCount(value: selected, count: 0), at: 0) }
            guard !counts.isEmpty else { continue }
            selects += "<div class=\"filter\"><label for=\"filter-\(parameter)\">\(label)</label>\n"
            selects += "<select id=\"filter-\(parameter)\" name=\"\(parameter)\">\n<option value=\"\">\(all)</option>\n"
            for count in counts {
                let escaped = HTMLText.escaped(count.value)
                selects += "<option value=\"\(escaped)\"\(count.value == selected ? " selected" : "")>\(escaped) (\(count.count))</option>\n"
            }
            selects += "</select></div>\n"
        }
        if !selects.isEmpty {
            html += "<fieldset class=\"filters\"><legend>Filtrera</legend>\n" + selects
            html += "<button type=\"submit\" class=\"apply\">Filtrera</button>\n</fieldset>\n"
        }
        return html + "</div>\n"
    }

    static func value(of filter: String, in state: SearchPageState) -> String? {
        switch filter {
        case "series": return state.series
        case "speaker": return state.speaker
        default: return state.year
        }
    }

    /// "12 avsnitt", "Inga träffar för ”…”. Menade du: …?", or the problem.
    static func status(_ state: SearchPageState, _ outcome: SearchPage.Outcome) -> String {
        switch outcome {
        case .empty: return ""
        case .problem(let message): return HTMLText.escaped(message)
        case .results(let response):
            if response.totalEpisodes == 0 {
                var text = state.query.trimmingBlanks().isEmpty ? "Inga avsnitt med de valda filtren."
                    : "Inga träffar för ”\(HTMLText.escaped(state.query))”."
                if !response.suggestions.isEmpty {
                    let links = response.suggestions.map { "<a href=\"\(HTMLText.escaped(state.searching($0).link))\">\(HTMLText.escaped($0))</a>" }
                    text += " Menade du: " + links.joined(separator: ", ") + "?"
                }
                return text
            }
            return response.totalEpisodes == 1 ? "1 avsnitt" : "\(response.totalEpisodes) avsnitt"
        }
    }

    static func outcome(_ state: SearchPageState, _ outcome: SearchPage.Outcome) -> String {
        var html = chips(state)
        guard case .results(let response) = outcome else { return html + "<ol id=\"results\" tabindex=\"-1\"></ol>\n" }
        html += "<ol id=\"results\" tabindex=\"-1\" aria-label=\"Sökresultat\">\n"
        for result in response.results { html += episode(result, state: state) }
        html += "</ol>\n"
        return html + pages(state, total: response.totalEpisodes)
    }

    /// The active filters, each with a link that removes it (not the locked ones).
    static func chips(_ state: SearchPageState) -> String {
        var items = ""
        for (parameter, label, _) in facetNames {
            guard let selected = value(of: parameter, in: state) else { continue }
            items += "<li>\(label): \(HTMLText.escaped(selected))"
            if !state.locked.contains(parameter) {
                items += "<a href=\"\(HTMLText.escaped(state.without(parameter).link))\" aria-label=\"Ta bort filtret \(label.lowercased()) \(HTMLText.escaped(selected))\">×</a>"
            }
            items += "</li>\n"
        }
        return items.isEmpty ? "" : "<ul class=\"chips\" aria-label=\"Valda filter\">\n\(items)</ul>\n"
    }

    static func episode(_ result: EpisodeResult, state: SearchPageState) -> String {
        let episode = result.episode
        let target = state.embedded ? " target=\"_blank\" rel=\"noopener\"" : ""
        let queryPart = state.query.trimmingBlanks().isEmpty ? "" : "q=" + HTMLText.percentEncoded(state.query)
        let watch = "watch/" + HTMLText.percentEncoded(episode.id)
        var html = "<li class=\"episode\">\n<h2><a href=\"\(HTMLText.escaped(watch + (queryPart.isEmpty ? "" : "?" + queryPart)))\"\(target)>\(HTMLText.escaped(episode.title))</a></h2>\n"
        var meta: [String] = []
        if let series = episode.series { meta.append(HTMLText.escaped(series) + (episode.number.map { " #\($0)" } ?? "")) }
        if let date = episode.date.flatMap(PageFormat.swedishDate) { meta.append(date) }
        if !episode.speakers.isEmpty { meta.append(HTMLText.escaped(episode.speakers.map(\.name).joined(separator: ", "))) }
        html += "<p class=\"meta\">\(meta.joined(separator: " · "))</p>\n"
        if !result.hits.isEmpty {
            html += "<ul class=\"hits\">\n"
            for hit in result.hits {
                let second = PageFormat.wholeSeconds(hit.start)
                let time = PageFormat.clock(hit.start)
                let link = watch + "?t=\(second)" + (queryPart.isEmpty ? "" : "&" + queryPart)
                html += "<li><a class=\"time\" href=\"\(HTMLText.escaped(link))\"\(target) aria-label=\"Titta från \(time)\">\(time)</a>"
                html += "<span class=\"text\">"
                if let chapter = hit.chapter { html += "<span class=\"chapter\">\(HTMLText.escaped(chapter))</span>" }
                if let speaker = hit.speaker { html += "<span class=\"speaker\">\(HTMLText.escaped(speaker)): </span>" }
                html += hit.snippetHTML + "</span>"
                if let url = hit.url {
                    html += "<a class=\"original\" href=\"\(HTMLText.escaped(url.text))\" target=\"_blank\" rel=\"noopener\" aria-label=\"Originalinspelningen från \(time) (ny flik)\">Original ↗</a>"
                }
                html += "</li>\n"
            }
            html += "</ul>\n"
        }
        return html + "</li>\n"
    }

    /// Previous, a window of page numbers, next; nothing for a single page.
    static func pages(_ state: SearchPageState, total: Int) -> String {
        let count = (total + SearchPageState.pageSize - 1) / SearchPageState.pageSize
        guard count > 1 else { return "" }
        var html = "<nav class=\"pages\" aria-label=\"Sidor\">\n"
        if state.page > 1 {
            html += "<a rel=\"prev\" href=\"\(HTMLText.escaped(state.onPage(state.page - 1).link))\">‹ Föregående</a>\n"
        }
        let first = max(1, min(state.page - 3, count - 6))
        for number in first...min(count, first + 6) {
            if number == state.page {
                html += "<span aria-current=\"page\">\(number)</span>\n"
            } else {
                html += "<a href=\"\(HTMLText.escaped(state.onPage(number).link))\" aria-label=\"Sida \(number)\">\(number)</a>\n"
            }
        }
        if state.page < count {
            html += "<a rel=\"next\" href=\"\(HTMLText.escaped(state.onPage(state.page + 1).link))\">Nästa ›</a>\n"
        }
        return html + "</nav>\n"
    }
}
