#if canImport(Glibc)
import Glibc
#endif

/// Reads the `.expansions` file: five maps from a key to the term ordinals having it,
/// built when the segment is written so query expansion never scans the dictionary
/// (FORMAT.md, "Expansions").
///
/// Maps, in order: inflection key, folded key, compound-part key, lemma key, lemma form.
/// Each map is four sections: key offsets (u32 × (k+1)), key bytes (sorted by UTF-8), list
/// offsets (u32 × (k+1), in entries), entries (u32, ascending within a list): term
/// ordinals, except in the lemma-form map, whose entries are indexes of keys of the
/// lemma map.
struct ExpansionTablesReader {
    enum Map: Int, CaseIterable { case inflection = 0, folded, compoundPart, lemma, lemmaForm }
    /// Each map is four sections: key offsets, key bytes, list offsets, entries.
    static let sectionsPerMap = 4

    struct Table {
        let keyOffsets: UInt32Table
        let keys: UnsafeRawBufferPointer
        let listOffsets: UInt32Table
        let entries: UInt32Table

        var count: Int { keyOffsets.count - 1 }

        func key(_ index: Int) -> UnsafeRawBufferPointer {
            let start = Int(keyOffsets.unchecked(index))
            let end = Int(keyOffsets.unchecked(index + 1))
            guard start <= end, end <= keys.count else { return UnsafeRawBufferPointer(start: nil, count: 0) }
            return UnsafeRawBufferPointer(rebasing: keys[start..<end])
        }

        func compare(_ index: Int, _ probe: UnsafeRawBufferPointer) -> Int {
            let stored = key(index)
            let shared = min(stored.count, probe.count)
            if shared > 0, let left = stored.baseAddress, let right = probe.baseAddress {
                let result = memcmp(left, right, shared)
                if result != 0 { return Int(result) }
            }
            return stored.count - probe.count
        }

        /// The index of the first key not below `probe` (byte order).
        func lowerBound(_ probe: UnsafeRawBufferPointer) -> Int {
            var low = 0
            var high = count
            while low < high {
                let middle = (low + high) >> 1
                if compare(middle, probe) < 0 { low = middle + 1 } else { high = middle }
            }
            return low
        }

        func lookup(_ probe: UnsafeRawBufferPointer, termCount: Int) -> [Int] {
            let low = lowerBound(probe)
            guard low < count, compare(low, probe) == 0 else { return [] }
            return list(low, bound: termCount)
        }

        /// The entries of key `index` below `bound` (entries at or past it are damage).
        func list(_ index: Int, bound: Int) -> [Int] {
            guard index >= 0, index < count else { return [] }
            let start = Int(listOffsets.unchecked(index))
            let end = Int(listOffsets.unchecked(index + 1))
            guard start <= end, end <= entries.count else { return [] }
            var result: [Int] = []
            result.reserveCapacity(end - start)
            for position in start..<end {
                let entry = Int(entries.unchecked(position))
                if entry < bound { result.append(entry) }
            }
            return result
        }

        /// The indexes of the keys starting with `prefix` (byte-wise), a contiguous range.
        func keys(withPrefix prefix: UnsafeRawBufferPointer) -> Range<Int> {
            let low = lowerBound(prefix)
            var high = low
            while high < count && hasPrefix(high, prefix) { high += 1 }
            return low..<high
        }

        func hasPrefix(_ index: Int, _ prefix: UnsafeRawBufferPointer) -> Bool {
            let stored = key(index)
            guard stored.count >= prefix.count else { return false }
            guard prefix.count > 0, let left = stored.baseAddress, let right = prefix.baseAddress else { return true }
            return memcmp(left, right, prefix.count) == 0
        }
    }

    let tables: [Table]
    let termCount: Int

    init(_ sections: [UnsafeRawBufferPointer], file: String, termCount: Int) throws(IndexError) {
        guard sections.count == SegmentLayout.sectionCount(.expansions) else {
            throw .corrupt(file: file, detail: "expected \(SegmentLayout.sectionCount(.expansions)) sections, found \(sections.count)")
        }
        var tables: [Table] = []
        for map in Map.allCases {
            let base = map.rawValue * Self.sectionsPerMap
            let table = Table(keyOffsets: UInt32Table(sections[base]), keys: sections[base + 1],
                              listOffsets: UInt32Table(sections[base + 2]), entries: UInt32Table(sections[base + 3]))
            guard table.keyOffsets.count >= 1, table.listOffsets.count == table.keyOffsets.count,
                  Int(table.keyOffsets.unchecked(table.count)) == table.keys.count,
                  Int(table.listOffsets.unchecked(table.count)) == table.entries.count else {
                throw .corrupt(file: file, detail: "the \(map) table's offsets do not match its data")
            }
            tables.append(table)
        }
        self.tables = tables
        self.termCount = termCount
    }

    /// The largest entry a map's lists may hold plus one: the term count, or for the
    /// lemma-form map the lemma map's key count.
    func bound(_ map: Map) -> Int {
        map == .lemmaForm ? tables[Map.lemma.rawValue].count : termCount
    }

    func lookup(_ map: Map, _ key: String) -> [Int] {
        var key = key
        let bound = bound(map)
        return key.withUTF8 { utf8 in
            tables[map.rawValue].lookup(UnsafeRawBufferPointer(utf8), termCount: bound)
        }
    }
}
