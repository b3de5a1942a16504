/// The W3C "WebVTT cue text parsing rules": tokens in, a tree of WebVTT node objects out.
///
/// Unknown tags are ignored, end tags close only the matching current span (`</ruby>` also
/// closes an open `<rt>`), `<rt>` opens only directly inside `<ruby>`, and unclosed spans end
/// with the cue. Timestamp tags become leaves when they are valid timestamps.
public struct CueTextParser: Sendable {
    public init() {}

    /// Parses raw cue text (as in `WebVTTCue.text`).
    public func parse(_ text: String) -> CueText {
        var text = text
        return text.withUTF8 { parse(bytes: $0) }
    }

    /// Parses raw cue text given as UTF-8 bytes (already NUL- and newline-normalised).
    public func parse(bytes: UnsafeBufferPointer<UInt8>) -> CueText {
        // Most cues have no markup at all: then the tree is one text node (or none).
        if !bytes.contains(where: { $0 == ASCII.lessThan || $0 == ASCII.ampersand }) {
            return CueText(nodes: bytes.isEmpty ? [] : [.text(String(decoding: bytes, as: UTF8.self))])
        }
        if let voiced = Self.plainVoiceSpan(bytes) { return voiced }
        return parseByTheRules(bytes: bytes)
    }

    /// The full W3C rules, without the fast paths (`parse(bytes:)` takes those first; tests
    /// check that both agree).
    func parseByTheRules(bytes: UnsafeBufferPointer<UInt8>) -> CueText {
        var tokenizer = CueTextTokenizer(input: bytes)
        // The open elements; the root list of nodes is `stack[0]`'s children. `current` is
        // always the last element, so "let current be the parent" is a pop.
        var stack: [CueTextElement] = [CueTextElement(kind: .class)]
        var languageStack: [String] = []
        while !tokenizer.isAtEnd {
            switch tokenizer.next() {
            case .text(let bytes):
                stack[stack.count - 1].children.append(.text(String(decoding: bytes, as: UTF8.self)))
            case .startTag(let name, let classes, let annotation):
                guard let kind = Self.kind(of: name) else { continue }
                if kind == .rubyText && !(stack.count > 1 && stack[stack.count - 1].kind == .ruby) { continue }
                let annotationText = annotation.map { String(decoding: $0, as: UTF8.self) }
                if kind == .language { languageStack.append(annotationText ?? "") }
                let element = CueTextElement(
                    kind: kind,
                    classes: classes.filter { !$0.isEmpty }.map { String(decoding: $0, as: UTF8.self) },
                    voice: kind == .voice ? (annotationText ?? "") : nil,
                    language: languageStack.last)
                stack.append(element)
            case .endTag(let name):
                guard stack.count > 1, let kind = Self.kind(of: name) else { continue }
                let current = stack[stack.count - 1].kind
                if kind == current {
                    Self.closeCurrent(&stack)
                    if kind == .language, !languageStack.isEmpty { languageStack.removeLast() }
                } else if kind == .ruby && current == .rubyText && stack.count > 2 {
                    Self.closeCurrent(&stack)
                    Self.closeCurrent(&stack)
                }
            case .timestampTag(let value):
                value.withUnsafeBufferPointer { buffer in
                    var position = 0
                    if let seconds = WebVTTTimestamp.collect(buffer, position: &position, end: buffer.count),
                       position == buffer.count {
                        stack[stack.count - 1].children.append(.timestamp(seconds))
                    }
                }
            }
        }
        while stack.count > 1 { Self.closeCurrent(&stack) }
        return CueText(nodes: stack[0].children)
    }

    /// The tree of the next most common shape, `<v Name>text` with an optional `</v>` at
    /// the very end and no other markup or character reference, built without the
    /// tokenizer: one voice element holding one text node, exactly what the full rules
    /// give for it. Nil for anything else (a name with tabs, double or edge spaces, `&`,
    /// `<` or classes, a text with `<` or `&`), which takes the full path.
    static func plainVoiceSpan(_ bytes: UnsafeBufferPointer<UInt8>) -> CueText? {
        let count = bytes.count
        guard count >= 5, bytes[0] == ASCII.lessThan, bytes[1] == 0x76, bytes[2] == ASCII.space else { return nil }
        var index = 3
        var previous = ASCII.space
        while index < count && bytes[index] != ASCII.greaterThan {
            let byte = bytes[index]
            if byte == ASCII.lessThan || byte == ASCII.ampersand { return nil }
            if ASCII.isWhitespace(byte) && (byte != ASCII.space || previous == ASCII.space) { return nil }
            previous = byte
            index += 1
        }
        // No name, a name ending in a space, or no `>`: not this shape.
        guard index < count, index > 3, previous != ASCII.space else { return nil }
        let name = UnsafeBufferPointer(rebasing: bytes[3..<index])
        let textStart = index + 1
        var textEnd = count
        if count - textStart >= 4, bytes[count - 4] == ASCII.lessThan, bytes[count - 3] == ASCII.solidus,
           bytes[count - 2] == 0x76, bytes[count - 1] == ASCII.greaterThan {
            textEnd = count - 4
        }
        var position = textStart
        while position < textEnd {
            let byte = bytes[position]
            if byte == ASCII.lessThan || byte == ASCII.ampersand { return nil }
            position += 1
        }
        let text = UnsafeBufferPointer(rebasing: bytes[textStart..<textEnd])
        let element = CueTextElement(kind: .voice, voice: String(decoding: name, as: UTF8.self),
                                     children: text.isEmpty ? [] : [.text(String(decoding: text, as: UTF8.self))])
        return CueText(nodes: [.element(element)])
    }

    /// Pops the current element and appends it to its parent.
    private static func closeCurrent(_ stack: inout [CueTextElement]) {
        guard stack.count > 1, let element = stack.popLast() else { return }
        stack[stack.count - 1].children.append(.element(element))
    }

    private static func kind(of name: [UInt8]) -> CueTextElement.Kind? {
        switch name {
        case [0x63]: return .class
        case [0x69]: return .italic
        case [0x62]: return .bold
        case [0x75]: return .underline
        case [0x76]: return .voice
        case [0x72, 0x75, 0x62, 0x79]: return .ruby
        case [0x72, 0x74]: return .rubyText
        case [0x6C, 0x61, 0x6E, 0x67]: return .language
        default: return nil
        }
    }
}
