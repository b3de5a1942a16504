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

    init(document: MarkupDocument, root: MarkupNode, file: String, diagnostics: inout [Diagnostic]) {
        for script in document.select("//script[@type]") {
            let type = (script.attribute("type") ?? "").trimmingWhitespace.lowercased()
            guard type == "application/ld+json" else { continue }
            let text = script.textContent
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
            guard let key = (element.attribute("property") ?? element.attribute("name"))?.lowercased(),
                let content = element.attribute("content"), meta[key] == nil
            else { continue }
            meta[key] = PageText.collapse(content)
            metaLines[key] = element.line
        }
        main = Self.firstContent(document.select("//main")) ?? Self.firstContent(document.select("//*[@role='main']"))
            ?? Self.firstContent(document.select("//article")) ?? document.select("//body").first
        let scope = main
        heading = Self.firstContent(document.select(".//h1", from: scope)) ?? Self.firstContent(document.select("//h1"))
        timeElement = Self.firstContent(document.select(".//time[@datetime]", from: scope))
            ?? Self.firstContent(document.select("//time[@datetime]"))
        documentTitle = document.select("//title").first.map { PageText.collapse($0.textContent) }
        if let title = meta["og:title"] {
            openGraphTitle = Self.withoutSiteSuffix(title, siteName: meta["og:site_name"])
        }
        listedSpeakers = Self.speakerList(document: document, scope: scope)
    }

    /// The first node that is not inside navigation, a banner or a footer.
    static func firstContent(_ nodes: [MarkupNode]) -> MarkupNode? {
        nodes.first { !isInsideFurniture($0) }
    }

    static func isInsideFurniture(_ node: MarkupNode) -> Bool {
        var current: MarkupNode? = node
        var steps = 0
        while let element = current, steps < 256 {
            if element.isElement, PageText.isFurniture(element) { return true }
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
    static func speakerList(document: MarkupDocument, scope: MarkupNode?) -> [Speaker] {
        for heading in document.select(".//h2 | .//h3 | .//h4 | .//strong[not(ancestor::li)]", from: scope) where !isInsideFurniture(heading) {
            let label = PageText.inlineText(of: heading).lowercased()
            guard speakerHeadings.contains(where: { label.hasPrefix($0) }) else { continue }
            // A bold label ("<p><strong>Talare:</strong></p>") introduces the list after its paragraph.
            let anchor = (heading.name == "strong" ? heading.parent : nil) ?? heading
            let items = document.select("following-sibling::*[1]//li | following-sibling::*[1][self::li]", from: anchor)
            var speakers: [Speaker] = []
            for item in items {
                if let speaker = speaker(from: item, document: document) { speakers.append(speaker) }
            }
            if !speakers.isEmpty { return speakers }
        }
        return []
    }

    static func speaker(from item: MarkupNode, document: MarkupDocument) -> Speaker? {
        let whole = PageText.inlineText(of: item)
        if let bold = document.select(".//strong | .//b", from: item).first {
            let name = PageText.inlineText(of: bold).trimmingEdges(of: ",–-—: ")
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
