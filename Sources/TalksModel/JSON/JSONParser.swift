/// A strict RFC 8259 JSON parser over UTF-8 bytes that says where a document is wrong.
///
/// talks reads JSON written by people (`episode.json`) and by other sites (schema.org
/// JSON-LD in event pages), so an error has to point at the line and column an organiser
/// can fix, not just say "invalid JSON". The parser is strict: no comments, no trailing
/// commas, no single quotes, no leading zeros, no NaN, no unescaped control characters,
/// no invalid UTF-8, no unpaired surrogate escapes. A leading byte order mark is skipped.
///
/// Hostile input cannot make it grow without bound: nesting deeper than
/// `Limits.maximumDepth` and documents larger than `Limits.maximumBytes` are errors, and the
/// parser is iterative over bytes with recursion only per nesting level.
///
/// Numbers without a fraction or exponent that fit in `Int64` become `.integer`; all others
/// become `.number`. Object members keep their written order; duplicate keys are kept as
/// written (RFC 8259 allows them) and `JSONValue`'s subscript returns the first.
public struct JSONParser {
    /// Bounds on what the parser accepts, so hostile input stays cheap.
    public struct Limits: Sendable, Hashable {
        /// The deepest nesting of arrays and objects accepted.
        public var maximumDepth: Int
        /// The largest document accepted, in bytes.
        public var maximumBytes: Int

        public init(maximumDepth: Int = 64, maximumBytes: Int = 16 * 1024 * 1024) {
            self.maximumDepth = maximumDepth
            self.maximumBytes = maximumBytes
        }

        public static let standard = Limits()
    }

    /// Parses a whole document; anything but whitespace after the top-level value is an error.
    public static func parse(_ bytes: [UInt8], limits: Limits = .standard) throws(JSONParseError) -> JSONValue {
        try parseDocument(bytes, limits: limits, recordLocations: false).value
    }

    /// Parses UTF-8 text.
    public static func parse(_ text: String, limits: Limits = .standard) throws(JSONParseError) -> JSONValue {
        try parse(Array(text.utf8), limits: limits)
    }

    /// Parses a document and, when `recordLocations` is set, remembers where every value
    /// starts, so a reader can say "line 7: 'number' must be a whole number".
    public static func parseDocument(
        _ bytes: [UInt8], limits: Limits = .standard, recordLocations: Bool = true
    ) throws(JSONParseError) -> JSONDocument {
        if bytes.count > limits.maximumBytes {
            throw JSONParseError(
                line: 1, column: 1,
                message: "document is \(bytes.count) bytes, more than the limit of \(limits.maximumBytes)")
        }
        var parser = JSONParser(bytes: bytes, limits: limits, recordLocations: recordLocations)
        return try parser.parseTopLevel()
    }

    // MARK: - State

    let bytes: [UInt8]
    let limits: Limits
    let recordLocations: Bool
    var offset = 0
    var line = 1
    /// Byte offset where the current line starts, for columns.
    var lineStart = 0
    var path: [JSONPathComponent] = []
    var locations: [JSONPath: JSONLocation] = [:]

    private init(bytes: [UInt8], limits: Limits, recordLocations: Bool) {
        self.bytes = bytes
        self.limits = limits
        self.recordLocations = recordLocations
    }

    private mutating func parseTopLevel() throws(JSONParseError) -> JSONDocument {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            offset = 3
            lineStart = 3
        }
        skipWhitespace()
        guard offset < bytes.count else {
            throw error("the document is empty; expected a JSON value")
        }
        let value = try parseValue(depth: 0)
        skipWhitespace()
        if offset < bytes.count {
            throw error("unexpected \(describeCurrent()) after the end of the JSON value")
        }
        return JSONDocument(value: value, locations: locations)
    }

    // MARK: - Values

    private mutating func parseValue(depth: Int) throws(JSONParseError) -> JSONValue {
        guard let byte = current else {
            throw error("unexpected end of input; expected a value")
        }
        if recordLocations {
            locations[JSONPath(path)] = location
        }
        switch byte {
        case UInt8(ascii: "{"):
            return try parseObject(depth: depth + 1)
        case UInt8(ascii: "["):
            return try parseArray(depth: depth + 1)
        case UInt8(ascii: "\""):
            return .string(try parseString())
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try parseNumber()
        default:
            throw error("unexpected \(describeCurrent()); expected a value (object, array, string, number, true, false or null)")
        }
    }

    private mutating func parseObject(depth: Int) throws(JSONParseError) -> JSONValue {
        try checkDepth(depth)
        advance()  // {
        var members: [JSONMember] = []
        skipWhitespace()
        if current == UInt8(ascii: "}") {
            advance()
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else {
                if current == UInt8(ascii: "}") {
                    throw error("trailing comma before '}'; remove the last ','")
                }
                throw error("expected a member name in double quotes, found \(describeCurrent())")
            }
            let key = try parseString()
            skipWhitespace()
            guard current == UInt8(ascii: ":") else {
                throw error("expected ':' after member name \(Excerpt.quoted(key)), found \(describeCurrent())")
            }
            advance()
            skipWhitespace()
            path.append(.key(key))
            let value = try parseValue(depth: depth)
            path.removeLast()
            members.append(JSONMember(key, value))
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","):
                advance()
            case UInt8(ascii: "}"):
                advance()
                return .object(members)
            default:
                throw error("expected ',' or '}' after object member, found \(describeCurrent())")
            }
        }
    }

    private mutating func parseArray(depth: Int) throws(JSONParseError) -> JSONValue {
        try checkDepth(depth)
        advance()  // [
        var elements: [JSONValue] = []
        skipWhitespace()
        if current == UInt8(ascii: "]") {
            advance()
            return .array(elements)
        }
        while true {
            skipWhitespace()
            if current == UInt8(ascii: "]") {
                throw error("trailing comma before ']'; remove the last ','")
            }
            path.append(.index(elements.count))
            let element = try parseValue(depth: depth)
            path.removeLast()
            elements.append(element)
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","):
                advance()
            case UInt8(ascii: "]"):
                advance()
                return .array(elements)
            default:
                throw error("expected ',' or ']' after array element, found \(describeCurrent())")
            }
        }
    }

    private func checkDepth(_ depth: Int) throws(JSONParseError) {
        if depth > limits.maximumDepth {
            throw error("arrays and objects are nested more than \(limits.maximumDepth) deep")
        }
    }

    private mutating func expectLiteral(_ word: StaticString) throws(JSONParseError) {
        let start = location
        let expected = word.withUTF8Buffer { Array($0) }
        for byte in expected {
            guard current == byte else {
                throw JSONParseError(
                    line: start.line, column: start.column,
                    message: "invalid literal; expected '\(word)'")
            }
            advance()
        }
    }

    // MARK: - Cursor

    /// Bytes after `lineStart` that do not start a character, so columns count characters.
    var columnAdjustment = 0

    var current: UInt8? {
        offset < bytes.count ? bytes[offset] : nil
    }

    func peek(_ distance: Int) -> UInt8? {
        let index = offset + distance
        return index < bytes.count ? bytes[index] : nil
    }

    mutating func advance() {
        offset += 1
    }

    mutating func skipWhitespace() {
        while let byte = current {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                offset += 1
            case UInt8(ascii: "\n"):
                offset += 1
                newLine()
            case UInt8(ascii: "\r"):
                offset += 1
                if current == UInt8(ascii: "\n") { offset += 1 }
                newLine()
            default:
                return
            }
        }
    }

    mutating func newLine() {
        line += 1
        lineStart = offset
        columnAdjustment = 0
    }

    var location: JSONLocation {
        JSONLocation(line: line, column: offset - lineStart - columnAdjustment + 1)
    }

    func error(_ message: String) -> JSONParseError {
        let here = location
        return JSONParseError(line: here.line, column: here.column, message: message)
    }

    func describeCurrent() -> String {
        guard let byte = current else { return "end of input" }
        return "'\(Self.printable(byte))'"
    }

    static func printable(_ byte: UInt8) -> String {
        if byte >= 0x20 && byte < 0x7F { return String(UnicodeScalar(byte)) }
        return "0x" + hexString(UInt32(byte), width: 2)
    }

    func hex(_ value: UInt32, width: Int) -> String {
        Self.hexString(value, width: width)
    }

    static func hexString(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
