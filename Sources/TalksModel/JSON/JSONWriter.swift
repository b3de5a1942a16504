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
        String(decoding: bytes(value), as: UTF8.self)
    }

    /// The UTF-8 bytes of `value`'s JSON text (what `string` decodes; servers send these).
    public func bytes(_ value: JSONValue) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(512)
        write(value, into: &output, depth: 0)
        return output
    }

    private func write(_ value: JSONValue, into output: inout [UInt8], depth: Int) {
        switch value {
        case .null:
            Self.append("null", to: &output)
        case .bool(let flag):
            Self.append(flag ? "true" : "false", to: &output)
        case .integer(let number):
            Self.append(String(number), to: &output)
        case .number(let number):
            Self.append(Self.format(number), to: &output)
        case .string(let text):
            Self.escape(text, into: &output)
        case .array(let elements):
            if elements.isEmpty {
                Self.append("[]", to: &output)
                return
            }
            output.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                newline(into: &output, depth: depth + 1)
                write(element, into: &output, depth: depth + 1)
            }
            newline(into: &output, depth: depth)
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty {
                Self.append("{}", to: &output)
                return
            }
            output.append(UInt8(ascii: "{"))
            for (index, member) in members.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                newline(into: &output, depth: depth + 1)
                Self.escape(member.key, into: &output)
                Self.append(pretty ? ": " : ":", to: &output)
                write(member.value, into: &output, depth: depth + 1)
            }
            newline(into: &output, depth: depth)
            output.append(UInt8(ascii: "}"))
        }
    }

    private func newline(into output: inout [UInt8], depth: Int) {
        guard pretty else { return }
        output.append(UInt8(ascii: "\n"))
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }

    /// Appends the UTF-8 bytes of `text` as they are (no escaping).
    private static func append(_ text: String, to output: inout [UInt8]) {
        output.append(contentsOf: text.utf8)
    }

    /// Formats a double the shortest way that reads back to the same value.
    static func format(_ number: Double) -> String {
        guard number.isFinite else { return "null" }
        if number == number.rounded(), abs(number) < 1e15 {
            return String(Int64(number))
        }
        return "\(number)"
    }

    /// Appends `text` as a JSON string literal. Works on the UTF-8 bytes: runs of bytes that
    /// need no escape are copied at once, so a long cue text costs a scan and a copy rather
    /// than an append per Unicode scalar.
    static func escape(_ text: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { escape($0, into: &output) }
        output.append(UInt8(ascii: "\""))
    }

    static func escape(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        let count = bytes.count
        var runStart = 0
        var index = 0
        while index < count {
            let byte = bytes[index]
            // Quote, backslash, control characters, and U+2028/U+2029 (E2 80 A8/A9) need escapes.
            if byte >= 0x20 && byte != 0x22 && byte != 0x5C && byte != 0xE2 {
                index &+= 1
                continue
            }
            var width = 1
            let escaped: StaticString
            switch byte {
            case 0x22: escaped = "\\\""
            case 0x5C: escaped = "\\\\"
            case 0x0A: escaped = "\\n"
            case 0x0D: escaped = "\\r"
            case 0x09: escaped = "\\t"
            case 0x08: escaped = "\\b"
            case 0x0C: escaped = "\\f"
            case 0xE2:
                guard index + 2 < count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 else {
                    index &+= 1
                    continue
                }
                escaped = bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                width = 3
            default:
                escaped = ""
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            if escaped.utf8CodeUnitCount > 0 {
                escaped.withUTF8Buffer { output.append(contentsOf: $0) }
            } else {
                // Other control characters: \u00XX in lowercase hex.
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                           hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            }
            index &+= width
            runStart = index
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<count]))
    }
}
