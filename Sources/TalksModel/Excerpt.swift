/// A short, escaped quotation of input text, the only form in which a diagnostic may quote
/// what a file (or a request) contains.
///
/// A message that echoes input can leak it (the first line of a file that was never meant
/// to be read) or attack the terminal that prints it (escape sequences, a carriage return
/// that overwrites the line). So quotes are bounded to `maximumScalars` Unicode scalars,
/// and every control, format, line or paragraph separator character, backslash and double
/// quote is escaped Swift-style (`\u{1B}`, `\n`, `\\`, `\"`): the excerpt is one line that
/// shows exactly which characters are there. The cut is marked with "…".
public enum Excerpt {
    /// The most Unicode scalars of input a quote shows: enough to recognise a wrong file or
    /// a mistyped value, too few to carry a secret line or a whole record.
    public static let maximumScalars = 32

    /// `text` as a quoted excerpt, quotes included: `"WEBVTT-ish\u{1B}[2J…"`, or with
    /// `quote: "'"` for messages that quote values that way (`field 'date': '19 okt…'`).
    public static func quoted(_ text: some StringProtocol, limit: Int = maximumScalars, quote: Unicode.Scalar = "\"") -> String {
        String(quote) + escaped(text, limit: limit, quote: quote) + String(quote)
    }

    /// `text` escaped and cut like `quoted`, without the surrounding quotes.
    public static func escaped(_ text: some StringProtocol, limit: Int = maximumScalars, quote: Unicode.Scalar = "\"") -> String {
        var output = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count == max(0, limit) {
                output += "…"
                break
            }
            count += 1
            switch scalar {
            case "\\": output += "\\\\"
            case quote: output += "\\" + String(quote)
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            default:
                if needsEscape(scalar) {
                    output += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output
    }

    /// Controls (C0, DEL, C1), format characters (bidirectional overrides, zero-width
    /// joiners), line and paragraph separators, private use and unassigned code points:
    /// everything that does not print as itself.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .privateUse, .surrogate, .unassigned:
            return true
        default:
            return false
        }
    }
}
