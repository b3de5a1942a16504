/// What reading and parsing a transcript file will take in memory, estimated from the
/// file before it is loaded: its size and the number of its cue timing lines.
///
/// Why: the transcript reader holds the file, its raw cue texts, the plain texts and the
/// parsed cues at once, about three times the file plus a few hundred bytes per cue. For
/// a long transcript that alone can be most of the memory budget, so the ingester asks
/// before loading one (`IndexWriter.refusalBeforeLoading`).
///
/// A plain value: the index reads no archive file. TalksIndexing measures the file and
/// counts its `-->` (`TranscriptLoadingCost.of(transcript:countingAbove:)`); every WebVTT
/// and SubRip cue has one, so the count bounds the cues.
public struct TranscriptLoadingCost: Sendable, Equatable {
    /// Resident bytes per two bytes of the file (3.5 per byte), and per cue. Fitted as an
    /// upper bound with a margin: the peak `ru_maxrss` above the baseline while loading
    /// the transcripts of `Benchmarks/generate_long_transcript.py` (every `--shape`, SubRip,
    /// CRLF; 3–62 MB, 8,000–100,000 cues; the "loaded alone" line of `TALKS_INDEX_TIMING`)
    /// was 62–87% of it.
    public static let bytesPerTwoFileBytes = 7
    public static let bytesPerCue = 400
    /// The shortest cue a file can hold ("00:00.000 --> 00:00.001\na\n\n"): bounds the
    /// cues when the file cannot be counted.
    public static let minimumCueFileBytes = 24

    /// The file's size in bytes.
    public var fileBytes: Int
    /// The `-->` in the file: at least its cues.
    public var cueTimings: Int

    public init(fileBytes: Int, cueTimings: Int) {
        self.fileBytes = fileBytes
        self.cueTimings = cueTimings
    }

    /// The estimate in bytes.
    public var loadingBytes: Int {
        fileBytes / 2 * Self.bytesPerTwoFileBytes + cueTimings * Self.bytesPerCue
    }
}
