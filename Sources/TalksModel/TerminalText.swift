/// Text from data (titles, speaker names, cue text, paths, quoted values) made safe to
/// print on a terminal: every character a terminal would act on instead of show is
/// replaced by a visible escape.
///
/// A title like `"\u{1B}]0;pwned\u{7}"` would otherwise set the window title, `ESC [2J`
/// clear the screen, `ESC ]8;;URL ESC \` turn text into a link to somewhere else, U+009B
/// (the one-byte CSI) do the same on terminals that honour C1 controls, and U+202E (right-
/// to-left override) show text in a different order than it is stored. Data also must not
/// bring its own line structure into a report (a title with "\nOK  other-episode" would
/// forge a line), so line breaks and tabs in data are escaped as well: the printer adds its
/// own newlines *after* escaping.
///
/// Escaped are C0 (U+0000–U+001F), DEL (U+007F), C1 (U+0080–U+009F), the bidirectional
/// embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and the line and
/// paragraph separators (U+2028, U+2029). Tab, LF and CR become `\t`, `\n`, `\r`; every
/// other one becomes `\u{XX}` with its hexadecimal code point (ESC is `\u{1B}`), the form a
/// Swift or JavaScript reader recognises. Everything else, Swedish letters included, is
/// kept as it is.
///
/// JSON output does not use this: JSON escapes control characters itself and must keep
/// the data exact. Human-readable output of every command goes through
/// `String.terminalEscaped` (one function, so the rule is the same everywhere); the CLI's
/// own escape codes (bold matches, the progress line) are added around escaped text.
public enum TerminalText {
    /// Whether a terminal could act on `scalar` rather than show it.
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// The visible form of a scalar that `needsEscape`.
    static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\t": return "\\t"
        case "\n": return "\\n"
        case "\r": return "\\r"
        default:
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "\\u{" + (hex.count < 2 ? "0" + hex : hex) + "}"
        }
    }
}

extension StringProtocol {
    /// This text with every character a terminal would act on (controls, bidi overrides,
    /// line breaks) replaced by a visible escape such as `\u{1B}`; see `TerminalText`.
    /// Text without such characters comes back unchanged.
    public var terminalEscaped: String {
        guard unicodeScalars.contains(where: TerminalText.needsEscape) else { return String(self) }
        var output = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            if TerminalText.needsEscape(scalar) {
                output.append(contentsOf: TerminalText.escape(scalar).unicodeScalars)
            } else {
                output.append(scalar)
            }
        }
        return String(output)
    }

    /// Like `terminalEscaped`, but keeps line feeds: for a text whose own line structure is
    /// the printer's (a multi-line error message), not the data's.
    public var terminalEscapedKeepingLines: String {
        split(separator: "\n", omittingEmptySubsequences: false).map(\.terminalEscaped).joined(separator: "\n")
    }
}
