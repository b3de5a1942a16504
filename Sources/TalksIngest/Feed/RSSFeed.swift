import TalksModel

/// An RSS 2.0 podcast feed read with libxml2's XML parser and XPath, namespaces included.
///
/// Channel: `title` (the series) and `language`. Items: `title` (or `itunes:title`),
/// `pubDate` (RFC 822, turned into ISO 8601 with the feed's offset), `description` (or
/// `content:encoded`, `itunes:summary`; HTML is parsed and reduced to text), `enclosure url`
/// (the recording) and `link` (the page), each kept only when it is an http(s) `WebLink`,
/// `itunes:episode` (the number), `itunes:duration`, `podcast:person` (speakers), `category` and `itunes:keywords` (tags), and every
/// `podcast:transcript url= type=`. No regular expressions: markup is parsed, never matched.
/// Text is read under the document's `TextBudget` (`IngestLimits.maximumFieldTextBytes` per
/// field, `maximumDocumentTextBytes` in all), so entity references cannot make a small
/// feed expand into gigabytes. Reads bytes only: no file is opened.
struct RSSFeed {
    static let namespaces = [
        "itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd",
        "podcast": "https://podcastindex.org/namespace/1.0",
        "content": "http://purl.org/rss/1.0/modules/content/",
    ]

    var series: String?
    var language: String?
    var items: [FeedItem] = []
    var diagnostics: [Diagnostic] = []

    /// Parses the feed; a document that is not XML or not RSS, or that expands to more text
    /// than its `TextBudget` allows, is an `IngestError`; problems with single items are
    /// diagnostics.
    init(_ bytes: [UInt8], file: String) throws(IngestError) {
        let document: MarkupDocument
        switch MarkupDocument.xml(bytes) {
        case .success(let parsed): document = parsed
        case .failure(let problem): throw .invalidInput(path: file, line: problem.line, reason: "not well-formed XML: \(problem.message)")
        }
        guard let root = document.root, root.name == "rss", let channel = select(document, "/rss/channel").first else {
            let name = document.root?.name ?? "nothing"
            throw .invalidInput(path: file, line: document.root?.line, reason: "not an RSS 2.0 feed: the root element is <\(Excerpt.escaped(name))>, expected <rss> with a <channel>")
        }
        do throws(TextLimitExceeded) {
            series = try text(document, "title", in: channel)
            if let code = try text(document, "language", in: channel) {
                language = Self.languageTag(code)
            }
            for (index, node) in select(document, "item", in: channel).enumerated() {
                if let item = try item(node, number: index + 1, document: document, file: file) {
                    items.append(item)
                }
            }
        } catch {
            throw .invalidInput(path: file, line: error.line, reason: error.message + "; nothing was imported")
        }
        if items.isEmpty && diagnostics.isEmpty {
            diagnostics.append(Diagnostic(.warning, file: file, line: channel.line, "the feed has no items"))
        }
    }

    private mutating func item(_ node: MarkupNode, number: Int, document: MarkupDocument, file: String) throws(TextLimitExceeded) -> FeedItem? {
        guard let (title, _) = try firstText(document, ["title", "itunes:title"], in: node) else {
            diagnostics.append(Diagnostic(.error, file: file, line: node.line, "item \(number) has no <title>; it was not imported"))
            return nil
        }
        var episode = Episode(id: "", series: series, title: title, language: language ?? "sv")
        if let published = try text(document, "pubDate", in: node) {
            if let date = RFC822Date.parse(published) {
                episode.date = date.text
                episode.timestamp = date.timestamp
            } else {
                let line = select(document, "pubDate", in: node).first?.line
                diagnostics.append(Diagnostic(.warning, file: file, line: line, "item \(number): pubDate \(Excerpt.quoted(published, quote: "'")) is not an RFC 822 date; the episode has no date"))
            }
        }
        if let (html, field) = try firstText(document, ["description", "content:encoded", "itunes:summary"], in: node) {
            let plain: String
            do {
                plain = try Self.plainText(fromHTML: html)
            } catch {
                // The HTML is a document of its own; name the feed's element, not a line in it.
                throw TextLimitExceeded(scope: error.scope, field: TextField(element: field.name, line: field.line), limit: error.limit)
            }
            episode.description = plain.isEmpty ? nil : plain
        }
        let enclosure = select(document, "enclosure", in: node).first
        episode.recording = LinkDiagnostic.link(
            try enclosure?.attribute("url"), field: "item \(number): <enclosure url>", file: file,
            line: enclosure?.line ?? node.line, diagnostics: &diagnostics)
        let link = select(document, "link", in: node).first
        episode.page = LinkDiagnostic.link(
            try link?.text(), field: "item \(number): <link>", file: file, line: link?.line ?? node.line,
            diagnostics: &diagnostics)
        if let numberText = try text(document, "itunes:episode", in: node) {
            if let value = Int(numberText), value >= 0 {
                episode.number = value
            } else {
                diagnostics.append(Diagnostic(.warning, file: file, line: node.line, "item \(number): itunes:episode \(Excerpt.quoted(numberText, quote: "'")) is not a whole number; ignored"))
            }
        }
        if let durationText = try text(document, "itunes:duration", in: node) {
            episode.duration = Self.seconds(fromDuration: durationText)
        }
        episode.speakers = []
        for person in select(document, "podcast:person", in: node) {
            let name = PageText.collapse(try person.text())
            if !name.isEmpty { episode.speakers.append(Speaker(name: name)) }
        }
        var tags: [String] = []
        for category in select(document, "category", in: node) {
            tags.append(PageText.collapse(try category.text()))
        }
        if let keywords = try text(document, "itunes:keywords", in: node) {
            tags += keywords.split(separator: ",").map { String($0).trimmingWhitespace }
        }
        var seenTags: Set<String> = []
        episode.tags = tags.filter { !$0.isEmpty && seenTags.insert($0).inserted }
        var transcripts: [FeedItem.TranscriptLink] = []
        for link in select(document, "podcast:transcript", in: node) {
            guard let url = try link.attribute("url")?.trimmingWhitespace, !url.isEmpty else { continue }
            transcripts.append(FeedItem.TranscriptLink(url: url, type: try link.attribute("type")?.trimmingWhitespace.lowercased()))
        }
        return FeedItem(line: node.line, episode: episode, transcripts: transcripts)
    }

    private func select(_ document: MarkupDocument, _ expression: String, in node: MarkupNode? = nil) -> [MarkupNode] {
        document.select(expression, from: node, namespaces: Self.namespaces)
    }

    /// The collapsed text of the first match, nil when absent or blank.
    private func text(_ document: MarkupDocument, _ expression: String, in node: MarkupNode) throws(TextLimitExceeded) -> String? {
        try firstText(document, [expression], in: node)?.text
    }

    /// The collapsed text of the first expression that matches with some text, and where it is.
    private func firstText(
        _ document: MarkupDocument, _ expressions: [String], in node: MarkupNode
    ) throws(TextLimitExceeded) -> (text: String, field: TextField)? {
        for expression in expressions {
            guard let match = select(document, expression, in: node).first else { continue }
            let text = PageText.collapse(try match.text())
            if !text.isEmpty { return (text, TextField(element: match.name, line: match.line)) }
        }
        return nil
    }

    /// Feed descriptions are HTML (escaped or in CDATA); parse it and keep the text.
    static func plainText(fromHTML html: String) throws(TextLimitExceeded) -> String {
        guard html.contains("<") || html.contains("&"),
            let document = MarkupDocument.html(Array("<html><body>\(html)</body></html>".utf8)),
            let body = document.select("//body").first
        else { return PageText.collapse(html) }
        return try PageText.text(of: body)
    }

    /// "sv-se" → "sv-SE"; "SV" → "sv".
    static func languageTag(_ code: String) -> String {
        let parts = code.trimmingWhitespace.split(separator: "-")
        guard let primary = parts.first else { return "sv" }
        return ([primary.lowercased()] + parts.dropFirst().map { $0.count == 2 ? $0.uppercased() : String($0) }).joined(separator: "-")
    }

    /// itunes:duration as "HH:MM:SS", "MM:SS" or plain seconds.
    static func seconds(fromDuration text: String) -> Double? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count) else { return nil }
        var total = 0.0
        for part in parts {
            guard let value = Double(part), value >= 0, value.isFinite else { return nil }
            total = total * 60 + value
        }
        return total
    }
}
