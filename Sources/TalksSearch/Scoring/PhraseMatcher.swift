import TalksIndex

/// Finds documents where terms occur at consecutive positions: a phrase within one cue
/// (transcript) or within one metadata field of an episode.
///
/// Leapfrogs the terms' postings cursors with `advance(to:)` (skip tables make a rare term
/// cheap to intersect with a common one), driven by the rarest term, and checks positions
/// only in documents that hold every term. For the transcript an `EpisodeGate` can skip
/// whole episodes: those outside the candidates (other clauses or filters rule them out) and
/// those that already matched often enough to rank. Position buffers are reused. A list
/// found damaged while matching throws its `IndexError` once the scan stops.
struct PhraseMatcher {
    /// Terms in the phrase being matched.
    private var length = 0
    private var starts: [UInt32] = []

    /// Restricts a transcript scan by episode (cue documents map to episodes).
    struct EpisodeGate {
        let segment: SegmentReader
        /// Episodes worth scanning (nil: all).
        let candidates: [Bool]?
        /// Matching cues counted per episode before the scan moves to the next episode.
        let perEpisodeLimit: Int
        private var episode = -1
        private var episodeEnd = 0
        private var matchedInEpisode = 0

        init(segment: SegmentReader, candidates: [Bool]?, perEpisodeLimit: Int) {
            self.segment = segment
            self.candidates = candidates
            self.perEpisodeLimit = max(1, perEpisodeLimit)
        }

        /// nil when `cue` may be examined, else the next cue worth looking at (Int.max: none).
        mutating func skipTarget(for cue: Int) -> Int? {
            if cue >= episodeEnd || episode < 0 {
                episode = segment.episodeOrdinal(ofCue: cue)
                guard episode >= 0 else { return Int.max }
                episodeEnd = segment.cueRange(ofEpisode: episode).upperBound
                matchedInEpisode = 0
                if let candidates, !(episode < candidates.count && candidates[episode]) {
                    var next = episode + 1
                    while next < candidates.count && !candidates[next] { next += 1 }
                    return next < candidates.count ? segment.cueRange(ofEpisode: next).lowerBound : Int.max
                }
            }
            return matchedInEpisode >= perEpisodeLimit ? episodeEnd : nil
        }

        /// The episode of the cue last allowed by `skipTarget`; counts one match in it.
        mutating func recordMatch() -> Int {
            matchedInEpisode += 1
            return episode
        }
    }

    /// Calls `body(document, startPositions)` for each document in `range` holding the
    /// phrase `ordinals` (term ordinals in phrase order) in `field`.
    mutating func forEachMatch(
        segment: SegmentReader, ordinals: [Int], field: Field, range: Range<Int>? = nil,
        _ body: (_ document: Int, _ starts: [UInt32]) -> Void
    ) throws(IndexError) {
        var gate: EpisodeGate?
        try scan(segment: segment, ordinals: ordinals, field: field, range: range, gate: &gate) { document, _, starts in
            body(document, starts)
        }
    }

    /// Transcript matches with episode gating: `body(cue, episode, startPositions)`.
    mutating func forEachTranscriptMatch(
        segment: SegmentReader, ordinals: [Int], gate: EpisodeGate,
        _ body: (_ cue: Int, _ episode: Int, _ starts: [UInt32]) -> Void
    ) throws(IndexError) {
        var gate: EpisodeGate? = gate
        try scan(segment: segment, ordinals: ordinals, field: .transcript, range: nil, gate: &gate, body)
    }

    private mutating func scan(
        segment: SegmentReader, ordinals: [Int], field: Field, range: Range<Int>?, gate: inout EpisodeGate?,
        _ body: (_ document: Int, _ episode: Int, _ starts: [UInt32]) -> Void
    ) throws(IndexError) {
        guard !ordinals.isEmpty else { return }
        var cursors = ordinals.map { segment.postings(term: $0, field: field) }
        if cursors.contains(where: { $0.count == 0 }) {
            // A list found damaged before its first document is empty too: report it
            // rather than match nothing.
            for index in cursors.indices { try cursors[index].checkIntact() }
            return
        }
        length = ordinals.count
        let order = cursors.indices.sorted { cursors[$0].count < cursors[$1].count }
        let driver = order[0]
        let followers = Array(order.dropFirst())
        let start = range?.lowerBound ?? 0
        let end = range?.upperBound ?? Int.max
        let length = self.length
        var starts = self.starts
        self.starts = []
        defer { self.starts = starts }
        // Position buffers, one per phrase word, written through pointers (no array append,
        // with its uniqueness and capacity checks, per position); grown when a frequency
        // exceeds the capacity.
        let buffers = UnsafeMutablePointer<UnsafeMutablePointer<UInt32>>.allocate(capacity: length)
        let capacities = UnsafeMutablePointer<Int>.allocate(capacity: length)
        let counts = UnsafeMutablePointer<Int>.allocate(capacity: length)
        for index in 0..<length {
            (buffers + index).initialize(to: UnsafeMutablePointer<UInt32>.allocate(capacity: 16))
            (capacities + index).initialize(to: 16)
            (counts + index).initialize(to: 0)
        }
        defer {
            for index in 0..<length { buffers[index].deallocate() }
            buffers.deallocate()
            capacities.deallocate()
            counts.deallocate()
        }
        @inline(__always)
        func load(_ cursor: inout PostingsCursor, term: Int) -> Int {
            while true {
                if let count = cursor.positions(into: buffers[term], capacity: capacities[term]) {
                    counts[term] = count
                    return count
                }
                let capacity = max(cursor.frequency, capacities[term] * 2)
                buffers[term].deallocate()
                buffers[term] = UnsafeMutablePointer<UInt32>.allocate(capacity: capacity)
                capacities[term] = capacity
            }
        }
        // Unsafe buffers: no uniqueness checks or struct copies (with their retain of the
        // cursor's owner) per step of the hot loop.
        cursors.withUnsafeMutableBufferPointer { cursorBuffer in
            var target = start
            search: while target < end {
                guard Self.move(&cursorBuffer[driver], to: target) else { break }
                let document = cursorBuffer[driver].document
                if document >= end { break }
                if gate != nil, let skip = gate?.skipTarget(for: document) {
                    if skip == Int.max { break }
                    target = max(skip, document + 1)
                    continue
                }
                target = document
                for index in followers {
                    guard Self.move(&cursorBuffer[index], to: target) else { break search }
                    let found = cursorBuffer[index].document
                    if found > target {
                        target = found
                        continue search
                    }
                }
                // Positions of the first word, then of each next word only while a start survives.
                let firstCount = load(&cursorBuffer[0], term: 0)
                starts.removeAll(keepingCapacity: true)
                var decoded = 1
                let first = buffers[0]
                for slot in 0..<firstCount {
                    let candidate = first[slot]
                    var index = 1
                    while index < length {
                        if index >= decoded {
                            _ = load(&cursorBuffer[index], term: index)
                            decoded = index + 1
                        }
                        if !Self.contains(buffers[index], counts[index], candidate &+ UInt32(index)) { break }
                        index += 1
                    }
                    if index == length { starts.append(candidate) }
                }
                if !starts.isEmpty {
                    let episode = gate?.recordMatch() ?? -1
                    body(target, episode, starts)
                }
                target += 1
            }
        }
        // A list that turned out damaged ended the scan early: fail instead of dropping matches.
        for index in cursors.indices { try cursors[index].checkIntact() }
    }

    /// Moves a cursor to the first document ≥ `target` (`advance(to:)` decodes forward within
    /// the current block and consults the skip table only for targets beyond it). False at
    /// the end of the list.
    @inline(__always)
    static func move(_ cursor: inout PostingsCursor, to target: Int) -> Bool {
        if cursor.document >= target { return cursor.document != Int.max }
        return cursor.advance(to: target)
    }

    /// Binary search in an ascending position list of `count` entries.
    @inline(__always)
    static func contains(_ list: UnsafeMutablePointer<UInt32>, _ count: Int, _ value: UInt32) -> Bool {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) >> 1
            let element = list[middle]
            if element == value { return true }
            if element < value { low = middle + 1 } else { high = middle }
        }
        return false
    }
}
