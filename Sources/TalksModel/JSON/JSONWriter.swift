/// Serialises a `JSONValue` to UTF-8 text: compact by default, or indented by two spaces.
///
/// Strings are escaped per RFC 8259 (quote, backslash and control characters; everything
/// else is written as UTF-8). Doubles that are whole numbers print without a fraction
/// (`12` not `12.0`); non-finite doubles, which JSON cannot carry, print as `null`.
public struct JSONWriter {
    public var pretty: Bool

    public init(pretty: Bool = false) {
        self.pretty = pretty
    }

    public func string(_ value: JSONValue) -> String {
        var output = ""
        write(value, into: &output, depth: 0)
        return output
    }

    private func write(_ value: JSONValue, into output: inout String, depth: Int) {
        switch value {
        case .null:
            output += "null"
        case .bool(let flag):
            output += flag ? "true" : "false"
        case .integer(let number):
            output += String(number)
        case .number(let number):
            output += Self.format(number)
        case .string(let text):
            Self.escape(text, into: &output)
        case .array(let elements):
            if elements.isEmpty {
                output += "[]"
                return
            }
            output += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { output += "," }
                newline(into: &output, depth: depth + 1)
                write(element, into: &output, depth: depth + 1)
            }
            newline(into: &output, depth: depth)
            output += "]"
        case .object(let members):
            if members.isEmpty {
                output += "{}"
                return
            }
            output += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { output += "," }
                newline(into: &output, depth: depth + 1)
                Self.escape(member.key, into: &output)
                output += pretty ? ": " : ":"
                write(member.value, into: &output, depth: depth + 1)
            }
            newline(into: &output, depth: depth)
            output += "}"
        }
    }

    private func newline(into output: inout String, depth: Int) {
        guard pretty else { return }
        output += "\n"
        output += String(repeating: "  ", count: depth)
    }

    /// Formats a double the shortest way that reads back to the same value.
    static func format(_ number: Double) -> String {
        guard number.isFinite else { return "null" }
        if number == number.rounded(), abs(number) < 1e15 {
            return String(Int64(number))
        }
        return "\(number)"
    }

    static func escape(_ text: String, into output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case "\u{2028}": output += "\\u2028"
            case "\u{2029}": output += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }
}
