#if canImport(Glibc)
import Glibc
#endif
import TalksModel

/// Long episodes: a transcript too big to share an ingest batch is built alone, slice by
/// slice, within the memory budget, or refused.
///
/// Why: the budget used to be checked after each batch of episodes, so one long transcript
/// (a 60 MB file of 81,795 cues) went whole through loading, analysis and building and
/// took the process to 453 MB under `--memory 256`. Now the indexer (TalksIndexing) hands over on its own
/// each episode whose loading may take more than `aloneLoadingBytes`, and the writer:
/// 1. makes room: flushes the builders when they and the loading would not fit together;
/// 2. refuses the episode before reading a byte when loading it would not fit at all
///    (`refusalBeforeLoading`);
/// 3. builds it in a builder of its own a slice at a time (`SegmentBuilder.add(streaming:…)`),
///    the parsed text freed as the cue store takes it, checking after every slice that the
///    builders, the cues still parsed and what their flush will add fit the budget; if not,
///    the builder is dropped (nothing was written) and the episode refused with a
///    diagnostic naming the file, its size, the budget and a budget that would do (or, when
///    other episodes took part of the room, those are flushed and the episode is loaded
///    again);
/// 4. joins the built episode to the first builder, to be written with the others.
extension IndexWriter {
    /// What `addAlone` did.
    public enum AloneOutcome: Equatable, Sendable {
        case added
        /// It does not fit the budget; nothing changed.
        case refused(Diagnostic)
        /// Buffered episodes took part of the room; they were flushed: load it again.
        case reload
    }

    /// Transcripts whose loading may take more than this (`TranscriptLoadingCost`) are
    /// indexed alone: a 16th of the budget (16 MB under the default 256 MB: a transcript of
    /// about 2.5 MB, 25 hours of speech, or 4.5 MB of long cues).
    public var aloneLoadingBytes: Int { memoryBudget / 16 }

    /// The most transcript bytes an ingest batch loads at once: a 16th of the budget, at
    /// least 8 MB (64 ordinary episodes are under 5 MB), so the episodes in flight and what
    /// they add to the builders stay a small part of it.
    public var batchTranscriptBytes: Int { max(8 << 20, memoryBudget / 16) }

    /// What flushing adds per term of the builders, beyond the builders: the sorted
    /// vocabulary as strings with two keys each, the expansion tables, the terms file's
    /// sections, the compound lexicon's copy (338 bytes measured with 2.2 million unique
    /// words, the worst case: compound splitting keeps the most per term for them).
    static let flushBytesPerTerm = 360

    /// What flushing adds whatever the builders: the files' write buffers and the postings
    /// and positions pieces.
    static let flushFixedBytes = 8 << 20

    /// What one slice of a long episode holds while it is analysed and added: its token
    /// stream and term ids (`SegmentBuilder.sliceBytes` of text, about 6 bytes per token),
    /// and the next slice's, analysed meanwhile.
    static let sliceOverheadBytes = 16 << 20

    /// The bytes of the budget left beside the baseline (at least 0).
    var roomBytes: Int { max(0, memoryBudget - heldBytes) }

    /// What the budget must cover while `builders` are joined and flushed, beside the
    /// baseline: the builders, the coded cue store, the per-term work, the cue → episode
    /// map, the copy of a cue store that joining makes, and the fixed buffers.
    static func flushBytes(of builders: [SegmentBuilder]) -> Int {
        let busy = builders.filter { !$0.isEmpty }
        guard !busy.isEmpty else { return 0 }
        let stores = busy.flatMap { [$0.cueStore] + $0.joinedStores }
        let joinCopy = stores.count > 1 ? stores.map(\.records.count).max() ?? 0 : 0
        return busy.reduce(0) { $0 + $1.heldBytes + $1.terms.count * flushBytesPerTerm + $1.cueCount * 4 }
            + CueStoreBuilder.codedBytes(of: stores) + joinCopy + flushFixedBytes
    }

    /// Readies the writer to load a long episode whose loading takes `cost`: builds the
    /// compound lexicon the flush will need (a flush keeps it, so it belongs to the
    /// baseline), and flushes the builders when they and the loading would not fit the
    /// budget together; with nothing buffered, gives freed pages back and measures the
    /// baseline.
    public func prepareToAddAlone(loading cost: TranscriptLoadingCost) throws(IndexError) {
        precondition(!isBatchOpen, "a LaneBatch is open: finish it first")
        if cachedLexicon == nil {
            let lexicon = existingLexicon()
            cachedLexicon = lexicon
            baselineBytes += lexicon.memoryBytes
            // Reading the segments' words brought their dictionaries' pages in.
            for state in segments { state.reader.releaseResidentPages() }
        }
        if Self.flushBytes(of: lanes) + cost.loadingBytes > roomBytes { try flush() }
        if lanes.allSatisfy(\.isEmpty) {
            MemoryRelease.releaseFreedPages()
            measureBaseline()
        }
    }

    /// Why a transcript cannot be indexed within the budget, decided before it is read:
    /// loading and parsing it (`cost`) would not fit. Nil when it may be tried. Call after
    /// `prepareToAddAlone`, which leaves room for the loading unless nothing could.
    public func refusalBeforeLoading(transcript path: String, cost: TranscriptLoadingCost) -> Diagnostic? {
        let need = cost.loadingBytes
        guard need + Self.flushBytes(of: lanes) > roomBytes else { return nil }
        return Diagnostic(.error, file: path, "the transcript is \(Self.megabytes(cost.fileBytes)) MB with up to "
            + "\(cost.cueTimings) cues; reading and parsing it takes about \(Self.megabytes(need)) MB, more than the "
            + "\(Self.megabytes(roomBytes)) MB the memory budget of \(memoryBudget >> 20) MB leaves beside the index "
            + "itself; it was not read or indexed. " + Self.advice(needing: baselineBytes + need))
    }

    /// Builds a long episode alone, a slice at a time, and joins it to the first builder;
    /// or, when it does not fit the budget, drops what was built. Takes the cues out of
    /// `loaded` (so their text can be freed as it is built): pass the only copy. Call
    /// after `prepareToAddAlone`.
    public func addAlone(_ loaded: inout IndexableEpisode, transcript path: String, fileBytes: Int) throws(IndexError) -> AloneOutcome {
        precondition(!isBatchOpen, "a LaneBatch is open: finish it first")
        var cues = loaded.cues
        loaded.cues = []
        if PhaseClock.enabled {
            var clock = PhaseClock()
            clock.note("\(Self.megabytes(fileBytes)) MB transcript, \(cues.count) cues, baseline \(baselineBytes >> 20) MB, "
                + "\(memoryInUse >> 20) MB buffered, \(Self.peakResidentBytes() >> 20) MB peak so far")
            clock.report("loaded alone")
        }
        // The parser's garbage goes back to the kernel before the budget is counted.
        MemoryRelease.releaseFreedPages()
        let room = roomBytes
        // The buffered episodes do not change while this one is built.
        let othersHeld = lanes.reduce(0) { $0 + $1.heldBytes }
        let othersBuffered = lanes.contains { !$0.isEmpty }
        var total = cues.capacity * MemoryLayout<Cue>.stride
        for cue in cues { total += SegmentBuilder.heapBytes(of: cue) }
        var builder = SegmentBuilder()
        var overflow: (need: Int, done: Double)?
        let built = builder.add(
            streaming: loaded.episode, cues: &cues, contentHash: loaded.contentHash, sourcePath: loaded.sourcePath,
            analyzer: analyzer, workers: threads
        ) { builder, remaining in
            // Freed cue text sits in the heap's holes until trimmed.
            MemoryRelease.releaseFreedPages()
            let need = max(othersHeld + builder.heldBytes + remaining + Self.sliceOverheadBytes,
                           Self.flushBytes(of: lanes + [builder]))
            guard need > room else { return true }
            overflow = (need, 1 - Double(remaining) / Double(max(1, total)))
            return false
        }
        let finalNeed = Self.flushBytes(of: lanes + [builder])
        guard let built, finalNeed <= room else {
            let (need, done) = overflow ?? (finalNeed, 1)
            builder = SegmentBuilder()
            cues = []
            MemoryRelease.releaseFreedPages()
            if othersBuffered {
                try flush()
                return .reload
            }
            // A transcript's cost grows with its text: extrapolate from what was built.
            let whole = Int(Double(need) / max(0.05, done))
            return .refused(Diagnostic(.error, file: path, "indexing this \(Self.megabytes(fileBytes)) MB transcript "
                + "needs more memory than the \(Self.megabytes(room)) MB the memory budget of \(memoryBudget >> 20) MB "
                + "leaves beside the index itself (\(Self.megabytes(need)) MB with \(Int(done * 100)) % of its cues "
                + "built); it was not indexed and the index is unchanged. " + Self.advice(needing: baselineBytes + whole)))
        }
        // Joined, not added: the first builder's own cues and postings stay before the
        // joined ones, so it takes no more episodes until it is flushed (`flushIfJoined`).
        let ordinal: Int
        if lanes[0].isEmpty {
            swap(&lanes[0], &builder)
            ordinal = built
        } else {
            ordinal = lanes[0].episodeCount + built
            lanes[0].absorb(&builder)
        }
        place(id: loaded.episode.id, contentHash: loaded.contentHash, at: .building(lane: 0, ordinal: ordinal))
        if memoryInUse >= flushThreshold { try flush() }
        return .added
    }

    /// Flushes when a builder holds a joined long episode: episodes added after it would
    /// land before it in the builder's own store and postings.
    func flushIfJoined() throws(IndexError) {
        if lanes.contains(where: { !$0.joinedStores.isEmpty }) { try flush() }
    }

    /// What to do about a transcript needing `bytes` of memory in all.
    static func advice(needing bytes: Int) -> String {
        let budget = (bytes + (64 << 20) - 1) / (64 << 20) * 64
        guard budget <= 4096 else { return "Split the recording into shorter episodes." }
        return "Index it with a larger budget (talks ingest --memory \(budget)) or split the recording into shorter episodes."
    }

    /// The process's highest resident set size so far, in bytes (`getrusage`'s
    /// `ru_maxrss`): for the timing report (`TALKS_INDEX_TIMING`), not for decisions.
    static func peakResidentBytes() -> Int {
        var usage = rusage()
        guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return 0 }
        return usage.ru_maxrss * 1024
    }

    /// Bytes as MB (2^20) with one decimal.
    static func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes * 10 + (1 << 19)) >> 20
        return "\(tenths / 10).\(tenths % 10)"
    }
}
