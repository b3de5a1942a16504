/// The W3C "WebVTT cue text tokenizer" over UTF-8 bytes.
///
/// Each call to `next()` returns one token: a run of text (character references decoded), a
/// start tag (name, classes, optional annotation), an end tag, or a timestamp tag. The state
/// names follow the spec; `<` and `&` are the only bytes that leave the data state, so text is
/// scanned in bulk.
struct CueTextTokenizer {
    enum Token {
        case text([UInt8])
        case startTag(name: [UInt8], classes: [[UInt8]], annotation: [UInt8]?)
        case endTag(name: [UInt8])
        case timestampTag([UInt8])
    }

    private enum State {
        case data, tag, startTag, startTagClass, startTagAnnotation, endTag, timestampTag
    }

    let input: UnsafeBufferPointer<UInt8>
    private(set) var position = 0

    init(input: UnsafeBufferPointer<UInt8>) {
        self.input = input
    }

    var isAtEnd: Bool { position >= input.count }

    /// The next token; call only while `isAtEnd` is false.
    mutating func next() -> Token {
        var state = State.data
        var result: [UInt8] = []
        var buffer: [UInt8] = []
        var classes: [[UInt8]] = []
        let end = input.count
        while true {
            // A nil `character` is the spec's end-of-file marker.
            let character: UInt8? = position < end ? input[position] : nil
            switch state {
            case .data:
                guard let character else { return .text(result) }
                if character == ASCII.ampersand {
                    position += 1
                    if let replacement = CharacterReference.consume(input, position: &position, end: end,
                                                                    additionalAllowed: nil) {
                        result.append(contentsOf: replacement)
                    } else {
                        result.append(ASCII.ampersand)
                    }
                    continue
                }
                if character == ASCII.lessThan {
                    if result.isEmpty {
                        state = .tag
                    } else {
                        return .text(result)
                    }
                } else {
                    result.append(character)
                }
            case .tag:
                guard let character else { return .startTag(name: [], classes: [], annotation: nil) }
                switch character {
                case ASCII.tab, ASCII.lineFeed, ASCII.formFeed, ASCII.space:
                    state = .startTagAnnotation
                case ASCII.fullStop:
                    state = .startTagClass
                case ASCII.solidus:
                    state = .endTag
                case ASCII.greaterThan:
                    position += 1
                    return .startTag(name: [], classes: [], annotation: nil)
                default:
                    result = [character]
                    state = ASCII.isDigit(character) ? .timestampTag : .startTag
                }
            case .startTag:
                guard let character else { return .startTag(name: result, classes: [], annotation: nil) }
                switch character {
                case ASCII.tab, ASCII.formFeed, ASCII.space:
                    state = .startTagAnnotation
                case ASCII.lineFeed:
                    buffer = [character]
                    state = .startTagAnnotation
                case ASCII.fullStop:
                    state = .startTagClass
                case ASCII.greaterThan:
                    position += 1
                    return .startTag(name: result, classes: [], annotation: nil)
                default:
                    result.append(character)
                }
            case .startTagClass:
                guard let character else {
                    classes.append(buffer)
                    return .startTag(name: result, classes: classes, annotation: nil)
                }
                switch character {
                case ASCII.tab, ASCII.formFeed, ASCII.space:
                    classes.append(buffer)
                    buffer = []
                    state = .startTagAnnotation
                case ASCII.lineFeed:
                    classes.append(buffer)
                    buffer = [character]
                    state = .startTagAnnotation
                case ASCII.fullStop:
                    classes.append(buffer)
                    buffer = []
                case ASCII.greaterThan:
                    position += 1
                    classes.append(buffer)
                    return .startTag(name: result, classes: classes, annotation: nil)
                default:
                    buffer.append(character)
                }
            case .startTagAnnotation:
                guard let character, character != ASCII.greaterThan else {
                    if character != nil { position += 1 }
                    return .startTag(name: result, classes: classes, annotation: Self.collapsedWhitespace(buffer))
                }
                if character == ASCII.ampersand {
                    position += 1
                    if let replacement = CharacterReference.consume(input, position: &position, end: end,
                                                                    additionalAllowed: ASCII.greaterThan) {
                        buffer.append(contentsOf: replacement)
                    } else {
                        buffer.append(ASCII.ampersand)
                    }
                    continue
                }
                buffer.append(character)
            case .endTag:
                guard let character, character != ASCII.greaterThan else {
                    if character != nil { position += 1 }
                    return .endTag(name: result)
                }
                result.append(character)
            case .timestampTag:
                guard let character, character != ASCII.greaterThan else {
                    if character != nil { position += 1 }
                    return .timestampTag(result)
                }
                result.append(character)
            }
            position += 1
        }
    }

    /// Strips leading and trailing ASCII whitespace and collapses inner runs to one space.
    static func collapsedWhitespace(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var pendingSpace = false
        for byte in bytes {
            if ASCII.isWhitespace(byte) {
                pendingSpace = !output.isEmpty
            } else {
                if pendingSpace { output.append(ASCII.space) }
                pendingSpace = false
                output.append(byte)
            }
        }
        return output
    }
}
