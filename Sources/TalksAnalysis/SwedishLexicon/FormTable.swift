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
struct FormTable: Sendable {
    /// Every string's bytes, back to back.
    private(set) var bytes: [UInt8] = []
    /// String `i` is `bytes[starts[i]..<starts[i + 1]]`.
    private(set) var starts: [UInt32] = [0]
    /// 0 for an empty slot, else the string's index + 1.
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

    /// The index of `string`, adding it when new.
    mutating func intern(_ string: UnsafeBufferPointer<UInt8>) -> Int {
        var slot = Int(Self.hash(string) >> shift)
        let last = slots.count - 1
        while slots[slot] != 0 {
            let index = Int(slots[slot] - 1)
            if equals(index, string) { return index }
            slot = slot == last ? 0 : slot + 1
        }
        let index = count
        bytes.append(contentsOf: string)
        starts.append(UInt32(bytes.count))
        slots[slot] = UInt32(index + 1)
        if count * 2 > slots.count { rehash(bits: 64 - shift + 1) }
        return index
    }

    /// The index of `string`, or nil.
    func find(_ string: UnsafeBufferPointer<UInt8>) -> Int? {
        var slot = Int(Self.hash(string) >> shift)
        let last = slots.count - 1
        while slots[slot] != 0 {
            let index = Int(slots[slot] - 1)
            if equals(index, string) { return index }
            slot = slot == last ? 0 : slot + 1
        }
        return nil
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
            slots[slot] = index + 1
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

    /// Rebuilds the slots with 2^bits of them.
    private mutating func rehash(bits: UInt64) {
        var table = [UInt32](repeating: 0, count: 1 << bits)
        let newShift = 64 - bits
        let last = table.count - 1
        bytes.withUnsafeBufferPointer { stored in
            for index in 0..<count {
                let string = UnsafeBufferPointer(rebasing: stored[Int(starts[index])..<Int(starts[index + 1])])
                var slot = Int(Self.hash(string) >> newShift)
                while table[slot] != 0 { slot = slot == last ? 0 : slot + 1 }
                table[slot] = UInt32(index + 1)
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

/// Collects strings with repeats, then builds their `FormTable` in one sorted pass and
/// says which table index each collected string got.
///
/// Why not `FormTable.intern` for the forms: interning probes a random slot of an 8 MB
/// table per form, a cache miss each time; sorting the strings by hash first makes the
/// probes sequential, which halves the lexicon's load time.
struct FormCollector {
    private var bytes: [UInt8] = []
    private var starts: [UInt32] = [0]
    /// Per collected string: its hash's top 40 bits, then its collection number (24 bits).
    private var keys: [UInt64] = []

    /// The most strings a collector takes (collection numbers have 24 bits).
    static let capacity = 1 << 24

    init(expectedCount: Int) {
        keys.reserveCapacity(expectedCount)
        starts.reserveCapacity(expectedCount + 1)
        bytes.reserveCapacity(expectedCount * 12)
    }

    var count: Int { keys.count }

    /// Collects `string`; returns its collection number, or nil when the collector is full.
    mutating func append(_ string: UnsafeBufferPointer<UInt8>) -> Int? {
        let number = keys.count
        guard number < Self.capacity else { return nil }
        bytes.append(contentsOf: string)
        starts.append(UInt32(bytes.count))
        keys.append((FormTable.hash(string) >> 24) << 24 | UInt64(number))
        return number
    }

    /// The table of the distinct strings, and for each collection number its table index.
    ///
    /// Sorted by hash, equal strings are neighbours (in collection order, the sort being
    /// stable), so only strings sharing a hash are compared; the first of each kept. The
    /// kept strings stay in collection order (one sequential copy) and the slots are filled
    /// in hash order (sequential too).
    consuming func finish() -> (table: FormTable, indexOfCollected: [UInt32]) {
        Self.sortByHash(&keys)
        let count = keys.count
        /// For each collection number, the number of the first equal string (itself if first).
        var firstEqual = [UInt32](repeating: 0, count: count)
        var groupFirsts: [Int] = []
        bytes.withUnsafeBufferPointer { stored in
            func string(_ number: Int) -> UnsafeBufferPointer<UInt8> {
                UnsafeBufferPointer(rebasing: stored[Int(starts[number])..<Int(starts[number + 1])])
            }
            for position in 0..<count {
                let number = Int(keys[position] & 0xFF_FFFF)
                let sameHashAsPrevious = position > 0 && keys[position - 1] >> 24 == keys[position] >> 24
                if !sameHashAsPrevious {
                    groupFirsts.removeAll(keepingCapacity: true)
                    groupFirsts.append(number)
                    firstEqual[number] = UInt32(number)
                    continue
                }
                let candidate = string(number)
                if let earlier = groupFirsts.first(where: { string($0).elementsEqual(candidate) }) {
                    firstEqual[number] = UInt32(earlier)
                } else {
                    groupFirsts.append(number)
                    firstEqual[number] = UInt32(number)
                }
            }
        }
        var indexOfCollected = [UInt32](repeating: 0, count: count)
        var uniqueBytes: [UInt8] = []
        uniqueBytes.reserveCapacity(bytes.count)
        var uniqueStarts: [UInt32] = [0]
        uniqueStarts.reserveCapacity(count + 1)
        bytes.withUnsafeBufferPointer { stored in
            for number in 0..<count {
                let first = Int(firstEqual[number])
                if first != number {
                    indexOfCollected[number] = indexOfCollected[first]
                    continue
                }
                indexOfCollected[number] = UInt32(uniqueStarts.count - 1)
                uniqueBytes.append(contentsOf: UnsafeBufferPointer(rebasing: stored[Int(starts[number])..<Int(starts[number + 1])]))
                uniqueStarts.append(UInt32(uniqueBytes.count))
            }
        }
        var hashOrder: [(hash: UInt64, index: UInt32)] = []
        hashOrder.reserveCapacity(uniqueStarts.count - 1)
        for key in keys {
            let number = Int(key & 0xFF_FFFF)
            if firstEqual[number] == UInt32(number) { hashOrder.append((key, indexOfCollected[number])) }
        }
        return (FormTable(uniqueStrings: uniqueBytes, starts: uniqueStarts, hashOrder: hashOrder), indexOfCollected)
    }

    /// Sorts the keys by their top 40 bits (the hash), least significant 16-bit digit first
    /// (LSD radix sort, stable): three passes over memory where a comparison sort of
    /// random keys would take several times as long.
    private static func sortByHash(_ keys: inout [UInt64]) {
        var other = [UInt64](repeating: 0, count: keys.count)
        for shift: UInt64 in [24, 40, 56] {
            let digits = shift == 56 ? 256 : 65_536
            var counts = [Int](repeating: 0, count: digits + 1)
            for key in keys { counts[Int(key >> shift & UInt64(digits - 1)) + 1] += 1 }
            for digit in 0..<digits { counts[digit + 1] += counts[digit] }
            for key in keys {
                let digit = Int(key >> shift & UInt64(digits - 1))
                other[counts[digit]] = key
                counts[digit] += 1
            }
            swap(&keys, &other)
        }
    }
}
