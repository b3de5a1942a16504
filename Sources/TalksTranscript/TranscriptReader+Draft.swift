extension TranscriptReader {
    /// A cue on its way from a parser to `Cue`.
    struct Draft {
        var id: String?
        var start: Double
        var end: Double
        var voice: String?
        var text: String
        var line: Int
        /// True when the raw text was cut before markup was removed.
        var wasCut = false
        /// The raw text's length in UTF-8 bytes before any cut.
        var rawLength = 0
        /// The word timings of the cue's timestamp tags, counted in the text as first read.
        var stamps: WordStamps? = nil
    }
}
