import TalksModel

/// The episode id `talks import-ytdlp` gives a video: `<site>-<video id>`, such as
/// `youtube-aB3dE5fG7hJ`, stable across runs so a re-run finds the folder it wrote.
///
/// The site is yt-dlp's `extractor` in lowercase ASCII (`youtube`, `vimeo`; "video" when the
/// info.json has none), so ids from different sites cannot meet. The video id is kept as it
/// is where it is safe (ASCII letters, digits, `-`, `_`: every YouTube id); any other byte is
/// written as `.` and two hex digits (`.2F` for `/`), so different video ids always give
/// different folder names and none can leave the archive. An id that would be longer than
/// `EpisodeID.maximumLength` keeps its first part and ends in its FNV-1a hash.
enum YtDlpEpisodeID {
    static func make(videoID: String, extractor: String?) -> String {
        var site = EpisodeID.slug(extractor ?? "", maximumLength: 24)
        if site.isEmpty { site = "video" }
        var escaped = ""
        for byte in videoID.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
                escaped.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                escaped += "." + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        let id = site + "-" + escaped
        guard id.utf8.count > EpisodeID.maximumLength else { return id }
        let hash = String(FNV1a.hash(videoID), radix: 16)
        return String(id.prefix(EpisodeID.maximumLength - hash.count - 1)) + "-" + hash
    }
}
