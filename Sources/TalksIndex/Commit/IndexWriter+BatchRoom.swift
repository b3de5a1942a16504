/// Sizing ingest batches to the flush threshold, so the builders do not pass it by a batch.
///
/// Why: a batch (`LaneBatch`) is built whole before the writer looks at its memory, so the
/// builders reached the flush limit plus up to one batch (at 20,000 episodes and the
/// default budget, up to 95 MB buffered against a 67-71 MB limit), and the flush's own
/// transient (about 0.7 times the builders) came on top: once the open index had grown the
/// baseline by 11 MB the ingest's peak passed the budget (275 MB for 256). Two measures:
/// - the batch is cut to the room left below the threshold, estimated from how many builder
///   bytes the episodes in the builders took per byte of their transcript files (right
///   after a flush, those of the segment just written); when not even the next episode
///   fits, the builders are flushed first. A builder's average ratio is above that of its
///   later episodes (the first ones intern the common words), so the estimate errs on the
///   side of room;
/// - the builders' bytes count array capacities, which double, so a batch can still step
///   past the estimate: `flushThreshold` is the limit less how far past the threshold the
///   last flush found the builders (`lastOvershoot`; 0 when it flushed to make room). The
///   last one, not the most: a lane's cue store doubling its capacity counted 25 MB more at
///   once (capacity not yet touched, so not resident), and the most so far kept every
///   later segment 25 MB smaller (35 segments at 13,000 episodes instead of 20).
/// Both are functions of the episodes and the thread count (builder bytes, file sizes), never
/// of timing. Unchanged episodes count their file bytes but add nothing, which only makes
/// the estimate smaller per byte, i.e. the room larger, never past the batch cap.
extension IndexWriter {
    /// Transcript file bytes the next batch may load before the builders are expected to
    /// reach `flushThreshold`, at most `batchTranscriptBytes`; that cap while nothing has
    /// been measured yet.
    public var batchTranscriptRoom: Int {
        let grown = memoryInUse - bufferStartBytes
        let ratio = bufferedTranscriptBytes > 0 && grown > 0
            ? Double(grown) / Double(bufferedTranscriptBytes) : builderBytesPerTranscriptByte
        guard ratio > 0 else { return batchTranscriptBytes }
        let room = Double(max(0, flushThreshold - memoryInUse)) / ratio
        return room >= Double(batchTranscriptBytes) ? batchTranscriptBytes : Int(room)
    }

    /// Whether the builders hold any episode.
    var isBuffering: Bool { lanes.contains { !$0.isEmpty } }

    /// Flushes the builders when a batch of `transcriptBytes` (the next episode's, at
    /// least) does not fit in `batchTranscriptRoom`; nothing when they are empty.
    public func makeRoom(forTranscriptBytes transcriptBytes: Int) throws(IndexError) {
        precondition(!isBatchOpen, "a LaneBatch is open: finish it first")
        guard isBuffering, transcriptBytes > batchTranscriptRoom else { return }
        lastOvershoot = 0
        try flush()
    }

    /// Counts a batch's transcript bytes into the builders' (`beginBatch`); the first batch
    /// after a flush also notes what the empty builders take.
    func noteBatch(transcriptBytes: Int) {
        if !isBuffering {
            bufferedTranscriptBytes = 0
            bufferStartBytes = memoryInUse
        }
        bufferedTranscriptBytes += max(0, transcriptBytes)
    }

    /// Remembers the builders' ratio before they are flushed, for the first batch after.
    func noteFlush() {
        let grown = memoryInUse - bufferStartBytes
        if bufferedTranscriptBytes > 0 && grown > 0 {
            builderBytesPerTranscriptByte = Double(grown) / Double(bufferedTranscriptBytes)
        }
        bufferedTranscriptBytes = 0
    }
}
