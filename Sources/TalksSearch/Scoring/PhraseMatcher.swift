import TalksIndex

/// Finds documents where terms occur at consecutive positions: a phrase within one cue
/// (transcript) or within one metadata field of an episode.
///
/// Leapfrogs the terms' postings cursors with `advance(to:)` (skip tables make a rare term
/// cheap to intersect with a common one), then checks positions only in documents that hold
/// every term. Position buffers are reused across documents.
struct PhraseMatcher {
    private var positions: [[UInt32]] = []
    /// Terms in the phrase being matched (`positions` may hold more buffers from earlier).
    private var length = 0

    /// Calls `body(document, startPositions)` for each document in `range` holding the
    /// phrase `ordinals` (term ordinals in phrase order) in `field`.
    mutating func forEachMatch(
        segment: SegmentReader, ordinals: [Int], field: Field, range: Range<Int>? = nil,
        _ body: (_ document: Int, _ starts: [UInt32]) -> Void
    ) {
        guard !ordinals.isEmpty else { return }
        var cursors = ordinals.map { segment.postings(term: $0, field: field) }
        if cursors.contains(where: { $0.count == 0 }) { return }
        if positions.count < ordinals.count {
            positions = Array(repeating: [], count: ordinals.count)
        }
        length = ordinals.count
        // Drive with the rarest term.
        let order = cursors.indices.sorted { cursors[$0].count < cursors[$1].count }
        var target = range?.lowerBound ?? 0
        let end = range?.upperBound ?? Int.max
        var starts: [UInt32] = []
        search: while target < end {
            var agreed = true
            for index in order {
                guard cursors[index].advance(to: target) else { break search }
                let document = cursors[index].document
                if document >= end { break search }
                if document > target {
                    target = document
                    agreed = false
                    break
                }
            }
            if !agreed { continue }
            for index in cursors.indices {
                cursors[index].positions(into: &positions[index])
            }
            starts.removeAll(keepingCapacity: true)
            for start in positions[0] where matchesAt(start) {
                starts.append(start)
            }
            if !starts.isEmpty { body(target, starts) }
            target += 1
        }
    }

    /// Whether term i of the phrase occurs at `start + i` for every i ≥ 1.
    private func matchesAt(_ start: UInt32) -> Bool {
        var index = 1
        while index < length {
            let wanted = start &+ UInt32(index)
            if !Self.contains(positions[index], wanted) { return false }
            index += 1
        }
        return true
    }

    /// Binary search in an ascending position list.
    @inline(__always)
    static func contains(_ list: [UInt32], _ value: UInt32) -> Bool {
        var low = 0
        var high = list.count
        while low < high {
            let middle = (low + high) >> 1
            let element = list[middle]
            if element == value { return true }
            if element < value { low = middle + 1 } else { high = middle }
        }
        return false
    }
}
