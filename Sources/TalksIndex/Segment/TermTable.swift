#if canImport(Glibc)
import Glibc
#endif

/// An open-addressing hash table from term bytes to dense term ids, with the bytes kept in
/// one arena: the in-memory vocabulary of a segment being built.
///
/// No `String` per term: lookups compare bytes with `memcmp` against the arena.
struct TermTable {
    private var slots: [Int32]
    private var mask: Int
    private(set) var hashes: [UInt64] = []
    private(set) var arena: [UInt8] = []
    /// Start of term `id` in `arena`; term `id` ends at `starts[id + 1]` (or the arena end).
    private(set) var starts: [UInt32] = [0]

    var count: Int { hashes.count }

    init(capacity: Int = 1 << 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    func bytes(_ id: Int) -> ArraySlice<UInt8> {
        arena[Int(starts[id])..<Int(starts[id + 1])]
    }

    /// The id of the term, or nil when it is not in the table.
    @inline(__always)
    func find(_ term: UnsafeRawBufferPointer, hash: UInt64) -> Int? {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let id = Int(slots[slot])
            if id < 0 { return nil }
            if hashes[id] == hash && equals(id, term) { return id }
            slot = (slot &+ 1) & mask
        }
    }

    /// The id of the term, adding it when new.
    @inline(__always)
    mutating func intern(_ term: UnsafeRawBufferPointer, hash: UInt64) -> Int {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let id = Int(slots[slot])
            if id < 0 { break }
            if hashes[id] == hash && equals(id, term) { return id }
            slot = (slot &+ 1) & mask
        }
        let id = hashes.count
        slots[slot] = Int32(id)
        hashes.append(hash)
        arena.append(contentsOf: term)
        starts.append(UInt32(truncatingIfNeeded: arena.count))
        if hashes.count * 2 > slots.count { grow() }
        return id
    }

    @inline(__always)
    private func equals(_ id: Int, _ term: UnsafeRawBufferPointer) -> Bool {
        let start = Int(starts[id])
        let length = Int(starts[id + 1]) - start
        guard length == term.count else { return false }
        if length == 0 { return true }
        return arena.withUnsafeBytes { stored in
            guard let left = stored.baseAddress, let right = term.baseAddress else { return false }
            return memcmp(left + start, right, length) == 0
        }
    }

    private mutating func grow() {
        let size = slots.count * 2
        var fresh = [Int32](repeating: -1, count: size)
        let newMask = size - 1
        for id in 0..<hashes.count {
            var slot = Int(truncatingIfNeeded: hashes[id]) & newMask
            while fresh[slot] >= 0 { slot = (slot &+ 1) & newMask }
            fresh[slot] = Int32(id)
        }
        slots = fresh
        mask = newMask
    }

    /// Term ids sorted by their bytes (the dictionary order).
    func sortedIDs() -> [Int] {
        arena.withUnsafeBytes { raw -> [Int] in
            guard let base = raw.baseAddress else { return Array(0..<count) }
            return (0..<count).sorted { left, right in
                let leftStart = Int(starts[left]), leftLength = Int(starts[left + 1]) - leftStart
                let rightStart = Int(starts[right]), rightLength = Int(starts[right + 1]) - rightStart
                let shared = min(leftLength, rightLength)
                let result = shared > 0 ? memcmp(base + leftStart, base + rightStart, shared) : 0
                return result != 0 ? result < 0 : leftLength < rightLength
            }
        }
    }

    /// Approximate heap bytes held.
    var memoryBytes: Int { slots.capacity * 4 + hashes.capacity * 8 + starts.capacity * 4 + arena.capacity }
}
