import Foundation
import XCTest
@testable import TalksIndex
@testable import TalksSearch

/// A postings or positions list that turns out to be damaged in the middle of a query fails
/// the search with an `IndexError` naming the file, instead of silently dropping what lies
/// beyond the damage. The damage here passes opening: the file's CRC-32C footer is
/// recomputed afterwards (as a writer bug, or damage before the checksum was taken, would
/// leave it), so only the cursor can notice.
final class DamagedPostingsSearchTests: XCTestCase {
    /// "våtmarker" once in one cue of each of three episodes, right after "gröna".
    private func makeIndex() throws -> TestIndex {
        try TestIndex([
            TestIndex.episode("a", title: "Vatten", cues: ["Torkan 2018 var svår.", "Vi anlade gröna våtmarker i fjol."]),
            TestIndex.episode("b", title: "Landskap", cues: ["Gröna våtmarker håller vatten.", "Det är viktigt."]),
            TestIndex.episode("c", title: "Jordbruk", cues: ["Och sen kom regnet.", "Om gröna våtmarker på slätten."]),
        ])
    }

    /// Where `term`'s list for `field` (nil: the per-episode transcript aggregate) lies in
    /// segment 0, as (file, first byte, byte count)
    /// with file offsets (the single section of `.postings` and `.positions` starts after
    /// the 32-byte header, FORMAT.md "The file container").
    private func list(_ index: TestIndex, _ term: String, _ field: Field?, positions: Bool)
        throws -> (file: String, start: Int, count: Int) {
        let segment = try XCTUnwrap(index.searcher.reader.segments.first)
        let ordinal = try XCTUnwrap(segment.termOrdinal(term))
        let info = try XCTUnwrap(segment.dictionary.streamInfo(ordinal, field.map { .init($0) } ?? .episodeTranscript))
        let file = index.directory + "/" + segment.id.fileName(positions ? .positions : .postings)
        return positions
            ? (file, FileContainer.headerSize + info.positionsOffset, info.positionsLength)
            : (file, FileContainer.headerSize + info.postingsOffset, info.postingsLength)
    }

    /// Sets one byte of a segment file and recomputes its CRC-32C footer, then reopens.
    private func damage(_ index: TestIndex, file: String, at offset: Int, to value: UInt8) throws {
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
        XCTAssertNotEqual(bytes[offset], value, "the damage must change the byte")
        bytes[offset] = value
        let crc = CRC32C.checksum(Array(bytes[0..<(bytes.count - 4)]))
        for shift in 0..<4 { bytes[bytes.count - 4 + shift] = UInt8(truncatingIfNeeded: crc >> UInt32(shift * 8)) }
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        try index.update()
    }

    private func assertFailsNaming(_ index: TestIndex, _ query: String, _ fileName: String,
                                   file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try index.search(query, hits: 3), query, file: file, line: line) { error in
            guard case IndexError.corrupt(let named, let detail) = error else {
                return XCTFail("\(query): expected IndexError.corrupt, got \(error)", file: file, line: line)
            }
            XCTAssertEqual(named, fileName, file: file, line: line)
            XCTAssertTrue(detail.contains("våtmarker"), "names the term: \(detail)", file: file, line: line)
            XCTAssertTrue("\(error)".contains("talks verify"), "\(error)", file: file, line: line)
        }
    }

    func testUndamagedIndexFindsAllThree() throws {
        let index = try makeIndex()
        XCTAssertEqual(try index.ids("våtmarker").sorted(), ["a", "b", "c"])
        XCTAssertEqual(try index.ids("\"gröna våtmarker\"").sorted(), ["a", "b", "c"])
    }

    /// The per-episode list (what ranks episodes): its last document's VarInt becomes a lone
    /// continuation byte, so the list ends after two of its three documents.
    func testDamagedEpisodeListFailsTheSearchNamingThePostingsFile() throws {
        let index = try makeIndex()
        let list = try list(index, "våtmarker", nil, positions: false)
        try damage(index, file: list.file, at: list.start + list.count - 1, to: 0x80)
        assertFailsNaming(index, "våtmarker", "seg-1-0.postings")
        assertFailsNaming(index, "torkan OR våtmarker", "seg-1-0.postings")
        // An exclusion works per cue (its cue lists, intact here), so it does not need the
        // damaged episode list: c's "Och sen kom regnet." does not say våtmarker.
        XCTAssertEqual(try index.ids("regnet -våtmarker"), ["c"])
        // Other words are not affected.
        XCTAssertEqual(try index.ids("regnet"), ["c"])
    }

    /// The per-cue list (what picks the hits of the ranked episodes).
    func testDamagedCueListFailsTheSearchNamingThePostingsFile() throws {
        let index = try makeIndex()
        let list = try list(index, "våtmarker", .transcript, positions: false)
        try damage(index, file: list.file, at: list.start + list.count - 1, to: 0x80)
        assertFailsNaming(index, "våtmarker", "seg-1-0.postings")
        assertFailsNaming(index, "\"gröna våtmarker\"", "seg-1-0.postings")
        // An exclusion reads the cue lists: c says "regnet" in another cue than "våtmarker",
        // which only the damaged list can tell.
        assertFailsNaming(index, "regnet -våtmarker", "seg-1-0.postings")
    }

    /// The positions a phrase needs: the last position of the list runs past its end.
    func testDamagedPositionsFailAPhraseSearchNamingThePositionsFile() throws {
        let index = try makeIndex()
        let list = try list(index, "våtmarker", .transcript, positions: true)
        try damage(index, file: list.file, at: list.start + list.count - 1, to: 0x81)
        assertFailsNaming(index, "\"gröna våtmarker\"", "seg-1-0.positions")
    }
}
