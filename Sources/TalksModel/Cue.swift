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
    /// When the words of `text` are said, where the transcript says so: ascending by
    /// offset and by time, within `start...end`. Empty (no allocation) for the usual cue
    /// without word timings. A word before the first entry starts at `start`, and a word
    /// without an entry of its own is said no earlier than the entry before it
    /// (`start(ofWordAtUTF8Offset:)`).
    public var wordTimes: [WordTime]

    public init(id: String? = nil, start: Double, end: Double, speaker: String? = nil, text: String, line: Int = 0,
                wordTimes: [WordTime] = []) {
        self.id = id
        self.start = start
        self.end = end
        self.speaker = speaker
        self.text = text
        self.line = line
        self.wordTimes = wordTimes
    }

    /// The time in seconds the word starting at (or containing) `offset` in `text` is said,
    /// as far as the transcript tells: the last word time at or before `offset`, or the
    /// cue's start when there is none.
    public func start(ofWordAtUTF8Offset offset: Int) -> Double {
        var low = 0
        var high = wordTimes.count
        // The number of entries at or before `offset` (they are ascending by offset).
        while low < high {
            let middle = (low + high) >> 1
            if Int(wordTimes[middle].utf8Offset) <= offset { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? start : wordTimes[low - 1].seconds
    }
}
