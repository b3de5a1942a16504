import Foundation
import XCTest

/// End-to-end tests of `talks search` as a viewer uses it on a fresh checkout: the index is
/// built from `archive/` on first use, results name the episode and the moment (timestamp,
/// speaker, marked snippet, link at that second), and the Swedish expansions reach the CLI.
final class SearchCommandTests: XCTestCase {
    private var workspace: URL?

    /// A working directory holding a copy of the shipped `archive/` and no index yet.
    override func setUpWithError() throws {
        try TalksExecutable.requireBuilt()
        let archive = TalksExecutable.repositoryRoot.appendingPathComponent("archive")
        try XCTSkipUnless(FileManager.default.fileExists(atPath: archive.path), "no archive/ in this checkout")
        let directory = try TalksExecutable.temporaryDirectory("search")
        try FileManager.default.copyItem(at: archive, to: directory.appendingPathComponent("archive"))
        workspace = directory
    }

    override func tearDownWithError() throws {
        if let workspace { try? FileManager.default.removeItem(at: workspace) }
    }

    private func search(_ arguments: String...) throws -> TalksExecutable.Run {
        try TalksExecutable.run(["search"] + arguments, in: workspace)
    }

    func testFirstSearchBuildsTheIndexFromTheArchiveThenReusesIt() throws {
        let first = try search("livsmedelsstrategi")
        XCTAssertEqual(first.status, 0, first.error)
        XCTAssertTrue(first.error.contains("building it from archive/"), first.error)
        XCTAssertTrue(first.output.hasPrefix("Landet lär #64 · Regionala livsmedelsstrategier: erfarenheter från Jämtland och Skåne · 2023-04-19\n"), first.output)
        // The moment: timestamp, speaker, the match marked (bold on terminals only, so plain here), link at that second.
        XCTAssertTrue(first.output.contains(
            "  [00:24] Lisa Holmberg: Ja, det började med att riksdagen beslutade om en nationell livsmedelsstrategi 2017.  https://media.example.org/landet-lar/64.mp4#t=24\n"),
            first.output)
        XCTAssertTrue(first.output.hasSuffix("1–4 of 4 episodes.\n"), first.output)

        let second = try search("livsmedelsstrategi")
        XCTAssertEqual(second.status, 0, second.error)
        XCTAssertFalse(second.error.contains("building"), "the index built by the first search is reused: \(second.error)")
        XCTAssertEqual(second.output, first.output)
    }

    func testSwedishFormsReachTheCommandLine() throws {
        // A compound head with its linking -s-, a form typed without å/ä/ö, and a typo: each
        // finds the form said in the transcript, and the snippet marks that form.
        let cases = [
            (["livsmedel", "riksdagen"], "<mark>livsmedelsstrategi</mark>"),
            (["vatmarker"], "<mark>våtmarker</mark>"),
            (["livsmedelstrategi"], "<mark>livsmedelsstrategi</mark>"),
            (["torka"], "<mark>torkan</mark>"),
        ]
        for (words, marked) in cases {
            let run = try TalksExecutable.run(["search"] + words + ["--json", "--hits", "10"], in: workspace)
            XCTAssertEqual(run.status, 0, run.error)
            XCTAssertTrue(run.output.contains(marked), "\(words) → \(run.output)")
        }
    }

    func testNothingFoundSaysSoAndSuggests() throws {
        // Too short for typo matching (under five letters): no hits, but the nearest terms.
        let short = try search("vatn")
        XCTAssertEqual(short.status, 0, short.error)
        XCTAssertTrue(short.output.hasPrefix("Inga träffar för \"vatn\".\nMenade du: "), short.output)
        let none = try search("xyzzyqw")
        XCTAssertEqual(none.output, "Inga träffar för \"xyzzyqw\".\n")
    }

    func testBadQueryAndUsageErrorsExit64WithTheReason() throws {
        let unclosed = try search("strategi AND (")
        XCTAssertEqual(unclosed.status, 64)
        XCTAssertTrue(unclosed.error.contains("bad query at column 14"), unclosed.error)
        let missing = try search()
        XCTAssertEqual(missing.status, 64)
        XCTAssertTrue(missing.error.contains("missing argument query"), missing.error)
        let badLimit = try search("torka", "--limit", "many")
        XCTAssertEqual(badLimit.status, 64)
    }

    /// Damage a checksum cannot show (a writer that wrote bad bytes, then their CRC-32C):
    /// every byte of the postings section is overwritten and the footer recomputed, so the
    /// file opens. The search must fail naming the file, not answer "no hits".
    func testDamagedPostingsFailTheSearchNamingTheFile() throws {
        XCTAssertEqual(try search("livsmedelsstrategi").status, 0)
        let workspace = try XCTUnwrap(workspace)
        try Self.overwriteFirstSectionKeepingTheChecksum(workspace.appendingPathComponent("index/seg-1-0.postings"))
        let damaged = try search("livsmedelsstrategi")
        XCTAssertEqual(damaged.status, 1, damaged.output)
        XCTAssertEqual(damaged.output, "")
        XCTAssertTrue(damaged.error.hasPrefix("talks search: seg-1-0.postings is corrupt: "), damaged.error)
        XCTAssertTrue(damaged.error.contains("term \"livsmedelsstrategi\""), damaged.error)
        XCTAssertTrue(damaged.error.contains("Run 'talks verify'"), damaged.error)
        let verify = try TalksExecutable.run(["verify"], in: workspace)
        XCTAssertEqual(verify.status, 1)
        XCTAssertTrue(verify.output.contains("seg-1-0.postings is corrupt") || verify.error.contains("seg-1-0.postings is corrupt"),
                      verify.output + verify.error)
    }

    /// Sets every byte of a segment file's first section to FF and rewrites its CRC-32C
    /// footer (FORMAT.md, "The file container": the section table offset is the u64 at
    /// end−16, the table holds a u32 count then u64 offset and u64 length per section).
    static func overwriteFirstSectionKeepingTheChecksum(_ url: URL) throws {
        var bytes = [UInt8](try Data(contentsOf: url))
        func integer(at offset: Int, bytes count: Int) -> Int {
            (0..<count).reduce(0) { $0 | Int(bytes[offset + $1]) << (8 * $1) }
        }
        let table = integer(at: bytes.count - 16, bytes: 8)
        let start = integer(at: table + 4, bytes: 8)
        let length = integer(at: table + 12, bytes: 8)
        XCTAssertGreaterThan(length, 0)
        for index in start..<(start + length) { bytes[index] = 0xFF }
        // CRC-32C, bit by bit (Castagnoli, reflected 0x82F63B78, init and final xor all ones).
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes[0..<(bytes.count - 4)] {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1 }
        }
        crc ^= 0xFFFF_FFFF
        for index in 0..<4 { bytes[bytes.count - 4 + index] = UInt8(truncatingIfNeeded: crc >> UInt32(8 * index)) }
        try Data(bytes).write(to: url)
    }

    func testJSONHasTheDocumentedShape() throws {
        let run = try search("torkan", "--json", "--limit", "2")
        XCTAssertEqual(run.status, 0, run.error)
        let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        XCTAssertEqual(document["query"] as? String, "torkan")
        let results = try XCTUnwrap(document["results"] as? [[String: Any]])
        XCTAssertFalse(results.isEmpty)
        let hit = try XCTUnwrap((results.first?["hits"] as? [[String: Any]])?.first)
        XCTAssertNotNil(hit["start"] as? Double)
        XCTAssertNotNil(hit["snippet_html"] as? String)
        XCTAssertTrue((hit["url"] as? String)?.contains("#t=") ?? false, "\(hit)")
    }
}
