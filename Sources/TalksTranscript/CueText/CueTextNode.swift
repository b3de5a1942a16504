/// One node of the tree the W3C "WebVTT cue text parsing rules" build from cue text.
///
/// Internal nodes are `CueTextElement`s (class, italic, bold, underline, ruby, ruby text, voice
/// and language spans); leaves are text and timestamps. The tree keeps everything the spec
/// keeps so it can be compared with the WPT expectations; indexing uses `CueText.plainText`.
public enum CueTextNode: Sendable, Hashable {
    case text(String)
    /// An in-cue timestamp tag (`<00:01.500>`), in seconds.
    case timestamp(Double)
    case element(CueTextElement)
}

/// A WebVTT internal node object: a span with its kind, classes, annotation and children.
public struct CueTextElement: Sendable, Hashable {
    /// The concrete WebVTT node object class.
    public enum Kind: String, Sendable, Hashable {
        case `class` = "c"
        case italic = "i"
        case bold = "b"
        case underline = "u"
        case ruby = "ruby"
        case rubyText = "rt"
        case voice = "v"
        case language = "lang"
    }

    public var kind: Kind
    /// The applicable classes (`<c.first.loud>`), empty classes dropped.
    public var classes: [String]
    /// The voice name of a voice span (`<v Name>`); nil for other kinds.
    public var voice: String?
    /// The applicable language: the top of the language stack when the node was created.
    public var language: String?
    public var children: [CueTextNode]

    public init(kind: Kind, classes: [String] = [], voice: String? = nil, language: String? = nil,
                children: [CueTextNode] = []) {
        self.kind = kind
        self.classes = classes
        self.voice = voice
        self.language = language
        self.children = children
    }
}

/// Parsed cue text reduced to what search indexes: the text without markup and the speaker.
public struct CueText: Sendable, Hashable {
    public var nodes: [CueTextNode]

    public init(nodes: [CueTextNode]) {
        self.nodes = nodes
    }

    /// The concatenated text objects in document order, excluding ruby text (`<rt>`) and its
    /// descendants. This is the spec's "rules for extracting the chapter title": ruby text is a
    /// reading aid that repeats the base text, so indexing it would double words in snippets.
    public var plainText: String {
        var output = ""
        Self.appendText(of: nodes, to: &output)
        return output
    }

    /// The value of the first voice span with a non-empty name, the cue's speaker.
    public var voice: String? {
        Self.firstVoice(in: nodes)
    }

    private static func appendText(of nodes: [CueTextNode], to output: inout String) {
        for node in nodes {
            switch node {
            case .text(let text):
                output += text
            case .timestamp:
                break
            case .element(let element):
                if element.kind != .rubyText { appendText(of: element.children, to: &output) }
            }
        }
    }

    private static func firstVoice(in nodes: [CueTextNode]) -> String? {
        for case .element(let element) in nodes {
            if element.kind == .voice, let voice = element.voice, !voice.isEmpty { return voice }
            if let inner = firstVoice(in: element.children) { return inner }
        }
        return nil
    }
}
