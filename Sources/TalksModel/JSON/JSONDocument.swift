/// A parsed JSON document together with where each value was written.
///
/// Readers of hand-written files (`episode.json`) need to say "line 7: 'number' must be a
/// whole number", so `JSONParser.parseDocument` records the start of every value under
/// its path from the root.
public struct JSONDocument: Sendable, Hashable {
    public var value: JSONValue
    public var locations: [JSONPath: JSONLocation]

    public init(value: JSONValue, locations: [JSONPath: JSONLocation] = [:]) {
        self.value = value
        self.locations = locations
    }

    /// Where the value at `path` starts, if it was recorded.
    public func location(_ path: JSONPathComponent...) -> JSONLocation? {
        locations[JSONPath(path)]
    }

    /// The line of the value at `path`, if it was recorded.
    public func line(_ path: JSONPathComponent...) -> Int? {
        locations[JSONPath(path)]?.line
    }
}

/// A 1-based line and column (counted in characters) in a JSON text.
public struct JSONLocation: Sendable, Hashable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "line \(line), column \(column)" }
}

/// One step from a value to a value inside it: an object member or an array element.
public enum JSONPathComponent: Sendable, Hashable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    case key(String)
    case index(Int)

    public init(stringLiteral value: String) { self = .key(value) }
    public init(integerLiteral value: Int) { self = .index(value) }
}

/// The way from the root of a document to one value; the root is the empty path.
public struct JSONPath: Sendable, Hashable {
    public var components: [JSONPathComponent]

    public init(_ components: [JSONPathComponent]) {
        self.components = components
    }
}

/// A JSON text did not follow RFC 8259, or went over a `JSONParser.Limits` bound.
///
/// `description` reads "line 7, column 3: expected ',' or '}' after object member, found '\"'";
/// callers that know the file put its path in front.
public struct JSONParseError: TalksError, Hashable {
    public var line: Int
    public var column: Int
    public var message: String

    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "line \(line), column \(column): \(message)" }

    public var exitStatus: Int32 { ExitStatus.dataError }
}
