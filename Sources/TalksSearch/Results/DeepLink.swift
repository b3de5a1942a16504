import TalksModel

/// Builds the link that opens a recording at a moment, in the form its player understands.
///
/// - YouTube (`youtube.com/watch?v=ID`, `m.youtube.com`, `/live/ID`, `/shorts/ID`,
///   `youtu.be/ID`): YouTube's own time parameter, `t=NNs` on a watch page (a short opens as
///   a watch page, whose player honours it), `t=NN` on `youtu.be` and `/live/`; an embed
///   (`/embed/ID`, also on `youtube-nocookie.com`) takes `start=NN`. Any `t=` or `start=`
///   already there is replaced, and a fragment dropped.
/// - Vimeo (`vimeo.com/ID`, `player.vimeo.com/video/ID`): `#t=NNs`.
/// - Anything else, such as a media file: `#t=NN`, a W3C Media Fragments temporal fragment
///   (https://www.w3.org/TR/media-frags/#naming-time) that browsers' video and audio
///   elements honour; an existing fragment is replaced.
/// - An episode's `linkTemplate` (`episode.json` `link_template`) wins over all of these:
///   `{seconds}` becomes the whole seconds and `{hh:mm:ss}` the clock time.
///
/// Seconds are whole (floor), so the link is short and starts the player just before the
/// words. A YouTube page that is not a video (a channel) gets no time, since none works there.
public enum DeepLink {
    /// What an episode offers to link into: its recording and its link template.
    public struct Source: Sendable, Hashable {
        public var recording: WebLink?
        public var linkTemplate: String?

        public init(recording: WebLink?, linkTemplate: String? = nil) {
            self.recording = recording
            self.linkTemplate = linkTemplate
        }

        public init(episode: Episode) {
            self.init(recording: episode.recording, linkTemplate: episode.linkTemplate)
        }
    }

    /// The link into `recording` at `seconds`; nil without a recording.
    public static func url(recording: WebLink?, seconds: Double) -> WebLink? {
        url(Source(recording: recording), seconds: seconds)
    }

    /// The link for `source` at `seconds`: through its link template when it has an
    /// http(s) one, else into its recording; nil when it has neither. Whatever is built is
    /// checked as a `WebLink` again, so a template or a platform rewrite can never yield
    /// anything but an http(s) link.
    public static func url(_ source: Source, seconds: Double) -> WebLink? {
        let whole = seconds.isFinite && seconds > 0 ? Int(min(seconds.rounded(.down), 1e12)) : 0
        if let template = source.linkTemplate, isHTTP(template), let link = WebLink(filled(template, seconds: whole)) {
            return link
        }
        guard let recording = source.recording else { return nil }
        if var link = LinkURL(recording.text), let platformLink = platformLink(&link, seconds: whole),
           let checked = WebLink(platformLink) {
            return checked
        }
        return recording.replacingFragment(with: "t=" + String(whole))
    }

    /// An episode's link worked out once for all its hits (`WebLink.NumberSlot`): the hits
    /// of a search differ only in their second, and the platform's form of the link is the
    /// costly part. Where the seconds do not sit in one place as plain digits (a template
    /// with `{hh:mm:ss}`, or a recording whose own text holds the probe number), every call
    /// works the link out in full, with the same result.
    public struct Resolved: Sendable {
        let source: Source
        let slot: WebLink.NumberSlot?

        /// A number of seconds whose digits appear nowhere else in a link, so its one
        /// occurrence marks where the seconds go.
        static let probe = 9_073_610_521

        public init(_ source: Source) {
            self.source = source
            var slot: WebLink.NumberSlot?
            if source.linkTemplate == nil, let recording = source.recording, !Self.mayBeOnAPlatform(recording) {
                // A media file: `#t=` and the seconds, without taking the link apart.
                self.slot = recording.fragmentNumberSlot(after: "t=")
                return
            }
            if let probed = DeepLink.url(source, seconds: Double(Self.probe))?.text,
               !(source.linkTemplate?.contains("{hh:mm:ss}") ?? false) {
                let bytes = Array(probed.utf8)
                let digits = Array(String(Self.probe).utf8)
                let places = bytes.indices.filter { bytes[$0...].starts(with: digits) }
                if places.count == 1, let place = places.first {
                    slot = WebLink.NumberSlot(prefix: String(decoding: bytes[..<place], as: UTF8.self),
                                              suffix: String(decoding: bytes[(place + digits.count)...], as: UTF8.self))
                }
            }
            self.slot = slot
        }

        /// Whether the link names a platform host anywhere (a cheap test on its bytes; a
        /// false "maybe" only sends the link the full route).
        static func mayBeOnAPlatform(_ link: WebLink) -> Bool {
            let bytes = Array(link.text.utf8.prefix(256)).map { $0 | 0x20 }
            return ["youtu", "vimeo"].contains { word in
                let pattern = Array(word.utf8)
                return bytes.indices.contains { bytes[$0...].starts(with: pattern) }
            }
        }

        /// The link at `seconds`, as `DeepLink.url(source, seconds:)` gives it.
        public func url(seconds: Double) -> WebLink? {
            guard let slot else { return DeepLink.url(source, seconds: seconds) }
            let whole = seconds.isFinite && seconds > 0 ? Int(min(seconds.rounded(.down), 1e12)) : 0
            return slot.link(whole)
        }
    }

    /// The template with `{seconds}` and `{hh:mm:ss}` filled in.
    static func filled(_ template: String, seconds: Int) -> String {
        let clock = [seconds / 3600, seconds / 60 % 60, seconds % 60]
            .map { $0 < 10 ? "0\($0)" : String($0) }.joined(separator: ":")
        return template.replacing("{seconds}", with: String(seconds)).replacing("{hh:mm:ss}", with: clock)
    }

    static func isHTTP(_ text: String) -> Bool {
        let lowered = text.prefix(8).lowercased()
        return lowered.hasPrefix("https://") || lowered.hasPrefix("http://")
    }
}
