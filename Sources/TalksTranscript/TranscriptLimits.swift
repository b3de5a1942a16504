/// Every hard limit TalksTranscript applies to a transcript, in one place.
///
/// Transcripts come from organisers' tools and from the web, so a file may be hostile or
/// broken (one 10 MB line, a binary file renamed `.vtt`). These bounds keep the cost of one
/// file predictable; each is far above any real transcript, so only broken input meets them,
/// and each produces a message that names the limit.
public enum TranscriptLimits {
    /// The largest transcript file read, in bytes (64 MiB). A real transcript holds about
    /// 60 KB per hour of speech, so this is about a thousand hours; a larger file is almost
    /// certainly not a transcript, and the whole file is held in memory while parsing.
    /// Over the limit: the file is rejected (`TranscriptError`) before parsing.
    public static let maximumFileBytes = 64 << 20

    /// The longest plain text of one cue, in UTF-8 bytes (16 KiB). A caption cue holds a
    /// sentence or two (about 100 bytes); 16 KiB is several minutes of speech in one cue,
    /// which no captioning tool writes. Over the limit: the cue keeps its first 16 KiB (cut at
    /// a character boundary) and a warning names the line and the limit, so the rest of the
    /// episode is still indexed and the cue is still found by its start.
    public static let maximumCueTextBytes = 16 << 10

    /// The most cues in one transcript (100,000). A 45-minute webinar has about 650 cues, so
    /// this is over a hundred hours in one file; a 64 MiB file of one-word cues would hold
    /// two million, and every cue costs memory and index space beyond its text. Over the
    /// limit: the file is rejected, naming the line of the first cue beyond it.
    public static let maximumCueCount = 100_000

    /// The latest start or end of a cue, in seconds into the recording (1,000 hours). WebVTT
    /// allows any number of hour digits, but such a time is a typo, and every later layer can
    /// then rely on finite, moderate times. Over the limit: the cue is skipped with a warning
    /// naming the line.
    public static let maximumCueSeconds: Double = 1_000 * 3_600

    /// The longest raw cue text (markup included) handed to the cue text parser, in UTF-8
    /// bytes: four times `maximumCueTextBytes`, room for markup around a full-length cue.
    /// Longer raw text is cut first, so a 10 MB line costs no more than a long cue.
    public static let maximumRawCueTextBytes = maximumCueTextBytes * 4
}
