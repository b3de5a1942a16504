#if canImport(Glibc)
import Glibc
#endif

/// A set of byte strings, each with an index: the surface forms (or the lemmas) of
/// `SwedishLexicon`, in three flat arrays rather than a `Set<String>`.
///
/// sv_SE gives about 800,000 forms: as Swift strings in a hash set they would take several
/// times the memory and many allocations; here they are one byte arena, one offset array
/// and one open-addressing slot array (FNV-1a hash, linear probing, at most half full).
/// The slot of a string is the top bits of its hash, so strings sorted by hash fill the
/// slots in order: `FormCollector` builds a table that way in one pass over memory instead
/// of 800,000 random probes. Lookups compare bytes, so callers must pass NFC lowercase
/// UTF-8 as stored.
///
/// A slot also keeps 8 more bits of its string's hash (its tag) above the index, so a probe
/// passing a slot of another string reads neither that string's start nor its bytes (two
/// cache misses in tables this size) unless the tags agree: most words the compound
/// splitter asks about are not forms at all, and their probes now stop at the slot array.
struct FormTable: Sendable {
    /// Every string's bytes, back to back.
    private(set) var bytes: [UInt8] = []
    /// String `i` is `bytes[starts[i]..<starts[i + 1]]`.
    private(set) var starts: [UInt32] = [0]
    /// 0 for an empty slot, else `tag << 24 | (index + 1)` (`tag(of:)`, `slotIndexMask`).
    private var slots: [UInt32]
    /// 64 minus log2 of the slot count: a hash's slot is `hash >> shift`.
    private var shift: UInt64

    init(capacity: Int = 1024) {
        var bits: UInt64 = 4
        while 1 << bits < capacity * 2 { bits += 1 }
        slots = [UInt32](repeating: 0, count: 1 << bits)
        shift = 64 - bits
    }

    /// The number of strings.
    var count: Int { starts.count - 1 }

    /// Heap bytes held (capacities, not counts).
    var memoryBytes: Int { bytes.capacity + starts.capacity * 4 + slots.capacity * 4 }

    /// The most strings a table holds (readings keep a lemma index in 24 bits) and the most
    /// bytes (offsets are 32-bit). sv_SE needs 150,000 lemmas and 800,000 forms in 10 MB.
    /// One less than 2^24: a slot keeps index + 1 in its low 24 bits.
    static let maximumCount = (1 << 24) - 1
    /// The low 24 bits of a slot: the string's index + 1.
    static let slotIndexMask: UInt32 = 0x00FF_FFFF

    /// The 8 bits of `hash` a slot keeps above the index: bits 32–39, below the at most 24
    /// top bits that choose the slot and within the 40 that `FormCollector` keeps.
    @inline(__always)
    static func tag(of hash: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: hash >> 32) & 0xFF }
    static let maximumBytes = Int(UInt32.max)

    /// The index of `string`, adding it when new; nil when it is new and the table is full.
    mutating func intern(_ string: UnsafeBufferPointer<UInt8>) -> Int? {
        let hash = Self.hash(string)
        let (slot, found) = probe(string, hash: hash)
        if let found { return found }
        let index = count
        guard index < Self.maximumCount, bytes.count + string.count <= Self.maximumBytes else { return nil }
        bytes.append(contentsOf: string)
        starts.append(UInt32(bytes.count))
        slots[slot] = Self.tag(of: hash) << 24 | UInt32(index + 1)
        if count * 2 > slots.count { rehash(bits: 64 - shift + 1) }
        return index
    }

    /// The index of `string`, or nil.
    func find(_ string: UnsafeBufferPointer<UInt8>) -> Int? {
        probe(string, hash: Self.hash(string)).found
    }

    /// Linear probing from the string's hash: the index of `string` when it is in the
    /// table, else the empty slot where it would go.
    @inline(__always)
    private func probe(_ string: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (slot: Int, found: Int?) {
        var slot = Int(hash >> shift)
        let tag = Self.tag(of: hash)
        let last = slots.count - 1
        while true {
            let value = slots[slot]
            if value == 0 { return (slot, nil) }
            if value >> 24 == tag {
                let index = Int(value & Self.slotIndexMask) - 1
                if equals(index, string) { return (slot, index) }
            }
            slot = slot == last ? 0 : slot + 1
        }
    }

    /// The index of `string` (NFC lowercase, as stored), or nil.
    func find(_ string: String) -> Int? {
        var string = string
        return string.withUTF8 { find($0) }
    }

    /// String `index` (0..<count).
    func string(at index: Int) -> String {
        let start = Int(starts[index]), end = Int(starts[index + 1])
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self) }
    }

    /// A table of unique strings whose slots are given in increasing hash order
    /// (`FormCollector`): `hashOrder` holds each string's hash (its top 40 bits, the rest
    /// zero or ignored) and index. Each probe then lands at or just after the previous one.
    init(uniqueStrings bytes: [UInt8], starts: [UInt32], hashOrder: [(hash: UInt64, index: UInt32)]) {
        self.init(capacity: starts.count - 1)
        self.bytes = bytes
        self.starts = starts
        let last = slots.count - 1
        for (hash, index) in hashOrder {
            var slot = Int(hash >> shift)
            while slots[slot] != 0 { slot = slot == last ? 0 : slot + 1 }
            slots[slot] = Self.tag(of: hash) << 24 | (index + 1)
        }
    }

    @inline(__always)
    private func equals(_ index: Int, _ string: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(starts[index]), end = Int(starts[index + 1])
        guard end - start == string.count else { return false }
        return bytes.withUnsafeBufferPointer { stored in
            guard let base = stored.baseAddress, let other = string.baseAddress else { return string.isEmpty }
            return memcmp(base + start, other, string.count) == 0
        }
    }

    /// The table's arrays as stored by `SwedishLexiconCache`: bytes, starts, slots, shift.
    var parts: (bytes: [UInt8], starts: [UInt32], slots: [UInt32], shift: UInt64) { (bytes, starts, slots, shift) }

    /// A table from `parts` read back from a cache file, or nil when they do not make a
    /// table (so a damaged file can never index out of bounds): the starts run from 0 to
    /// the byte count without going down, the slot count is the power of two `shift`
    /// says, and every slot names a string or none (a wrong tag only makes a lookup miss).
    init?(bytes: [UInt8], starts: [UInt32], slots: [UInt32], shift: UInt64) {
        guard shift >= 1, shift <= 63, slots.count == 1 << (64 - shift), starts.first == 0,
              let last = starts.last, Int(last) == bytes.count, starts.count - 1 <= Self.maximumCount,
              (starts.count - 1) * 2 <= slots.count
        else { return nil }
        var previous: UInt32 = 0
        for start in starts {
            guard start >= previous else { return nil }
            previous = start
        }
        let count = UInt32(starts.count - 1)
        guard slots.allSatisfy({ $0 == 0 || (1...count).contains($0 & Self.slotIndexMask) }) else { return nil }
        self.bytes = bytes
        self.starts = starts
        self.slots = slots
        self.shift = shift
    }

    /// Rebuilds the slots with 2^bits of them.
    private mutating func rehash(bits: UInt64) {
        var table = [UInt32](repeating: 0, count: 1 << bits)
        let newShift = 64 - bits
        let last = table.count - 1
        bytes.withUnsafeBufferPointer { stored in
            for index in 0..<count {
                let string = UnsafeBufferPointer(rebasing: stored[Int(starts[index])..<Int(starts[index + 1])])
                let hash = Self.hash(string)
                var slot = Int(hash >> newShift)
                while table[slot] != 0 { slot = slot == last ? 0 : slot + 1 }
                table[slot] = Self.tag(of: hash) << 24 | UInt32(index + 1)
            }
        }
        slots = table
        shift = newShift
    }

    /// 64-bit FNV-1a, with a final mix so that the top bits (the slot) depend on every byte.
    @inline(__always)
    static func hash(_ string: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in string {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        hash ^= hash >> 33
        hash &*= 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 33
        return hash
    }
}
