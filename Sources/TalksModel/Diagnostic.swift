/// A warning or error about an input file, located by path and line.
///
/// Diagnostics are how talks tells an organiser what is wrong with what they gave it;
/// `description` prints the compiler-style `file:line: error: message` form.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How bad it is: a note says what was done to input that is fine (rolling captions
    /// collapsed), a warning leaves the input usable (the cue is skipped or repaired), an
    /// error rejects the episode or file.
    public enum Severity: String, Sendable, Hashable {
        case note
        case warning
        case error
    }

    public var severity: Severity
    /// The file the diagnostic is about, as the user named it.
    public var file: String
    /// 1-based line, when the problem has one.
    public var line: Int?
    public var message: String

    public init(_ severity: Severity, file: String, line: Int? = nil, _ message: String) {
        self.severity = severity
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        let location = line.map { "\(file):\($0)" } ?? file
        return "\(location): \(severity.rawValue): \(message)"
    }
}
