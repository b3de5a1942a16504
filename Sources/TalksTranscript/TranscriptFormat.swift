/// The transcript file formats talks reads, named by their usual file extension.
public enum TranscriptFormat: String, Sendable, CaseIterable {
    case webVTT = "vtt"
    case srt = "srt"

    /// The format for a file extension such as "vtt" or "SRT" (case-insensitive, no dot).
    public init?(pathExtension: String) {
        self.init(rawValue: pathExtension.lowercased())
    }
}
