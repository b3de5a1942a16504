import TalksModel

/// The rule for episode ids: short, safe in a URL, a file name and a shell.
///
/// Ids appear in links (`/episodes/<id>`), folder names and index files, so they are
/// limited to ASCII letters, digits, `-`, `_` and `.`, must not start with `.` (no hidden
/// folders, no `..`), and are at most 128 characters.
public enum EpisodeID {
    public static let maximumLength = IngestLimits.maximumEpisodeIDBytes

    /// nil when `id` is acceptable, otherwise why not (a phrase following "id '…' ").
    public static func problem(with id: String) -> String? {
        if id.isEmpty { return "is empty" }
        if id.utf8.count > maximumLength { return "is longer than \(maximumLength) characters" }
        if id.hasPrefix(".") { return "must not start with '.'" }
        for scalar in id.unicodeScalars where !isAllowed(scalar) {
            return "contains \(Excerpt.quoted(String(scalar), quote: "'")); use only letters a–z, digits, '-', '_' and '.'"
        }
        return nil
    }

    public static func isValid(_ id: String) -> Bool {
        problem(with: id) == nil
    }

    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".": return true
        default: return false
        }
    }

    /// Turns a title into an id: lowercase, å/ä/ö and other accents folded to ASCII, runs of
    /// anything else turned into one '-', trimmed to `maximumLength`. Used by feed import.
    public static func slug(_ text: String, maximumLength: Int = 60) -> String {
        var slug = ""
        var pendingDash = false
        for character in text.lowercased() {
            let folded = fold(character)
            if folded.isEmpty {
                pendingDash = !slug.isEmpty
                continue
            }
            if pendingDash {
                slug += "-"
                pendingDash = false
            }
            slug += folded
        }
        if slug.count > maximumLength {
            slug = String(slug.prefix(maximumLength))
            while slug.hasSuffix("-") { slug.removeLast() }
        }
        return slug
    }

    private static func fold(_ character: Character) -> String {
        switch character {
        case "a"..."z", "0"..."9": return String(character)
        case "å", "ä", "à", "á", "â", "ã": return "a"
        case "æ": return "ae"
        case "ö", "ø", "ò", "ó", "ô", "õ": return "o"
        case "é", "è", "ê", "ë": return "e"
        case "ü", "ú", "ù", "û": return "u"
        case "í", "ì", "î", "ï": return "i"
        case "ç": return "c"
        case "ñ": return "n"
        case "ß": return "ss"
        default: return ""
        }
    }
}
