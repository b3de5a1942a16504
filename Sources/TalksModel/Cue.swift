/// One timed piece of a transcript, reduced to what search needs.
///
/// `text` is plain text: WebVTT markup is gone and character references are decoded.
/// `speaker` comes from a voice span (`<v Name>`) or an unambiguous `Name:` prefix.
public struct Cue: Sendable, Hashable {
    /// The cue identifier from the file, if it had one.
    public var id: String?
    /// Start time in seconds.
    public var start: Double
    /// End time in seconds.
    public var end: Double
    public var speaker: String?
    public var text: String
    /// 1-based line of the cue's timing line in the source file, for diagnostics.
    public var line: Int

    public init(id: String? = nil, start: Double, end: Double, speaker: String? = nil, text: String, line: Int = 0) {
        self.id = id
        self.start = start
        self.end = end
        self.speaker = speaker
        self.text = text
        self.line = line
    }
}
