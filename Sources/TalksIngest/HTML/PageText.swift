/// Readable text from an HTML element, without the page furniture around the content.
///
/// Saved event pages carry navigation, cookie banners, headers, footers, share buttons and
/// scripts; none of that describes the episode. This walks the tree, skips those elements
/// (by tag, by ARIA role, and by an id or class naming a cookie or consent banner), and
/// returns the text with block elements on separate lines and spaces collapsed.
enum PageText {
    static let skippedElements: Set<String> = [
        "script", "style", "noscript", "template", "nav", "footer", "header", "aside", "form",
        "button", "svg", "iframe", "select", "dialog", "head", "title",
    ]
    static let skippedRoles: Set<String> = ["navigation", "banner", "contentinfo", "dialog", "alertdialog", "search", "complementary"]
    static let blockElements: Set<String> = [
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
        "br", "tr", "table", "blockquote", "dl", "dt", "dd", "figure", "figcaption", "hr", "address",
    ]

    /// Whether an element is page furniture rather than content. Its attributes are read
    /// under the document's `TextBudget`.
    static func isFurniture(_ node: MarkupNode) throws(TextLimitExceeded) -> Bool {
        if skippedElements.contains(node.name) { return true }
        if let role = try node.attribute("role")?.lowercased(), skippedRoles.contains(role) { return true }
        if try node.attribute("aria-hidden") == "true" { return true }
        if try node.attribute("hidden") != nil { return true }
        let identifier = try node.attribute("id")
        let classes = try node.attribute("class")
        let marks = ((identifier ?? "") + " " + (classes ?? "")).lowercased()
        return ["cookie", "consent", "gdpr", "skip-link", "breadcrumb", "share"].contains { marks.contains($0) }
    }

    /// The text of `node` and its content descendants, one line per block. Read as one field
    /// of the document's `TextBudget`, so nested elements read one by one cannot make a
    /// page's text expand without bound.
    static func text(of node: MarkupNode) throws(TextLimitExceeded) -> String {
        var lines: [String] = []
        var field = FieldText(node: node)
        try collect(node, depth: 0, lines: &lines, field: &field)
        flush(&field, into: &lines)
        return lines.joined(separator: "\n")
    }

    /// The text of the node with whitespace collapsed to single spaces.
    static func inlineText(of node: MarkupNode) throws(TextLimitExceeded) -> String {
        collapse(try text(of: node))
    }

    private static func collect(_ node: MarkupNode, depth: Int, lines: inout [String], field: inout FieldText) throws(TextLimitExceeded) {
        guard depth < 256 else { return }  // libxml2 bounds depth too; this keeps recursion cheap
        if try field.appendOwnText(of: node) { return }
        guard node.isElement else { return }
        try field.countNode()
        if depth > 0, try isFurniture(node) { return }
        let isBlock = blockElements.contains(node.name)
        if isBlock { flush(&field, into: &lines) }
        for child in node.children {
            try collect(child, depth: depth + 1, lines: &lines, field: &field)
        }
        if isBlock { flush(&field, into: &lines) }
    }

    private static func flush(_ field: inout FieldText, into lines: inout [String]) {
        let line = collapse(field.takeString())
        if !line.isEmpty { lines.append(line) }
    }

    /// Runs of whitespace (including no-break spaces) become one space; ends are trimmed.
    static func collapse(_ text: String) -> String {
        var result = ""
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace || scalar == "\u{00A0}" {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace {
                result.unicodeScalars.append(" ")
                pendingSpace = false
            }
            result.unicodeScalars.append(scalar)
        }
        return result
    }
}
