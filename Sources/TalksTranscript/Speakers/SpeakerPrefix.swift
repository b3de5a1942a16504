/// Recognises the speaker markers at the start of a cue's text: a change mark (`- `, `– `, `>>`)
/// and an unambiguous `Name:` prefix.
///
/// A prefix counts as a name only when it is 1–4 capitalised words (letters, `-`, `'`, `.`),
/// with name particles (`af`, `von`, `van der`, …) allowed between them and an affiliation
/// in parentheses allowed at the end, as meeting tools show display names; the colon must be
/// followed by whitespace or the end of the line (so `12:30` and URLs do not count), and the
/// first word must not be a common sentence opener or label ("Det:", "Obs:", "Exempel:",
/// "Note:"). So `Helene Oscarsson: Välkomna`, `Anna-Karin af Klercker: …`,
/// `Lena Holm (LRF): …` and `HELENE: …` are names, while `Det var så här: …`,
/// `Fråga från chatten: …` and `kl. 12:30` are not.
public enum SpeakerPrefix {
    /// The kind of speaker-change mark a cue starts with.
    public enum ChangeMark: String, Sendable, Hashable {
        /// `- ` (ASCII hyphen and a space).
        case dash = "- "
        /// `– ` (en dash and a space), the Swedish subtitling convention for a new speaker.
        case enDash = "– "
        /// `>>`, as broadcast captions and some meeting tools write it, space optional.
        case chevrons = ">>"
    }

    /// Words that start sentences or label content rather than name a person (compared
    /// case-insensitively, Swedish and English).
    static let nonNames: Set<String> = [
        "det", "den", "detta", "dessa", "de", "du", "ni", "vi", "jag", "han", "hon", "men", "och", "så",
        "nu", "här", "där", "då", "sen", "sedan", "alltså", "obs", "observera", "notera", "exempel", "ex",
        "fråga", "frågor", "svar", "tips", "fakta", "källa", "citat", "kl", "tel", "tid", "datum", "plats",
        "adress", "mejl", "epost", "e-post", "länk", "webb", "ämne", "tema", "agenda", "program", "sammanfattning",
        "viktigt", "bakgrund", "syfte", "mål", "resultat", "slutsats", "steg", "punkt", "kommentar", "rubrik",
        "bild", "sida", "kapitel", "paus", "musik", "applåder",
        "the", "this", "that", "it", "we", "you", "he", "she", "they", "so", "and", "but", "now", "here",
        "note", "example", "question", "answer", "warning", "tip", "source", "quote", "time", "date", "re",
        "ps", "edit", "update", "summary", "link", "email", "subject", "topic",
    ]

    /// The leading change mark and the text after it (unchanged text when there is none).
    public static func changeMark(in text: String) -> (ChangeMark?, String) {
        for mark in [ChangeMark.chevrons, .dash, .enDash] where text.hasPrefix(mark.rawValue) {
            let rest = text.dropFirst(mark.rawValue.count)
            if mark == .chevrons, rest.first == ">" { break } // ">>>" is not a mark
            return (mark, String(rest.drop(while: { $0 == " " || $0 == "\t" })))
        }
        return (nil, text)
    }

    /// The speaker name and the remaining text when `text` starts with an unambiguous
    /// `Name:` prefix; nil otherwise.
    public static func namePrefix(in text: String) -> (name: String, rest: String)? {
        // Cheap rejection on bytes first: most cues have no colon early in the first line.
        var hasEarlyColon = false
        for byte in text.utf8.prefix(96) {
            if byte == ASCII.colon { hasEarlyColon = true; break }
            if byte == ASCII.lineFeed { break }
        }
        guard hasEarlyColon else { return nil }
        let firstLine = text.prefix { $0 != "\n" }
        guard let colon = firstLine.prefix(64).firstIndex(of: ":") else { return nil }
        let afterColon = text[text.index(after: colon)...]
        if let next = afterColon.first, !(next == " " || next == "\t" || next == "\n") { return nil }
        let candidate = text[..<colon]
        guard candidate.first?.isWhitespace == false, candidate.last?.isWhitespace == false else { return nil }
        let words = withoutAffiliation(candidate).split(separator: " ", omittingEmptySubsequences: false)
        guard isName(words) else { return nil }
        if let first = words.first, nonNames.contains(first.lowercased().trimmingPeriods) { return nil }
        let rest = afterColon.drop(while: { $0 == " " || $0 == "\t" })
        return (String(candidate), String(rest))
    }

    /// Lower-case words that join the parts of a name ("Anna-Karin af Klercker", "Jan van der Berg").
    static let nameParticles: Set<Substring> = [
        "af", "av", "von", "van", "der", "den", "de", "la", "le", "du", "di", "da", "del", "dos", "das", "zu", "ten", "ter",
    ]

    /// 1–4 capitalised words, with particles only between two of them.
    static func isName(_ words: [Substring]) -> Bool {
        guard let first = words.first, let last = words.last, isCapitalisedWord(first), isCapitalisedWord(last) else {
            return false
        }
        var capitalised = 0
        for word in words {
            if isCapitalisedWord(word) {
                capitalised += 1
            } else if !nameParticles.contains(word) {
                return false
            }
        }
        return capitalised <= 4 && words.count <= 6
    }

    /// The name without an affiliation in parentheses at its end ("Lena Holm (LRF)" →
    /// "Lena Holm"); the name unchanged when it has none. The affiliation is 1–40
    /// characters without parentheses, after a space.
    static func withoutAffiliation(_ candidate: Substring) -> Substring {
        guard candidate.last == ")", let open = candidate.lastIndex(of: "("), open > candidate.startIndex else {
            return candidate
        }
        let before = candidate.index(before: open)
        let inside = candidate[candidate.index(after: open)..<candidate.index(before: candidate.endIndex)]
        guard candidate[before] == " ", (1...40).contains(inside.count), !inside.contains("("), !inside.contains(")"),
              inside.first?.isWhitespace == false, inside.last?.isWhitespace == false else { return candidate }
        return candidate[..<before]
    }

    /// An uppercase letter followed by letters, `-`, `'`, `’` or `.`, with no digits.
    static func isCapitalisedWord(_ word: Substring) -> Bool {
        guard let first = word.first, first.isLetter, first.isUppercase else { return false }
        return word.dropFirst().allSatisfy { $0.isLetter || $0 == "-" || $0 == "'" || $0 == "’" || $0 == "." }
    }
}

extension String {
    /// The string without trailing full stops ("kl." → "kl").
    var trimmingPeriods: String {
        var text = self
        while text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
