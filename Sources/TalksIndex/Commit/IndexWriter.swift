#if canImport(Glibc)
import Glibc
#endif
import TalksAnalysis
import TalksModel
import TalksSystem

/// What a commit did.
public struct CommitSummary: Sendable, Equatable {
    /// The generation the commit wrote (unchanged when there was nothing to commit).
    public var generation: UInt64
    public var episodesAdded: Int
    public var episodesRemoved: Int
    public var segmentsWritten: Int
    public var segmentsMerged: Int
    public var liveEpisodes: Int
}

/// The one writer of an index directory: buffers added and removed episodes and commits
/// them as a new generation.
///
/// `open` takes `.write.lock` (a second writer gets `IndexError.locked` naming the PID;
/// a lock left by a dead process is taken over) and deletes files a crashed writer left
/// (temp manifests, segment files no manifest names). Added episodes are analysed into
/// an in-memory `SegmentBuilder`, flushed to immutable files whenever `memoryBudget` is
/// reached; a long episode is built alone within the budget or refused
/// (`IndexWriter+LongEpisodes`). `commit` flushes, merges small or deletion-heavy segments (`MergePolicy`),
/// writes the new manifest atomically (temp, fsync, rename, fsync directory) and then
/// deletes the files no longer named. Until `commit`, readers see the previous generation.
public final class IndexWriter {
    public let directory: String
    public let memoryBudget: Int
    /// Threads the writer works on: the lanes of a `LaneBatch`, analysis, flushes and
    /// merges (`Parallel`). Defaults to the processors the process may use. The segment's
    /// bytes depend on it (lane `k` holds items `k`, `k + threads`, …) but never on timing.
    public let threads: Int
    /// The last committed generation (0 for a new index).
    public private(set) var generation: UInt64

    struct SegmentState {
        var reader: SegmentReader
        var deleted: Set<Int>
        /// The analysis the segment was written with (`IndexAnalysis.name`).
        var analysis: String
        var liveEpisodes: Int { reader.episodeCount - deleted.count }
    }

    enum Location: Equatable {
        case segment(SegmentID, Int)
        /// In the in-memory builder of `lane`, not yet written.
        case building(lane: Int, ordinal: Int)
    }

    private let lock: WriteLock
    var segments: [SegmentState] = []
    /// One in-memory builder per thread; a `LaneBatch` fills them at once.
    var lanes: [SegmentBuilder]
    private var nextSegmentNumber: UInt32 = 0
    var locations: [String: Location] = [:]
    private var contentHashes: [String: String] = [:]
    private var added = 0
    private var removed = 0
    var written = 0
    /// How this writer analyses episodes (a parallel ingest analyses with it on its own threads).
    public let analyzer = EpisodeAnalyzer()
    /// The Swedish lexicon the segments this writer writes are keyed with (lemma maps,
    /// dictionary compound parts), possibly still loading: awaited only when a segment is
    /// written. nil: rules only (`IndexAnalysis.rulesOnly`). While it loads, its tables are
    /// not yet in the measured baseline, so the writer reserves `lexiconReserveBytes` for
    /// them beside the baseline measured at open.
    public var lexicon: PendingLexicon?
    /// What the lexicon's tables take once loaded (sv_SE: about 40 MB).
    public static let lexiconReserveBytes = 45 << 20
    /// The baseline measured when the writer opened, before any lexicon.
    var openingBaselineBytes = 0
    /// The analysis of the segments this writer writes, once the lexicon has been awaited.
    public var analysis: IndexAnalysis { IndexAnalysis(lexicon?.lexicon) }
    /// What the live segments' analyses add up to (`IndexAnalysis.summary`).
    public var analysisSummary: String { IndexAnalysis.summary(of: segments.map(\.analysis)) }
    /// Resident bytes when nothing is buffered (`measureBaseline`); 0 when unknown.
    var baselineBytes = 0
    /// The compound lexicon as of the last flush (`existingLexicon()` plus what flushes
    /// added); nil until the first flush and after a merge or a dropped segment.
    var cachedLexicon: CompoundLexicon?
    /// Transcript file bytes of the batches in the builders since the last flush
    /// (`IndexWriter+BatchRoom`).
    var bufferedTranscriptBytes = 0
    /// What the builders held before the first of those batches (empty builders' tables).
    var bufferStartBytes = 0
    /// Builder bytes per transcript file byte of the last flushed builders; 0 until one.
    var builderBytesPerTranscriptByte = 0.0
    /// The most bytes the builders held when they were flushed (for tests and the timing
    /// report: it should stay near `flushThreshold`, see `IndexWriter+BatchRoom`).
    public internal(set) var largestFlushedBytes = 0
    /// How far past `flushThreshold` the builders were when the last batch's end flushed
    /// them; 0 after a flush that made room (a long episode joined alone does not count:
    /// it flushes at once).
    var lastOvershoot = 0
    /// Per flush: the builders' bytes and `flushLimit` at that moment (for tests).
    var flushes: [(buffered: Int, limit: Int)] = []
    /// Test hook: called before each step of a commit with its name, may throw to simulate
    /// a crash or a full disk at that point.
    var faultInjection: (@Sendable (String) throws(IndexError) -> Void)?

    init(directory: String, memoryBudget: Int, threads: Int, lock: WriteLock, manifest: Manifest) throws(IndexError) {
        self.directory = directory
        self.memoryBudget = max(1 << 20, memoryBudget)
        self.threads = max(1, threads)
        lanes = (0..<self.threads).map { _ in SegmentBuilder() }  // one each: a builder holds reference-typed tables
        self.lock = lock
        self.generation = manifest.generation
        for entry in manifest.segments {
            let reader = try SegmentReader(directory: directory, id: entry.id, deleted: entry.deleted)
            let state = SegmentState(reader: reader, deleted: Set(entry.deleted.filter { $0 >= 0 && $0 < reader.episodeCount }),
                                     analysis: entry.analysis)
            for ordinal in 0..<reader.episodeCount where !state.deleted.contains(ordinal) {
                let identity = try reader.episodes.identity(ordinal)
                if let previous = locations[identity.id] {
                    // Cannot happen in an index we wrote; keep the newer copy.
                    if case .segment(let id, let old) = previous, let index = segments.firstIndex(where: { $0.reader.id == id }) {
                        segments[index].deleted.insert(old)
                    }
                }
                locations[identity.id] = .segment(entry.id, ordinal)
                contentHashes[identity.id] = identity.contentHash
            }
            // Opening maps every file and reads its header, section table and footer; the
            // kernel maps the page-cache pages around each (fault-around), and the loop above
            // read the whole `.episodes` file. Dropped now, or an open 50,000-episode index
            // holds 280 MB of file pages before anything is added (`MappedFile.releaseResidentPages`).
            reader.releaseResidentPages()
            segments.append(state)
        }
    }

    /// Opens (creating if needed) the index in `directory` for writing and takes its lock.
    /// `threads` (at least 1) is how many threads it works on. An index of an older format
    /// throws `IndexError.olderFormat`, unless `replacingOlderFormat`: then the writer
    /// starts empty, the old segment files are deleted at once and the old manifest is
    /// replaced by the first commit (the re-ingest the error asks for, done in place).
    public static func open(
        directory: String, memoryBudget: Int = 256 << 20, threads: Int = Parallel.defaultWorkers,
        replacingOlderFormat: Bool = false
    ) throws(IndexError) -> IndexWriter {
        MemoryRelease.mapLargeAllocations()
        try FileSystem.createDirectory(directory)
        let lock = try WriteLock(directory: directory)
        let manifest: Manifest
        do {
            manifest = try Manifest.read(directory: directory) ?? Manifest(generation: 0, segments: [])
        } catch .olderFormat where replacingOlderFormat {
            manifest = Manifest(generation: 0, segments: [])
        }
        try collectGarbage(directory: directory, keeping: manifest)
        let writer = try IndexWriter(directory: directory, memoryBudget: memoryBudget, threads: threads, lock: lock,
                                     manifest: manifest)
        writer.measureBaseline()
        writer.openingBaselineBytes = writer.baselineBytes
        return writer
    }

    /// Deletes leftover temp manifests, temp stamp files and segment files the manifest
    /// does not name.
    /// Only names talks creates are touched.
    static func collectGarbage(directory: String, keeping manifest: Manifest) throws(IndexError) {
        let live = Set(manifest.segments.map(\.id))
        for name in try FileSystem.list(directory) {
            if name.hasPrefix(Manifest.fileName + ".tmp-") || name.hasPrefix(CheckedStamps.temporaryPrefix) {
                try FileSystem.remove(directory + "/" + name)
                continue
            }
            guard name.hasPrefix("seg-"), let dot = name.lastIndex(of: ".") else { continue }
            let stem = String(name[..<dot])
            let suffix = String(name[name.index(after: dot)...])
            let isTemporary = suffix.hasPrefix("tmp")
            guard let id = SegmentID(name: stem), isTemporary || FileKind(rawValue: suffix) != nil else { continue }
            if !live.contains(id) { try FileSystem.remove(directory + "/" + name) }
        }
    }

    /// The content hash of the live episode with this id, if any (incremental ingest
    /// compares it with the archive's).
    public func contentHash(ofEpisode id: String) -> String? {
        contentHashes[id]
    }

    /// The ids of all live episodes, including ones added since the last commit.
    public var episodeIDs: [String] { Array(locations.keys) }

    /// Adds an episode, replacing a live one with the same id.
    public func add(_ episode: IndexableEpisode) throws(IndexError) {
        try add(analysed: analyzer.analyse(episode))
    }

    /// Adds many episodes, analysing them on `threads` threads.
    public func add(contentsOf episodes: [IndexableEpisode]) throws(IndexError) {
        for item in Self.analyse(episodes, with: analyzer, workers: threads) { try add(analysed: item) }
    }

    /// Analyses episodes on `workers` threads, in order: the one analysis path of `add`
    /// and of merges.
    static func analyse(_ episodes: [IndexableEpisode], with analyzer: EpisodeAnalyzer, workers: Int) -> [AnalysedEpisode] {
        Parallel.map(count: episodes.count, workers: workers) { analyzer.analyse(episodes[$0]) }
    }

    /// Writes segments into this index's directory (flushes and merges).
    var segmentWriter: SegmentWriter {
        SegmentWriter(directory: directory, workers: threads, analysis: analysis, faultInjection: faultInjection)
    }

    /// Adds an analysed episode to the first lane's builder, replacing a live one with the
    /// same id; flushes when the builders reach the memory budget.
    func add(analysed: AnalysedEpisode) throws(IndexError) {
        precondition(!isBatchOpen, "a LaneBatch is open: finish it first")
        try flushIfJoined()
        let ordinal = lanes[0].add(analysed)
        place(id: analysed.episode.id, contentHash: analysed.contentHash, at: .building(lane: 0, ordinal: ordinal))
        if memoryInUse >= flushThreshold { try flush() }
    }

    /// Records where a just-added episode is, deleting the copy it replaces.
    func place(id: String, contentHash: String, at location: Location) {
        if let previous = locations[id] { markDeleted(previous) }
        locations[id] = location
        contentHashes[id] = contentHash
        added += 1
    }

    /// Bytes buffered in the in-memory builders, not yet written to a segment.
    public var memoryInUse: Int { lanes.reduce(0) { $0 + $1.memoryBytes } }

    /// The most the builders may hold when they are flushed: what the budget leaves beside
    /// the baseline, divided by `1 + flushOverhead`, so the peak stays within `memoryBudget`.
    /// At least an eighth of the budget, so a budget below the baseline still makes progress
    /// (and overshoots, as it must).
    var flushLimit: Int {
        max(memoryBudget / 8, Int(Double(memoryBudget - heldBytes) / (1 + Self.flushOverhead)))
    }

    /// What the process holds at a flush's peak beyond the baseline and the builders'
    /// counted bytes, per counted byte: the joined and coded cue text, the sorted vocabulary
    /// and its keys, the expansion maps, and what the count misses (the batch in flight,
    /// the threads' heaps). 0.8 was measured at 1,000 and 5,000 episodes while the cue
    /// stores doubled (their untouched capacity counted, about a fifth of the builders);
    /// with the stores grown by an eighth, the process's maximum RSS at 20,000 episodes
    /// (`/usr/bin/time -v`, `TALKS_INDEX_TIMING=1` for the baseline) was 2.2 times the
    /// builders above the baseline: 1.3, with a margin.
    static let flushOverhead = 1.3

    /// Buffers are flushed when they reach this: `flushLimit` less how far the last flush
    /// found them past it (`lastOvershoot`). The builders are only looked at between
    /// batches, and a batch can step them up by more than its share (an array doubling its
    /// capacity); they reached 1.2-1.36 times the limit at 20,000 episodes and the peak
    /// passed the budget (IndexWriter+BatchRoom).
    var flushThreshold: Int {
        max(memoryBudget / 8, flushLimit - lastOvershoot)
    }

    /// The measured baseline, or with a lexicon at least the opening baseline plus its
    /// reserve (its tables may still be loading when the baseline was measured).
    var heldBytes: Int {
        lexicon == nil ? baselineBytes : max(baselineBytes, openingBaselineBytes + Self.lexiconReserveBytes)
    }

    /// Measures the resident memory a flush cannot give back (runtime, libraries, open
    /// segments, the compound lexicon): called at open and after every flush.
    func measureBaseline() {
        baselineBytes = MemoryRelease.residentBytes()
    }

    /// The largest merge input (in file bytes): a merge rebuilds the segment in memory,
    /// about twice the size of its files, and must stay under `flushLimit` (not the threshold,
    /// which the last overshoot lowers: a merge is no batch).
    var maximumMergeBytes: Int { flushLimit / 2 }

    /// Marks the live episode with this id deleted; throws `episodeNotFound` if none.
    public func remove(id: String) throws(IndexError) {
        precondition(!isBatchOpen, "a LaneBatch is open: finish it first")
        guard let location = locations[id] else { throw IndexError.episodeNotFound(id: id) }
        markDeleted(location)
        locations[id] = nil
        contentHashes[id] = nil
        removed += 1
    }

    private func markDeleted(_ location: Location) {
        switch location {
        case .building(let lane, let ordinal):
            lanes[lane].deleted.insert(ordinal)
        case .segment(let id, let ordinal):
            if let index = segments.firstIndex(where: { $0.reader.id == id }) {
                segments[index].deleted.insert(ordinal)
            }
        }
    }

    func newSegmentID() -> SegmentID {
        defer { nextSegmentNumber += 1 }
        return SegmentID(generation: generation + 1, number: nextSegmentNumber)
    }

    /// Makes everything added and removed since the last commit visible as one new
    /// generation. On failure (e.g. ENOSPC) the previous generation stays current.
    @discardableResult
    public func commit() throws(IndexError) -> CommitSummary {
        precondition(!isBatchOpen, "a LaneBatch is open: finish it first")
        try flush()
        var merged = 0
        var bytes: [SegmentID: Int] = [:]
        for state in segments { bytes[state.reader.id] = state.reader.fileSizes.values.reduce(0, +) }
        let groups = MergePolicy.groupsToMerge(
            segments.map { ($0.reader.id, $0.reader.episodeCount, $0.deleted.count) }, bytes: bytes,
            maximumBytes: maximumMergeBytes)
        for group in groups {
            try merge(group)
            merged += group.count
        }
        let dropped = segments.filter { $0.liveEpisodes == 0 }.map(\.reader.id)
        if !dropped.isEmpty { cachedLexicon = nil }
        segments.removeAll { $0.liveEpisodes == 0 }
        let changed = added > 0 || removed > 0 || merged > 0 || !dropped.isEmpty
        if changed {
            try FileSystem.syncDirectory(directory)
            let manifest = Manifest(generation: generation + 1, segments: segments.map {
                Manifest.Entry(id: $0.reader.id, episodes: $0.reader.episodeCount, cues: $0.reader.cueCount,
                               deleted: $0.deleted.sorted(), analysis: $0.analysis)
            })
            try faultInjection?("write manifest")
            try manifest.write(directory: directory)
            generation = manifest.generation
            nextSegmentNumber = 0
            try faultInjection?("collect garbage")
            try Self.collectGarbage(directory: directory, keeping: manifest)
            CheckedStamps.refresh(directory: directory, manifest: manifest)
        }
        let summary = CommitSummary(generation: generation, episodesAdded: added, episodesRemoved: removed,
                                    segmentsWritten: written, segmentsMerged: merged,
                                    liveEpisodes: segments.reduce(0) { $0 + $1.liveEpisodes })
        added = 0
        removed = 0
        written = 0
        return summary
    }

    /// Releases the lock without committing.
    public func close() {
        lock.release()
    }

    deinit { lock.release() }
}
