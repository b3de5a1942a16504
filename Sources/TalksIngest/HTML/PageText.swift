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

    /// Whether an element is page furniture rather than content.
    static func isFurniture(_ node: MarkupNode) -> Bool {
        if skippedElements.contains(node.name) { return true }
        if let role = node.attribute("role")?.lowercased(), skippedRoles.contains(role) { return true }
        if node.attribute("aria-hidden") == "true" || node.attribute("hidden") != nil { return true }
        let marks = ((node.attribute("id") ?? "") + " " + (node.attribute("class") ?? "")).lowercased()
        return ["cookie", "consent", "gdpr", "skip-link", "breadcrumb", "share"].contains { marks.contains($0) }
    }

    /// The text of `node` and its content descendants, one line per block.
    static func text(of node: MarkupNode) -> String {
        var lines: [String] = []
        var current = ""
        collect(node, depth: 0, lines: &lines, current: &current)
        flush(&current, into: &lines)
        return lines.joined(separator: "\n")
    }

    /// The text of the node with whitespace collapsed to single spaces.
    static func inlineText(of node: MarkupNode) -> String {
        collapse(text(of: node))
    }

    private static func collect(_ node: MarkupNode, depth: Int, lines: inout [String], current: inout String) {
        guard depth < 256 else { return }  // libxml2 bounds depth too; this keeps recursion cheap
        if let text = node.ownText {
            current += text
            return
        }
        guard node.isElement else { return }
        if depth > 0, isFurniture(node) { return }
        let isBlock = blockElements.contains(node.name)
        if isBlock { flush(&current, into: &lines) }
        for child in node.children {
            collect(child, depth: depth + 1, lines: &lines, current: &current)
        }
        if isBlock { flush(&current, into: &lines) }
    }

    private static func flush(_ current: inout String, into lines: inout [String]) {
        let line = collapse(current)
        if !line.isEmpty { lines.append(line) }
        current = ""
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
