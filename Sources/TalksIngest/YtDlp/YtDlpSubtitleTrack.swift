import TalksModel
import TalksTranscript

/// One subtitle file yt-dlp wrote beside an info.json, `<title> [<id>].<language>.<vtt|srt>`,
/// with what kind of track it is and how much `talks import-ytdlp` prefers it.
///
/// yt-dlp names a track written by people and an automatic one the same way (both
/// `.sv.vtt`), so the file name cannot tell them apart; the info.json can. yt-dlp itself
/// takes a language's human subtitles when `subtitles` lists it and the automatic captions
/// only for languages it does not, so a file's language is `human` when `subtitles` lists
/// it, `automatic` when only `automatic_captions` does, and `unknown` when neither (an
/// info.json written without those fields).
///
/// Of the files in the video's language (`sv`, `sv-SE`, `sv-orig`: the same primary
/// language subtag, any region or suffix), the import takes, in order: human before unknown
/// before automatic; then, among automatic tracks, `<lang>-orig` (YouTube's recognition of
/// the original speech, never a machine translation) before the others; then the plain
/// language (`sv`) before a regional or other variant (`sv-SE`), by name; then WebVTT before
/// SubRip (WebVTT keeps YouTube's word timings). The first that passes the import's checks
/// is copied.
struct YtDlpSubtitleTrack: Sendable, Hashable {
    /// Who wrote the track, in the order the import prefers them.
    enum Kind: Int, Sendable, Hashable, Comparable {
        case human
        case unknown
        case automatic

        static func < (left: Kind, right: Kind) -> Bool { left.rawValue < right.rawValue }

        /// The value of `episode.json`'s `captions` field; nil for unknown.
        var captionsValue: String? {
            switch self {
            case .human: return "human"
            case .automatic: return "automatic"
            case .unknown: return nil
            }
        }
    }

    /// The file name in the yt-dlp folder.
    var fileName: String
    /// The language tag in the name: "sv", "sv-SE", "sv-orig".
    var language: String
    var format: TranscriptFormat
    var kind: Kind

    /// The track a file name is, when it is `<base>.<language>.<vtt|srt>`; nil otherwise.
    static func parse(fileName: String, base: String, info: YtDlpInfo) -> YtDlpSubtitleTrack? {
        let prefix = base + "."
        guard fileName.hasPrefix(prefix), fileName.utf8.count > prefix.utf8.count else { return nil }
        let rest = String(fileName.dropFirst(prefix.count))
        guard let dot = rest.lastIndex(of: "."),
              let format = TranscriptFormat(pathExtension: String(rest[rest.index(after: dot)...]).lowercased()) else { return nil }
        let language = String(rest[..<dot])
        guard isLanguageTag(language) else { return nil }
        let kind: Kind = info.humanLanguages.contains(language) ? .human
            : info.automaticLanguages.contains(language) ? .automatic : .unknown
        return YtDlpSubtitleTrack(fileName: fileName, language: language, format: format, kind: kind)
    }

    /// Whether the track is in `language` (its primary subtag, ignoring case).
    func isIn(_ language: String) -> Bool {
        Self.primarySubtag(self.language) == Self.primarySubtag(language)
    }

    /// Whether `self` is preferred to `other` (see the type's comment).
    func isPreferred(to other: YtDlpSubtitleTrack) -> Bool {
        if kind != other.kind { return kind < other.kind }
        if languageRank != other.languageRank { return languageRank < other.languageRank }
        if language != other.language { return language.utf8.lexicographicallyPrecedes(other.language.utf8) }
        return format == .webVTT && other.format != .webVTT
    }

    /// 0 for an automatic `-orig` track, 1 for a plain language tag, 2 for any other variant.
    var languageRank: Int {
        let lowered = language.lowercased()
        if kind == .automatic, lowered.hasSuffix("-orig") { return 0 }
        return lowered.contains("-") ? 2 : 1
    }

    static func primarySubtag(_ tag: String) -> Substring {
        Substring(tag.lowercased()).split(separator: "-", maxSplits: 1).first ?? ""
    }

    /// ASCII letters, digits and `-`, starting with a letter, at most 35 characters (BCP 47's
    /// longest practical tag), as yt-dlp's language codes are.
    static func isLanguageTag(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic,
              text.utf8.count <= 35 else { return false }
        return text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || $0 == "-" || ("0"..."9").contains($0)) }
    }
}
