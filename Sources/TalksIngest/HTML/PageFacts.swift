import TalksModel

/// A schema.org Event object found in a page's JSON-LD.
struct EventData {
    var value: JSONValue

    func string(_ key: String) -> String? {
        value[key]?.stringValue
    }
}

/// What an event page offers, gathered once: JSON-LD event, meta tags, main content,
/// first heading, first `<time datetime>` and a listed speaker section.
struct PageFacts {
    var event: EventData?
    var eventLine: Int?
    var meta: [String: String] = [:]
    var metaLines: [String: Int] = [:]
    var main: MarkupNode?
    var heading: MarkupNode?
    var timeElement: MarkupNode?
    var documentTitle: String?
    var listedSpeakers: [Speaker] = []
    var openGraphTitle: String?

    static let speakerHeadings = ["medverkande", "medverkar", "talare", "föreläsare", "föreläsning av", "panel", "speakers", "speaker", "moderator"]

    /// Gathers the facts; throws when the page gives more text than its `TextBudget` allows.
    init(document: MarkupDocument, root: MarkupNode, file: String, diagnostics: inout [Diagnostic]) throws(TextLimitExceeded) {
        for script in document.select("//script[@type]") {
            let type = (try script.attribute("type") ?? "").trimmingWhitespace.lowercased()
            guard type == "application/ld+json" else { continue }
            let text = try script.text()
            do {
                let value = try JSONParser.parse(text, limits: JSONParser.Limits(maximumDepth: 32, maximumBytes: 1 << 20))
                if event == nil, let found = Self.findEvent(in: value, depth: 0) {
                    event = EventData(value: found)
                    eventLine = script.line
                }
            } catch {
                let line = script.line.map { $0 + error.line - 1 }
                diagnostics.append(Diagnostic(.warning, file: file, line: line, "JSON-LD block ignored: \(error.message)"))
            }
        }
        for element in document.select("//meta") {
            var name = try element.attribute("property")
            if name == nil { name = try element.attribute("name") }
            guard let key = name?.lowercased(), let content = try element.attribute("content"), meta[key] == nil
            else { continue }
            meta[key] = PageText.collapse(content)
            metaLines[key] = element.line
        }
        main = try Self.firstContent(document, ["//main", "//*[@role='main']", "//article"]) ?? document.select("//body").first
        let scope = main
        heading = try Self.firstContent(document, [".//h1", "//h1"], from: scope)
        timeElement = try Self.firstContent(document, [".//time[@datetime]", "//time[@datetime]"], from: scope)
        documentTitle = try document.select("//title").first.map { title throws(TextLimitExceeded) in PageText.collapse(try title.text()) }
        if let title = meta["og:title"] {
            openGraphTitle = Self.withoutSiteSuffix(title, siteName: meta["og:site_name"])
        }
        listedSpeakers = try Self.speakerList(document: document, scope: scope)
    }

    /// The first node that is not inside navigation, a banner or a footer.
    static func firstContent(_ nodes: [MarkupNode]) throws(TextLimitExceeded) -> MarkupNode? {
        for node in nodes where try !isInsideFurniture(node) { return node }
        return nil
    }

    /// The first content node the first expression that finds one selects (from `scope`).
    static func firstContent(_ document: MarkupDocument, _ expressions: [String], from scope: MarkupNode? = nil) throws(TextLimitExceeded) -> MarkupNode? {
        for expression in expressions {
            if let found = try firstContent(document.select(expression, from: scope)) { return found }
        }
        return nil
    }

    static func isInsideFurniture(_ node: MarkupNode) throws(TextLimitExceeded) -> Bool {
        var current: MarkupNode? = node
        var steps = 0
        while let element = current, steps < 256 {
            if element.isElement, try PageText.isFurniture(element) { return true }
            current = element.parent
            steps += 1
        }
        return false
    }

    /// "Om Vreta Kluster | Landsbygdsnätverket" → "Om Vreta Kluster" when the site is named.
    static func withoutSiteSuffix(_ title: String, siteName: String?) -> String {
        guard let siteName = siteName?.trimmingWhitespace, !siteName.isEmpty else { return title }
        for separator in [" | ", " – ", " - ", " — "] {
            let suffix = separator + siteName
            if title.hasSuffix(suffix) { return String(title.dropLast(suffix.count)).trimmingWhitespace }
        }
        return title
    }

    /// Depth-first search for an object whose `@type` names an Event (Event, EducationEvent,
    /// BusinessEvent, …), through arrays and `@graph`.
    static func findEvent(in value: JSONValue, depth: Int) -> JSONValue? {
        guard depth < 16 else { return nil }
        switch value {
        case .array(let values):
            for element in values {
                if let found = findEvent(in: element, depth: depth + 1) { return found }
            }
            return nil
        case .object:
            let types: [String]
            switch value["@type"] {
            case .string(let type)?: types = [type]
            case .array(let values)?: types = values.compactMap(\.stringValue)
            default: types = []
            }
            if types.contains(where: { $0.hasSuffix("Event") }) { return value }
            if let graph = value["@graph"] { return findEvent(in: graph, depth: depth + 1) }
            return nil
        default:
            return nil
        }
    }

    /// Speakers from a list under a heading like "Medverkande": each item is "Name, Organisation",
    /// "Name – Organisation", or a bold name followed by the organisation.
    static func speakerList(document: MarkupDocument, scope: MarkupNode?) throws(TextLimitExceeded) -> [Speaker] {
        for heading in document.select(".//h2 | .//h3 | .//h4 | .//strong[not(ancestor::li)]", from: scope) where try !isInsideFurniture(heading) {
            let label = try PageText.inlineText(of: heading).lowercased()
            guard speakerHeadings.contains(where: { label.hasPrefix($0) }) else { continue }
            // A bold label ("<p><strong>Talare:</strong></p>") introduces the list after its paragraph.
            let anchor = (heading.name == "strong" ? heading.parent : nil) ?? heading
            let items = document.select("following-sibling::*[1]//li | following-sibling::*[1][self::li]", from: anchor)
            var speakers: [Speaker] = []
            for item in items {
                if let speaker = try speaker(from: item, document: document) { speakers.append(speaker) }
            }
            if !speakers.isEmpty { return speakers }
        }
        return []
    }

    static func speaker(from item: MarkupNode, document: MarkupDocument) throws(TextLimitExceeded) -> Speaker? {
        let whole = try PageText.inlineText(of: item)
        if let bold = document.select(".//strong | .//b", from: item).first {
            let name = try PageText.inlineText(of: bold).trimmingEdges(of: ",–-—: ")
            guard !name.isEmpty else { return nil }
            var rest = whole
            if let range = rest.range(of: name) { rest.removeSubrange(..<range.upperBound) }
            let organisation = rest.trimmingEdges(of: ",–-—: ")
            return Speaker(name: name, organisation: organisation.isEmpty ? nil : organisation)
        }
        for separator in [", ", " – ", " — ", " - "] {
            if let range = whole.range(of: separator) {
                let name = String(whole[..<range.lowerBound]).trimmingWhitespace
                let organisation = String(whole[range.upperBound...]).trimmingWhitespace
                guard !name.isEmpty else { return nil }
                return Speaker(name: name, organisation: organisation.isEmpty ? nil : organisation)
            }
        }
        return whole.isEmpty ? nil : Speaker(name: whole)
    }
}
