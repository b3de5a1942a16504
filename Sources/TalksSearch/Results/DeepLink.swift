/// Builds links into a recording at a moment: `recording#t=SECONDS`, a W3C Media Fragments
/// temporal fragment (https://www.w3.org/TR/media-frags/#naming-time), which browsers'
/// video and audio elements honour.
///
/// Seconds are whole (floor of the cue start) so the link is short and starts the player
/// just before the words. An existing fragment on the recording URL is replaced.
public enum DeepLink {
    public static func url(recording: String?, seconds: Double) -> String? {
        guard let recording, !recording.isEmpty else { return nil }
        let base = recording.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? recording
        let whole = seconds.isFinite && seconds > 0 ? Int(min(seconds.rounded(.down), 1e12)) : 0
        return "\(base)#t=\(whole)"
    }
}
