import TalksModel

/// Builds links into a recording at a moment: `recording#t=SECONDS`, a W3C Media Fragments
/// temporal fragment (https://www.w3.org/TR/media-frags/#naming-time), which browsers'
/// video and audio elements honour.
///
/// Seconds are whole (floor of the cue start) so the link is short and starts the player
/// just before the words. An existing fragment on the recording URL is replaced. The
/// recording is a `WebLink`, so the result is one too: never anything but http(s).
public enum DeepLink {
    public static func url(recording: WebLink?, seconds: Double) -> WebLink? {
        guard let recording else { return nil }
        let whole = seconds.isFinite && seconds > 0 ? Int(min(seconds.rounded(.down), 1e12)) : 0
        return recording.replacingFragment(with: "t=" + String(whole))
    }
}
