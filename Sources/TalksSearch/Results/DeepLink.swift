/// Builds links into a recording at a moment: `recording#t=SECONDS`, a W3C Media Fragments
/// temporal fragment (https://www.w3.org/TR/media-frags/#naming-time), which browsers'
/// video and audio elements honour.
///
/// Seconds are whole (floor of the cue start) so the link is short and starts the player
/// just before the words. An existing fragment on the recording URL is replaced.
public enum DeepLink {
    public static func url(recording: String?, seconds: Double) -> String? {
        guard let recording, !recording.isEmpty else { return nil }
        let whole = seconds.isFinite && seconds > 0 ? Int(min(seconds.rounded(.down), 1e12)) : 0
        var link = recording
        if let hash = link.utf8.firstIndex(of: UInt8(ascii: "#")) {
            link = String(link[..<hash])
        }
        link += "#t="
        link += String(whole)
        return link
    }
}
