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
    static let capacity = FormTable.maximumCount

    init(expectedCount: Int) {
        keys.reserveCapacity(expectedCount)
        starts.reserveCapacity(expectedCount + 1)
        bytes.reserveCapacity(expectedCount * 12)
    }

    var count: Int { keys.count }

    /// Collects `string`; returns its collection number, or nil when the collector is full.
    mutating func append(_ string: UnsafeBufferPointer<UInt8>) -> Int? {
        let number = keys.count
        guard number < Self.capacity, bytes.count + string.count <= FormTable.maximumBytes else { return nil }
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
