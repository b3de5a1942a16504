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
