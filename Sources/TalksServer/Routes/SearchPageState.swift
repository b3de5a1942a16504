import TalksSearch

/// Everything the search page shows, read from its address, and the addresses of the pages
/// one step away (a filter set or removed, another page): the whole state lives in the URL
/// (`?q=&series=&speaker=&year=&page=`), so any result list can be linked, bookmarked and
/// reached with back and forward, with or without JavaScript.
///
/// The embedding parameters that `embed.js` sets ride along in every link: `embed=1` (compact
/// layout), `lock=series,speaker` (filters the embedding site fixed, shown without a way to
/// remove them), `theme=auto|light|dark`, and the host's look: `accent` and `accent_dark` (a
/// `#rgb`/`#rrggbb` colour) and `font` (a font-family list of letters, digits, spaces, commas,
/// hyphens and quotes). A look value of any other form is ignored, never copied into the page.
struct SearchPageState {
    static let pageSize = 10

    var query = ""
    var series: String?
    var speaker: String?
    var year: String?
    var page = 1
    var embedded = false
    var locked: [String] = []
    var theme = "auto"
    var accent: String?
    var accentDark: String?
    var font: String?

    init() {}

    init(parameters: QueryParameters) throws(RouteError) {
        let reader = ParameterReader(query: parameters)
        query = try reader.text("q", maxLength: RouteLimits.searchQueryCharacters) ?? ""
        series = try reader.text("series", maxLength: RouteLimits.filterCharacters).flatMap(Self.nonBlank)
        speaker = try reader.text("speaker", maxLength: RouteLimits.filterCharacters).flatMap(Self.nonBlank)
        year = try reader.year("year")
        page = try reader.integer("page", default: 1, in: RouteLimits.searchPages(limit: Self.pageSize))
        embedded = parameters["embed"] == "1"
        locked = (parameters["lock"] ?? "").split(separator: ",").map(String.init).filter { $0 == "series" || $0 == "speaker" }
        if let theme = parameters["theme"], ["auto", "light", "dark"].contains(theme) { self.theme = theme }
        accent = parameters["accent"].flatMap(Self.colour)
        accentDark = parameters["accent_dark"].flatMap(Self.colour)
        font = parameters["font"].flatMap(Self.fontFamily)
    }

    /// Whether there is anything to search for: a query or a filter (filters alone list
    /// their episodes, newest first).
    var searches: Bool {
        !query.trimmingBlanks().isEmpty || series != nil || speaker != nil || year != nil
    }

    var offset: Int { (page - 1) * Self.pageSize }

    func request() -> SearchRequest {
        SearchRequest(query: query, limit: Self.pageSize, offset: offset, hitsPerEpisode: 3,
                      speaker: speaker, series: series, year: year, countsFacets: true)
    }

    /// The parameters that every link and the form keep as they are: the embedding's.
    var embedding: [(String, String)] {
        var pairs: [(String, String)] = []
        if embedded { pairs.append(("embed", "1")) }
        if !locked.isEmpty { pairs.append(("lock", locked.joined(separator: ","))) }
        if theme != "auto" { pairs.append(("theme", theme)) }
        if let accent { pairs.append(("accent", accent)) }
        if let accentDark { pairs.append(("accent_dark", accentDark)) }
        if let font { pairs.append(("font", font)) }
        return pairs
    }

    /// The page's own address (`?…`, relative, so it works under any path) with this state.
    var link: String {
        var pairs: [(String, String)] = []
        if !query.isEmpty { pairs.append(("q", query)) }
        if let series { pairs.append(("series", series)) }
        if let speaker { pairs.append(("speaker", speaker)) }
        if let year { pairs.append(("year", year)) }
        if page > 1 { pairs.append(("page", String(page))) }
        return "?" + HTMLText.query(pairs + embedding)
    }

    /// This state on another page of results.
    func onPage(_ number: Int) -> SearchPageState {
        var state = self
        state.page = number
        return state
    }

    /// This state with a new query (and the first page).
    func searching(_ text: String) -> SearchPageState {
        var state = self
        state.query = text
        state.page = 1
        return state
    }

    /// This state without one filter (`series`, `speaker` or `year`), from the first page.
    func without(_ filter: String) -> SearchPageState {
        var state = self
        switch filter {
        case "series": state.series = nil
        case "speaker": state.speaker = nil
        default: state.year = nil
        }
        state.page = 1
        return state
    }

    private static func nonBlank(_ text: String) -> String? {
        text.trimmingBlanks().isEmpty ? nil : text
    }

    /// `#rgb` or `#rrggbb`, else nil.
    static func colour(_ text: String) -> String? {
        let digits = text.utf8.dropFirst()
        guard text.hasPrefix("#"), digits.count == 3 || digits.count == 6,
              digits.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x66) }) else { return nil }
        return text
    }

    /// A CSS font-family list that cannot leave its declaration, else nil.
    static func fontFamily(_ text: String) -> String? {
        let trimmed = text.trimmingBlanks()
        guard !trimmed.isEmpty, trimmed.count <= 120,
              trimmed.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || ("0"..."9").contains($0) || " ,-'\"".unicodeScalars.contains($0) })
        else { return nil }
        return trimmed
    }
}
