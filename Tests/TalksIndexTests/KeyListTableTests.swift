import XCTest
@testable import TalksIndex

/// `KeyListTable` against the straightforward build it replaced (a dictionary of arrays,
/// keys sorted by UTF-8 bytes, entries in the order appended): same four sections for
/// pairs given in any order, with non-ASCII keys, repeated pairs and an empty key.
final class KeyListTableTests: XCTestCase {
    /// The reference: what `ExpansionTablesWriter.table` wrote before (entries appended in
    /// ascending order, as every writer appends them).
    private func reference(_ pairs: [(String, UInt32)]) -> [[UInt8]] {
        var map: [String: [UInt32]] = [:]
        for (key, entry) in pairs.sorted(by: { $0.1 < $1.1 }) { map[key, default: []].append(entry) }
        let keys = map.keys.map { Array($0.utf8) }.sorted { $0.lexicographicallyPrecedes($1) }
        var keyOffsets: [UInt32] = [0], listOffsets: [UInt32] = [0], entries: [UInt32] = []
        var keyBytes: [UInt8] = []
        for key in keys {
            keyBytes += key
            keyOffsets.append(UInt32(keyBytes.count))
            entries += map[String(decoding: key, as: UTF8.self)] ?? []
            listOffsets.append(UInt32(entries.count))
        }
        let littleEndian = { (values: [UInt32]) in values.flatMap { value in (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } } }
        return [littleEndian(keyOffsets), keyBytes, littleEndian(listOffsets), littleEndian(entries)]
    }

    private func table(_ pairs: [(String, UInt32)]) -> KeyListTable {
        var builder = KeyListTable.Builder()
        for (key, entry) in pairs { builder.append(key, entry) }
        return builder.table()
    }

    func testSectionsMatchTheDictionaryBuildForPairsInAnyOrder() {
        // `ö` (C3 B6) sorts after `z` by bytes; `vapen` is a prefix of `vapnen`'s neighbours.
        let pairs: [(String, UInt32)] = [
            ("vapnet", 7), ("vapen", 4), ("öken", 2), ("zebra", 9), ("vapen", 1), ("vap", 3), ("öknen", 2),
            ("vapen", 5), ("", 6), ("å", 0), ("vapnet", 8), ("vapen", 5),
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20 {
            let shuffled = pairs.shuffled(using: &generator)
            XCTAssertEqual(table(shuffled).sections, reference(pairs))
        }
        let built = table(pairs)
        XCTAssertEqual((0..<built.count).map(built.key), ["", "vap", "vapen", "vapnet", "zebra", "å", "öken", "öknen"])
        XCTAssertEqual(Array(built.list(2)), [1, 4, 5, 5], "entries ascending, a repeated pair kept")
    }

    func testNoPairsGiveFourEmptySections() {
        XCTAssertEqual(table([]).sections, [[0, 0, 0, 0], [], [0, 0, 0, 0], []])
        XCTAssertEqual(table([]).sections, reference([]))
    }

    func testManyGeneratedKeysMatchTheDictionaryBuild() {
        var generator = SystemRandomNumberGenerator()
        let letters = Array("aeiksnrtåäö")
        var pairs: [(String, UInt32)] = []
        for entry in 0..<3_000 {
            let length = Int.random(in: 1...6, using: &generator)
            let key = String((0..<length).map { _ in letters.randomElement(using: &generator) ?? "a" })
            pairs.append((key, UInt32(entry % 700)))
        }
        XCTAssertEqual(table(pairs.shuffled(using: &generator)).sections, reference(pairs))
    }
}
