import TalksModel

/// How a web page plays an episode's recording: the platform's own embedded player, or
/// the browser's `<video>`/`<audio>` for a media file.
///
/// Recognition is `DeepLink`'s (the same hosts and path shapes that get the platform's own
/// time parameter in hit links), so a recording that links into YouTube at a second also
/// plays in YouTube's player on the watch page. Video ids are kept only when they consist
/// of the characters the platform uses (YouTube: letters, digits, `-`, `_`; Vimeo: digits),
/// so an embed URL built from one cannot carry anything else.
public enum RecordingPlayer: Sendable, Hashable {
    /// A YouTube video, played in `https://www.youtube-nocookie.com/embed/ID`.
    case youTube(videoID: String)
    /// A Vimeo video, played in `https://player.vimeo.com/video/ID` (`hash`: the `h=` of
    /// an unlisted video, if the link has one).
    case vimeo(videoID: String, hash: String?)
    /// A media file the browser plays itself.
    case mediaFile(WebLink, kind: MediaKind)
    /// A platform page that is no single video (a channel): linked, not played.
    case page(WebLink)

    /// Which element plays a media file.
    public enum MediaKind: String, Sendable, Hashable {
        case video, audio
    }

    /// File extensions (lower case) played with `<audio>`; any other media file gets `<video>`.
    public static let audioExtensions: Set<String> = ["mp3", "m4a", "aac", "oga", "ogg", "opus", "wav", "flac", "weba"]

    /// The player for `recording`.
    public init(recording: WebLink) {
        guard let link = LinkURL(recording.text) else {
            self = .mediaFile(recording, kind: .video)
            return
        }
        let segments = link.pathSegments
        if link.host == "youtu.be" {
            self = Self.youTube(segments.first.map(String.init), else: recording)
            return
        }
        if DeepLink.youTubeHosts.contains(link.host) {
            switch (segments.first, segments.count) {
            case ("watch"?, 1): self = Self.youTube(link.queryValue("v").map(String.init), else: recording)
            case ("live"?, 2), ("embed"?, 2), ("shorts"?, 2): self = Self.youTube(String(segments[1]), else: recording)
            default: self = .page(recording)
            }
            return
        }
        if DeepLink.vimeoHosts.contains(link.host) {
            // vimeo.com/ID, vimeo.com/ID/HASH, vimeo.com/channels/NAME/ID, player.vimeo.com/video/ID?h=HASH
            let numbered = segments.firstIndex { !$0.isEmpty && $0.allSatisfy(\.isASCIIDigitCharacter) }
            guard let position = numbered else {
                self = .page(recording)
                return
            }
            var hash = link.queryValue("h").map(String.init)
            if position + 1 < segments.count { hash = String(segments[position + 1]) }
            self = .vimeo(videoID: String(segments[position]), hash: hash.flatMap { Self.isIdentifier($0) ? $0 : nil })
            return
        }
        let fileName = segments.last.map(String.init) ?? ""
        let fileExtension = fileName.split(separator: ".").last.map { $0.lowercased() } ?? ""
        self = .mediaFile(recording, kind: fileName.contains(".") && Self.audioExtensions.contains(fileExtension) ? .audio : .video)
    }

    private static func youTube(_ id: String?, else recording: WebLink) -> RecordingPlayer {
        guard let id, !id.isEmpty, id.utf8.count <= 64, isIdentifier(id) else { return .page(recording) }
        return .youTube(videoID: id)
    }

    /// Letters, digits, `-` and `_` only.
    static func isIdentifier(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= 64 && text.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x2D || byte == 0x5F
        }
    }

    /// The URL that plays the recording from `seconds`: the platform's embed URL with its
    /// start time in whole seconds, floored (YouTube `?start=N`, Vimeo `#t=Ns`), or the media
    /// file with a Media Fragments `#t=N` (to the millisecond, `#t=106.6`); nil for a page.
    public func playerURL(startingAt seconds: Double) -> WebLink? {
        let whole = seconds.isFinite && seconds > 0 ? Int(min(seconds.rounded(.down), 1e9)) : 0
        switch self {
        case .youTube(let id):
            return WebLink("https://www.youtube-nocookie.com/embed/\(id)" + (whole > 0 ? "?start=\(whole)" : ""))
        case .vimeo(let id, let hash):
            return WebLink("https://player.vimeo.com/video/\(id)" + (hash.map { "?h=" + $0 } ?? "") + (whole > 0 ? "#t=\(whole)s" : ""))
        case .mediaFile(let link, _):
            // Media Fragments take decimals: a page may start exactly where a cue starts.
            let milliseconds = seconds.isFinite && seconds > 0 ? Int(min((seconds * 1000).rounded(), 1e12)) : 0
            guard milliseconds > 0 else { return link }
            var fraction = String(milliseconds % 1000)
            fraction = String(repeating: "0", count: 3 - fraction.count) + fraction
            while fraction.hasSuffix("0") { fraction.removeLast() }
            return link.replacingFragment(with: "t=\(milliseconds / 1000)" + (fraction.isEmpty ? "" : "." + fraction))
        case .page:
            return nil
        }
    }

    /// The origin (`https://host[:port]`) the player's content comes from, for a
    /// Content-Security-Policy source: `https://www.youtube-nocookie.com`,
    /// `https://player.vimeo.com`, or the media file's own. Nil for a page, or when the
    /// host holds a character a policy source may not.
    public var origin: String? {
        switch self {
        case .youTube: return "https://www.youtube-nocookie.com"
        case .vimeo: return "https://player.vimeo.com"
        case .page: return nil
        case .mediaFile(let link, _):
            guard let url = LinkURL(link.text) else { return nil }
            let allowed = url.authority.utf8.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x3A) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x2D || byte == 0x2E
                    || byte == 0x5B || byte == 0x5D
            }
            return allowed && !url.authority.isEmpty ? url.scheme.lowercased() + "://" + url.authority.lowercased() : nil
        }
    }
}

extension Character {
    /// 0–9 only (not other scripts' digits).
    var isASCIIDigitCharacter: Bool { isASCII && isWholeNumber }
}
