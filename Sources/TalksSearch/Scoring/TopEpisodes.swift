/// Keeps the best `capacity` scored episodes seen so far: a bounded min-heap, so collecting
/// the top `offset + limit` of N matches costs O(N log k) time and O(k) memory.
///
/// Order is score descending, then episode ordinal ascending, so equal scores rank the same
/// way on every run.
struct TopEpisodes {
    struct Entry: Hashable {
        var episode: Int
        var score: Double
    }

    let capacity: Int
    private(set) var heap: [Entry] = []

    init(capacity: Int) {
        self.capacity = max(0, capacity)
        heap.reserveCapacity(self.capacity)
    }

    /// True when `left` ranks below `right` (the heap's root is the worst entry kept).
    @inline(__always)
    static func ranksBelow(_ left: Entry, _ right: Entry) -> Bool {
        if left.score != right.score { return left.score < right.score }
        return left.episode > right.episode
    }

    /// The score an entry must beat to enter, once the heap is full.
    var threshold: Double? { heap.count == capacity ? heap.first?.score : nil }

    mutating func insert(episode: Int, score: Double) {
        guard capacity > 0 else { return }
        let entry = Entry(episode: episode, score: score)
        if heap.count < capacity {
            heap.append(entry)
            siftUp(heap.count - 1)
        } else if Self.ranksBelow(heap[0], entry) {
            heap[0] = entry
            siftDown(0)
        }
    }

    /// The kept entries, best first.
    func sorted() -> [Entry] {
        heap.sorted { Self.ranksBelow($1, $0) }
    }

    private mutating func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard Self.ranksBelow(heap[child], heap[parent]) else { return }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < heap.count, Self.ranksBelow(heap[left], heap[smallest]) { smallest = left }
            if right < heap.count, Self.ranksBelow(heap[right], heap[smallest]) { smallest = right }
            if smallest == parent { return }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
