/// When one word of a cue is said: where the word starts in the cue's text and its time.
///
/// Transcripts that carry word timings (YouTube's automatic captions, WebVTT timestamp tags
/// `<00:01:02.500>` in any cue) say when each word is spoken, which is later than the cue's
/// start by up to the cue's length. Keeping them lets a hit link to the second its word is
/// said rather than to the start of the cue. Eight bytes a word: the byte offset is enough
/// to find the word again (any tokenizer can map its token's first byte to the entry at or
/// before it), and milliseconds bound the time to what the index stores for cue starts.
public struct WordTime: Sendable, Hashable {
    /// The UTF-8 byte offset in `Cue.text` where the word starts.
    public var utf8Offset: UInt32
    /// The time the word is said, in milliseconds from the start of the recording.
    public var milliseconds: UInt32

    public init(utf8Offset: UInt32, milliseconds: UInt32) {
        self.utf8Offset = utf8Offset
        self.milliseconds = milliseconds
    }

    /// The time in seconds.
    public var seconds: Double { Double(milliseconds) / 1000 }
}
