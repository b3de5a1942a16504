extension CueText {
    /// A timestamp tag (`<00:01:02.500>`) as it sits in the plain text: the UTF-8 offset in
    /// `plainText` where the tag was, and its time in seconds.
    struct TextTimestamp: Sendable, Hashable {
        var utf8Offset: Int
        var seconds: Double
    }

    /// `plainText` together with where its timestamp tags were, in document order, so a
    /// tag can be tied to the word after it. Tags inside ruby text are dropped with it.
    func plainTextAndTimestamps() -> (text: String, timestamps: [TextTimestamp]) {
        var output = ""
        var timestamps: [TextTimestamp] = []
        Self.appendTextAndTimestamps(of: nodes, to: &output, timestamps: &timestamps)
        return (output, timestamps)
    }

    /// True when the tree holds a timestamp tag outside ruby text (cheap: no text is built).
    var hasTimestamps: Bool {
        Self.containsTimestamp(nodes)
    }

    private static func appendTextAndTimestamps(of nodes: [CueTextNode], to output: inout String,
                                                timestamps: inout [TextTimestamp]) {
        for node in nodes {
            switch node {
            case .text(let text):
                output += text
            case .timestamp(let seconds):
                timestamps.append(TextTimestamp(utf8Offset: output.utf8.count, seconds: seconds))
            case .element(let element):
                if element.kind != .rubyText {
                    appendTextAndTimestamps(of: element.children, to: &output, timestamps: &timestamps)
                }
            }
        }
    }

    private static func containsTimestamp(_ nodes: [CueTextNode]) -> Bool {
        for node in nodes {
            switch node {
            case .text:
                continue
            case .timestamp:
                return true
            case .element(let element):
                if element.kind != .rubyText, containsTimestamp(element.children) { return true }
            }
        }
        return false
    }
}
