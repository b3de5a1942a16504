import Foundation
import TalksModel

/// Reads `episode.html`, the event page an organiser already published, into an `Episode`.
///
/// Sources, best first, because structured data states intent and page text only suggests it:
/// - title: schema.org Event `name` (JSON-LD), `og:title` (minus a " | site" suffix), the
///   first `<h1>` of the main content, `<title>`;
/// - date: the Event's `startDate`, a `<time datetime>` in the main content, then
///   `article:published_time` with a warning (it is when the page was published, not when
///   the event happened);
/// - speakers: the Event's `performer` (with `affiliation`/`worksFor` as organisation), the
///   organizer when it is a person, else a list under a "Medverkande"/"Talare"/"Speakers" heading;
/// - description: the Event's `description`, `og:description`, `<meta name=description>`,
///   then the main text (`<main>`, `<article>`, `role=main`) without navigation, cookie
///   banner, header and footer;
/// - recording: `og:video:url`, `og:video`, the Event's `recordedIn.contentUrl`; page: the
///   Event's `url`, `og:url`. Only http(s) links (`WebLink`) count: any other candidate is
///   dropped with a warning naming its line, and the next one is tried.
/// Times without a UTC offset are read as Swedish time (Europe/Stockholm) with a warning.
/// A page without any title is an error; a date that is present but unreadable is an error
/// naming the line of the element that holds it. A page that yields more text than
/// `IngestLimits.maximumFieldTextBytes` in one field or `maximumDocumentTextBytes` in all is
/// an error naming the field's line; reading stops there.
public enum EpisodePageReader {
    public static func read(_ bytes: [UInt8], file: String, defaultID: String) -> EpisodeMetadata {
        var diagnostics: [Diagnostic] = []
        guard let document = MarkupDocument.html(bytes), let root = document.root else {
            return EpisodeMetadata(episode: nil, diagnostics: [Diagnostic(.error, file: file, line: 1, "not readable as HTML")])
        }
        do {
            return try read(document: document, root: root, file: file, defaultID: defaultID, diagnostics: &diagnostics)
        } catch {
            diagnostics.append(Diagnostic(.error, file: file, line: error.line, error.message))
            return EpisodeMetadata(episode: nil, diagnostics: diagnostics)
        }
    }

    private static func read(
        document: MarkupDocument, root: MarkupNode, file: String, defaultID: String, diagnostics: inout [Diagnostic]
    ) throws(TextLimitExceeded) -> EpisodeMetadata {
        let page = try PageFacts(document: document, root: root, file: file, diagnostics: &diagnostics)

        let id = defaultID
        if let problem = EpisodeID.problem(with: id) {
            diagnostics.append(Diagnostic(.error, file: file, "the folder name \(Excerpt.quoted(id, quote: "'")) used as id \(problem)"))
        }

        let event = page.event
        let title = firstNonEmpty(
            event?.string("name"), page.openGraphTitle, try page.heading.map(PageText.inlineText), page.documentTitle)
        if title == nil {
            diagnostics.append(Diagnostic(.error, file: file, line: 1,
                "no title found: looked for a schema.org Event name, og:title, <h1> and <title>"))
        }

        var dateText: String?
        var timestamp: Int64?
        let candidates: [(text: String?, line: Int?, what: String, warning: String?)] = [
            (event?.string("startDate"), page.eventLine, "the Event's startDate", nil),
            (try page.timeElement?.attribute("datetime"), page.timeElement?.line, "<time datetime>", nil),
            (page.meta["article:published_time"], page.metaLines["article:published_time"], "article:published_time",
             "the date comes from article:published_time, when the page was published; add a schema.org Event startDate or a <time datetime> for the event's date"),
        ]
        if let candidate = candidates.first(where: { !($0.text?.trimmingWhitespace.isEmpty ?? true) }), let text = candidate.text {
            switch PageDate.resolve(text.trimmingWhitespace) {
            case .success(let resolved):
                dateText = resolved.text
                timestamp = resolved.timestamp
                if resolved.assumedSwedishTime {
                    diagnostics.append(Diagnostic(.warning, file: file, line: candidate.line,
                        "\(candidate.what) \(Excerpt.quoted(text, quote: "'")) has no UTC offset; taken as Swedish time (\(resolved.text))"))
                }
                if let warning = candidate.warning {
                    diagnostics.append(Diagnostic(.warning, file: file, line: candidate.line, warning))
                }
            case .failure(let problem):
                diagnostics.append(Diagnostic(.error, file: file, line: candidate.line, "date in \(candidate.what): \(Excerpt.quoted(text, quote: "'")) \(problem.reason)"))
            }
        }

        var speakers = event.map(eventSpeakers) ?? []
        if speakers.isEmpty { speakers = page.listedSpeakers }

        let description = firstNonEmpty(
            event?.string("description").map(PageText.collapse), page.meta["og:description"], page.meta["description"],
            try page.main.map(PageText.text))
        let language = firstNonEmpty(event?.string("inLanguage"), try root.attribute("lang"), try root.attribute("xml:lang")) ?? "sv"
        let series = firstNonEmpty(
            event?.value["superEvent"]?["name"]?.stringValue, event?.value["isPartOf"]?["name"]?.stringValue)
        var tags: [String] = []
        switch event?.value["keywords"] {
        case .string(let text)?: tags = text.split(separator: ",").map { String($0).trimmingWhitespace }.filter { !$0.isEmpty }
        case .array(let values)?: tags = values.compactMap(\.stringValue)
        default: break
        }

        let recording = firstLink([
            (page.meta["og:video:url"], "og:video:url", page.metaLines["og:video:url"]),
            (page.meta["og:video"], "og:video", page.metaLines["og:video"]),
            (event?.value["recordedIn"]?["contentUrl"]?.stringValue, "the Event's recordedIn contentUrl", page.eventLine),
        ], file: file, diagnostics: &diagnostics)
        let pageLink = firstLink([
            (event?.string("url"), "the Event's url", page.eventLine),
            (page.meta["og:url"], "og:url", page.metaLines["og:url"]),
        ], file: file, diagnostics: &diagnostics)

        let hasErrors = diagnostics.contains { $0.severity == .error }
        guard !hasErrors, let title else {
            return EpisodeMetadata(episode: nil, diagnostics: diagnostics)
        }
        let episode = Episode(
            id: id, series: series, title: title, date: dateText, timestamp: timestamp,
            language: language, speakers: speakers, description: description,
            recording: recording, page: pageLink, tags: tags)
        return EpisodeMetadata(episode: episode, diagnostics: diagnostics)
    }

    /// The first candidate that is an http(s) link, best source first; each candidate before
    /// it that is not one is dropped with a warning naming where it was.
    static func firstLink(_ candidates: [(text: String?, field: String, line: Int?)], file: String,
                          diagnostics: inout [Diagnostic]) -> WebLink? {
        for candidate in candidates {
            if let link = LinkDiagnostic.link(candidate.text, field: candidate.field, file: file, line: candidate.line,
                                              diagnostics: &diagnostics) {
                return link
            }
        }
        return nil
    }

    /// Performers first; the organizer only when it is a person (an organising body is not a speaker).
    static func eventSpeakers(_ event: EventData) -> [Speaker] {
        var speakers = people(event.value["performer"], acceptOrganisations: false)
        if speakers.isEmpty {
            speakers = people(event.value["organizer"], acceptOrganisations: false)
        }
        return speakers
    }

    static func people(_ value: JSONValue?, acceptOrganisations: Bool) -> [Speaker] {
        switch value {
        case .array(let values)?:
            return values.flatMap { people($0, acceptOrganisations: acceptOrganisations) }
        case .string(let name)? where !name.trimmingWhitespace.isEmpty:
            return [Speaker(name: name.trimmingWhitespace)]
        case .object?:
            guard let value else { return [] }
            let type = value["@type"]?.stringValue ?? "Person"
            guard type == "Person" || acceptOrganisations, let name = value["name"]?.stringValue?.trimmingWhitespace, !name.isEmpty else {
                return []
            }
            let organisation = firstNonEmpty(
                value["affiliation"]?["name"]?.stringValue, value["affiliation"]?.stringValue,
                value["worksFor"]?["name"]?.stringValue, value["worksFor"]?.stringValue)
            return [Speaker(name: name, organisation: organisation)]
        default:
            return []
        }
    }
}

/// The first argument that is present and not blank, trimmed.
func firstNonEmpty(_ candidates: String?...) -> String? {
    for candidate in candidates {
        if let text = candidate?.trimmingWhitespace, !text.isEmpty { return text }
    }
    return nil
}
