/// A batch of episodes built on the writer's lanes (one in-memory `SegmentBuilder` per
/// core) at once, each lane by a thread of its own: how a parallel ingest hands analysed
/// episodes to the writer without the writer knowing where they come from or running
/// anyone's code on its threads.
///
/// Why lanes: building (interning terms, appending postings) cannot be shared by two
/// threads in one builder, so each core fills its own and the flush joins them into one
/// segment (`SegmentBuilder.absorb`).
///
/// Determinism: item `i` is built by lane `lane(of: i)` (`i % laneCount`), and each lane
/// takes its items in increasing order (checked), so the segment's episode order depends
/// on the order of the items only, never on timing. Every item is handed over, nil for one
/// with nothing to build (unchanged or rejected), so each lane knows which item is next.
///
/// Call order: `IndexWriter.beginBatch(count:)` on the writer's thread; then, at once on
/// one thread per lane `k` (`0..<laneCount`), `build(_:_:)` for items `k`, `k + laneCount`,
/// …; then `IndexWriter.finish(_:)` on the writer's thread, which places the episodes in
/// item order (a later item with an id replaces an earlier one) and flushes when the
/// memory budget is reached. The writer accepts nothing else between the two.
public final class LaneBatch: @unchecked Sendable {
    /// Where a built item went, for `IndexWriter.finish` to record.
    struct Placement {
        var id: String
        var contentHash: String
        var lane: Int
        var ordinal: Int
    }

    /// The number of items (indices `0..<count`).
    public let count: Int
    /// The number of lanes building this batch: one thread per lane.
    public let laneCount: Int
    /// The writer's builders, moved here for the batch (one per writer lane; the first
    /// `laneCount` are used). Lane `k` is touched by lane `k`'s thread only.
    private let builders: UnsafeMutableBufferPointer<SegmentBuilder>
    private let placements: UnsafeMutableBufferPointer<Placement?>
    /// Per lane, the item it builds next.
    private let nextItem: UnsafeMutableBufferPointer<Int>
    private var returned = false

    /// Takes `lanes` (left empty) for a batch of `count` items.
    init(moving lanes: inout [SegmentBuilder], count: Int) {
        self.count = count
        laneCount = min(lanes.count, max(1, count))
        var taken: [SegmentBuilder] = []
        swap(&taken, &lanes)
        builders = .allocate(capacity: taken.count)
        _ = builders.initialize(fromContentsOf: taken)
        taken = []  // the batch's copies are now the only ones: building never copies a builder
        placements = .allocate(capacity: max(1, count))
        placements.initialize(repeating: nil)
        nextItem = .allocate(capacity: laneCount)
        for lane in 0..<laneCount { nextItem.initializeElement(at: lane, to: lane) }
    }

    deinit {
        if !returned { _ = builders.deinitialize() }
        builders.deallocate()
        _ = placements.deinitialize()
        placements.deallocate()
        nextItem.deallocate()
    }

    /// The lane that builds item `item`.
    public func lane(of item: Int) -> Int { item % laneCount }

    /// Builds item `item` (nil: nothing to build) on its lane's builder. Call on that
    /// lane's thread only, for the lane's items in increasing order.
    public func build(_ item: Int, _ analysed: AnalysedEpisode?) {
        precondition(item >= 0 && item < count, "item \(item) is not in this batch of \(count)")
        let lane = lane(of: item)
        precondition(nextItem[lane] == item, "lane \(lane) expected item \(nextItem[lane]), got \(item)")
        nextItem[lane] += laneCount
        guard let analysed else { return }
        let ordinal = builders[lane].add(analysed)
        placements[item] = Placement(id: analysed.episode.id, contentHash: analysed.contentHash, lane: lane,
                                     ordinal: ordinal)
    }

    /// Whether every item was handed over.
    var isComplete: Bool { (0..<laneCount).allSatisfy { nextItem[$0] >= count } }

    /// Where item `item` was built, if it was.
    func placement(_ item: Int) -> Placement? { placements[item] }

    /// Gives the builders back (once).
    func returnBuilders() -> [SegmentBuilder] {
        precondition(!returned, "the batch was finished already")
        returned = true
        return builders.indices.map { builders.moveElement(from: $0) }
    }
}

extension IndexWriter {
    /// Starts a batch of `count` items built on this writer's lanes (see `LaneBatch`).
    /// Nothing else may be done with the writer until `finish` takes the batch back.
    /// Flushes first when a builder holds a joined long episode (`flushIfJoined`).
    /// `transcriptBytes` (the batch's transcript files, 0 when unknown) is counted for
    /// `batchTranscriptRoom`; call `makeRoom(forTranscriptBytes:)` before sizing the batch.
    public func beginBatch(count: Int, transcriptBytes: Int = 0) throws(IndexError) -> LaneBatch {
        precondition(!isBatchOpen, "a batch is already open on this writer")
        try flushIfJoined()
        noteBatch(transcriptBytes: transcriptBytes)
        return LaneBatch(moving: &lanes, count: count)
    }

    /// Whether a `LaneBatch` holds the builders (between `beginBatch` and `finish`).
    var isBatchOpen: Bool { lanes.isEmpty }

    /// Takes a batch's builders back and records its episodes in item order (a later item
    /// with the same id replaces an earlier one); flushes when the memory budget is reached.
    public func finish(_ batch: LaneBatch) throws(IndexError) {
        precondition(isBatchOpen, "this batch is not open on this writer")
        precondition(batch.isComplete, "every item of a batch is handed to build(_:_:), nil or not")
        lanes = batch.returnBuilders()
        for item in 0..<batch.count {
            guard let placement = batch.placement(item) else { continue }
            place(id: placement.id, contentHash: placement.contentHash,
                  at: .building(lane: placement.lane, ordinal: placement.ordinal))
        }
        if memoryInUse >= flushThreshold {
            lastOvershoot = memoryInUse - flushThreshold
            try flush()
        }
    }
}
