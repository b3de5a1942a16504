import TalksIndex
import TalksModel

/// The cues of one stored episode, read one at a time from its segment, in time order.
///
/// A transcript can hold up to 100,000 cues and 64 MB of text; a reader that only needs to
/// walk it (the server writing WebVTT part by part) takes cues as it goes instead of
/// decoding the whole array first. It keeps its segment open, so it stays readable after
/// ingest commits a newer generation.
public struct TranscriptCues: Sendable {
    let segment: SegmentReader
    /// The cue ordinals in the segment.
    let ordinals: Range<Int>

    init(segment: SegmentReader, ordinals: Range<Int>) {
        self.segment = segment
        self.ordinals = ordinals
    }

    /// How many cues the transcript has.
    public var count: Int { ordinals.count }

    /// Cue `index` (0-based, `0..<count`). Throws `IndexError.outOfRange` outside that, or
    /// when the stored cue is corrupt.
    public func cue(_ index: Int) throws(IndexError) -> Cue {
        guard index >= 0, index < ordinals.count else {
            throw .outOfRange("cue \(index) is outside the transcript's 0..<\(ordinals.count)")
        }
        return try segment.cue(ordinals.lowerBound + index)
    }
}
