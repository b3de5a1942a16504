import Dispatch
import TalksAnalysis

/// Builds the three expansion maps of a segment from its sorted vocabulary
/// (FORMAT.md, "Expansions"); the reader is `ExpansionTablesReader`.
///
/// - inflection: `ExpansionKeys.inflection(term)` → terms
/// - folded: `ExpansionKeys.folded(term)` → terms (only terms whose folded key differs
///   from their inflection key need it, but all are listed so lookups are one step)
/// - compound part: for each term that `CompoundSplitter` splits (a part is a word when
///   it, or its inflection key, is a term or an inflection key of this vocabulary), the
///   inflection key of each part → the term.
/// Keys are computed on both cores.
enum ExpansionTablesWriter {
    static func build(terms: [String]) -> [[UInt8]] {
        let count = terms.count
        let workers = 2
        var keys = [String](repeating: "", count: count)
        var folded = [String](repeating: "", count: count)
        keys.withUnsafeMutableBufferPointer { keyBuffer in
            folded.withUnsafeMutableBufferPointer { foldedBuffer in
                let keyOut = UnsafeMutableSendable(keyBuffer)
                let foldedOut = UnsafeMutableSendable(foldedBuffer)
                DispatchQueue.concurrentPerform(iterations: workers) { worker in
                    var index = worker
                    while index < count {
                        let key = ExpansionKeys.inflection(terms[index])
                        keyOut.buffer[index] = key
                        foldedOut.buffer[index] = ExpansionKeys.folded(terms[index])
                        index += workers
                    }
                }
            }
        }
        var lexicon = Set<String>(terms)
        for key in keys { lexicon.insert(key) }
        let isWord: @Sendable (String) -> Bool = { [lexicon] in lexicon.contains($0) }
        var parts = [[String]?](repeating: nil, count: count)
        parts.withUnsafeMutableBufferPointer { partBuffer in
            let out = UnsafeMutableSendable(partBuffer)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                let splitter = CompoundSplitter()
                var index = worker
                while index < count {
                    let term = terms[index]
                    if term.utf8.count >= 2 * splitter.minimumPartLength {
                        out.buffer[index] = splitter.split(term, isWord: isWord)
                    }
                    index += workers
                }
            }
        }
        var inflectionMap: [String: [UInt32]] = [:]
        var foldedMap: [String: [UInt32]] = [:]
        var partMap: [String: [UInt32]] = [:]
        for index in 0..<count {
            inflectionMap[keys[index], default: []].append(UInt32(index))
            foldedMap[folded[index], default: []].append(UInt32(index))
            if let split = parts[index] {
                var seen = Set<String>()
                for part in split {
                    let key = ExpansionKeys.inflection(part)
                    if seen.insert(key).inserted { partMap[key, default: []].append(UInt32(index)) }
                }
            }
        }
        return table(inflectionMap) + table(foldedMap) + table(partMap)
    }

    /// Four sections: key offsets, key bytes, list offsets, entries.
    static func table(_ map: [String: [UInt32]]) -> [[UInt8]] {
        let sortedKeys = map.keys.map { Array($0.utf8) }.sorted { $0.lexicographicallyPrecedes($1) }
        var keyOffsets = ByteWriter(capacity: (sortedKeys.count + 1) * 4)
        var keyBytes: [UInt8] = []
        var listOffsets = ByteWriter(capacity: (sortedKeys.count + 1) * 4)
        var entries = ByteWriter()
        keyOffsets.appendUInt32(0)
        listOffsets.appendUInt32(0)
        var entryCount: UInt32 = 0
        for key in sortedKeys {
            keyBytes.append(contentsOf: key)
            keyOffsets.appendUInt32(UInt32(keyBytes.count))
            for ordinal in map[String(decoding: key, as: UTF8.self)] ?? [] {
                entries.appendUInt32(ordinal)
                entryCount += 1
            }
            listOffsets.appendUInt32(entryCount)
        }
        return [keyOffsets.bytes, keyBytes, listOffsets.bytes, entries.bytes]
    }
}

/// Lets `concurrentPerform` workers write disjoint elements of one buffer.
struct UnsafeMutableSendable<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element>
    init(_ buffer: UnsafeMutableBufferPointer<Element>) { self.buffer = buffer }
}
