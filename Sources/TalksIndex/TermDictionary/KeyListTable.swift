#if canImport(Glibc)
import Glibc
#endif

/// One key → list map of `.expansions` in its decoded form (FORMAT.md, "Expansions"):
/// keys sorted by their UTF-8 bytes, each with a list of `u32` entries.
///
/// Why a struct of flat arrays rather than `[String: [UInt32]]`: the writer builds five of
/// these per segment (eight with the lemma maps) from tens of thousands of pairs, and a
/// dictionary of arrays costs one hash, one array and, to sort the keys, one more lookup
/// per key. Pairs go into one byte arena (`KeyListTable.Builder`), are sorted once by
/// (key bytes, entry), and become the four sections directly. Entries of one key keep
/// ascending order, which is the order the writers used to append them in.
struct KeyListTable {
    /// Every key's bytes, back to back, in key order.
    private(set) var keyBytes: [UInt8] = []
    /// Key `i` is `keyBytes[keyEnds[i]..<keyEnds[i + 1]]`; starts with 0.
    private(set) var keyEnds: [UInt32] = [0]
    /// The list of key `i` is `entries[listEnds[i]..<listEnds[i + 1]]`; starts with 0.
    private(set) var listEnds: [UInt32] = [0]
    private(set) var entries: [UInt32] = []

    /// The number of keys.
    var count: Int { keyEnds.count - 1 }

    /// Key `index` as a string (keys are NFC UTF-8 as written).
    func key(_ index: Int) -> String {
        String(decoding: keyBytes[Int(keyEnds[index])..<Int(keyEnds[index + 1])], as: UTF8.self)
    }

    /// The entries of key `index`, ascending.
    func list(_ index: Int) -> ArraySlice<UInt32> {
        entries[Int(listEnds[index])..<Int(listEnds[index + 1])]
    }

    /// The four sections: key offsets, key bytes, list offsets, entries (little-endian `u32`).
    var sections: [[UInt8]] {
        [Self.littleEndian(keyEnds), keyBytes, Self.littleEndian(listEnds), Self.littleEndian(entries)]
    }

    private static func littleEndian(_ values: [UInt32]) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: values.count * 4)
        for (index, value) in values.enumerated() {
            bytes[index * 4] = UInt8(truncatingIfNeeded: value)
            bytes[index * 4 + 1] = UInt8(truncatingIfNeeded: value >> 8)
            bytes[index * 4 + 2] = UInt8(truncatingIfNeeded: value >> 16)
            bytes[index * 4 + 3] = UInt8(truncatingIfNeeded: value >> 24)
        }
        return bytes
    }

    /// Collects (key, entry) pairs in any order; `table()` sorts them once.
    ///
    /// Call order: any number of `append`, then `table()`. A pair appended twice is listed
    /// twice (the writers never do; the table keeps what it is given).
    struct Builder {
        private struct Pair {
            var start: Int
            var length: UInt32
            var entry: UInt32
        }

        /// Key bytes; one unused byte first, so the arena is never empty and always has a base address.
        private var arena: [UInt8] = [0]
        private var pairs: [Pair] = []

        init(capacity: Int = 0) {
            pairs.reserveCapacity(capacity)
            arena.reserveCapacity(1 + capacity * 12)
        }

        /// Adds `entry` to the list of `key`.
        mutating func append(_ key: String, _ entry: UInt32) {
            var key = key
            key.withUTF8 { append($0, entry) }
        }

        /// Adds `entry` to the list of the key with these UTF-8 bytes.
        mutating func append(_ key: UnsafeBufferPointer<UInt8>, _ entry: UInt32) {
            pairs.append(Pair(start: arena.count, length: UInt32(key.count), entry: entry))
            arena.append(contentsOf: key)
        }

        /// The pairs as a table: keys sorted by bytes, each key's entries ascending.
        func table() -> KeyListTable {
            var sorted = pairs
            var result = KeyListTable()
            arena.withUnsafeBufferPointer { arena in
                guard let base = arena.baseAddress else { return }
                func order(_ a: Pair, _ b: Pair) -> Int32 {
                    let common = Int(min(a.length, b.length))
                    let compared = common == 0 ? 0 : memcmp(base + a.start, base + b.start, common)
                    if compared != 0 { return compared }
                    return a.length == b.length ? 0 : (a.length < b.length ? -1 : 1)
                }
                sorted.sort { a, b in
                    let compared = order(a, b)
                    return compared != 0 ? compared < 0 : a.entry < b.entry
                }
                result.entries.reserveCapacity(sorted.count)
                var previous: Pair?
                for pair in sorted {
                    if let last = previous, order(last, pair) == 0 {
                        // Same key: extend its list.
                    } else {
                        if previous != nil { result.listEnds.append(UInt32(result.entries.count)) }
                        result.keyBytes.append(contentsOf: UnsafeBufferPointer(start: base + pair.start, count: Int(pair.length)))
                        result.keyEnds.append(UInt32(result.keyBytes.count))
                    }
                    result.entries.append(pair.entry)
                    previous = pair
                }
                if previous != nil { result.listEnds.append(UInt32(result.entries.count)) }
            }
            return result
        }
    }
}
