import Foundation
import XCTest
@testable import TalksIndex
import TalksSystem

/// The writer keeps no file pages of the segments it holds open: reading them at open (each
/// file's header and footer, every episode's identity), for the compound lexicon of a flush
/// and for a merge drops their pages from the process's resident set again, so an ingest
/// into a large index stays within its memory budget (at 50,000 episodes the pages mapped
/// at open alone were 280 MB against a 256 MB budget).
///
/// Measured on the process's own mappings (`/proc/self/smaps`, the `Rss` of every mapping
/// of a segment file), which is what the budget is checked against.
final class WriterResidentPagesTests: XCTestCase {
    var directory = ""

    override func setUp() {
        directory = TestArchive.temporaryDirectory(name)
    }

    override func tearDown() {
        TestArchive.cleanUp(directory)
    }

    private func episode(_ number: Int) -> IndexableEpisode {
        TestArchive.episode("\(number)", title: "Möte \(number) om vattenförsörjning", cues: [
            (0, "Kommunfullmäktige diskuterar vattenledningar och reningsverk, punkt \(number).", nil),
            (6, "Budgeten för skolskjutsar i ärende \(number) antogs.", "Karin Lund"),
        ])
    }

    /// Seven one-episode segments, each written by its own commit.
    private func buildSevenSegments() throws {
        for number in 1...7 {
            let writer = try IndexWriter.open(directory: directory)
            try writer.add(episode(number))
            try writer.commit()
            writer.close()
        }
    }

    func testOpeningTheWriterKeepsNoSegmentPagesResident() throws {
        try buildSevenSegments()
        let writer = try IndexWriter.open(directory: directory)
        defer { writer.close() }
        let resident = Self.residentKilobytes(ofSegmentsIn: directory)
        // Every file of every segment is mapped (so the check below is not vacuous)…
        XCTAssertEqual(resident.count, 7 * FileKind.allCases.count)
        // …and none of their pages is in the process's resident set.
        XCTAssertEqual(resident.filter { $0.value > 0 }, [:])
        // The writer still knows every episode it read at open.
        XCTAssertEqual(Set(writer.episodeIDs), Set((1...7).map(String.init)))
    }

    func testFlushAndMergeReadOldSegmentsWithoutKeepingTheirPages() throws {
        try buildSevenSegments()
        let writer = try IndexWriter.open(directory: directory)
        defer { writer.close() }
        let seen = ResidentRecord()
        let folder = directory
        // The expansions are written after the compound lexicon was read from every older
        // segment (and, for the merged segment, after the members' cues were read).
        writer.faultInjection = { step throws(IndexError) in
            guard step.hasPrefix("write "), step.hasSuffix(".expansions") else { return }
            let writing = String(step.dropFirst("write ".count).dropLast("expansions".count))
            let older = Self.residentKilobytes(ofSegmentsIn: folder).filter { !$0.key.hasPrefix(writing) }
            seen.append(step: step, mapped: older.count, resident: older.filter { $0.value > 0 })
        }
        try writer.add(episode(8))
        let summary = try writer.commit()
        XCTAssertEqual(summary.segmentsMerged, 8)
        let steps = seen.steps
        // One flush and one merge wrote expansions, each with the older segments mapped.
        XCTAssertEqual(steps.count, 2)
        XCTAssertEqual(steps.map(\.mapped), [7 * FileKind.allCases.count, 8 * FileKind.allCases.count])
        for step in steps { XCTAssertEqual(step.resident, [:], step.step) }
        XCTAssertEqual(try IndexReader.open(directory: directory).episodeCount, 8)
    }

    /// Kilobytes resident per mapped segment file in `directory` (file name → `Rss` summed
    /// over its mappings), from `/proc/self/smaps`.
    static func residentKilobytes(ofSegmentsIn directory: String) -> [String: Int] {
        // Read as bytes: procfs reports a size of 0, which `String(contentsOfFile:)` believes.
        guard let bytes = try? SystemFile.readFile("/proc/self/smaps") else { return [:] }
        let smaps = String(decoding: bytes, as: UTF8.self)
        let prefix = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path + "/seg-"
        var result: [String: Int] = [:]
        var current: String?
        for line in smaps.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            if let first = fields.first, first.contains("-"), first.first?.isHexDigit == true, fields.count >= 5 {
                let path = fields.count >= 6 ? fields[5...].joined(separator: " ") : ""
                current = path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count - "seg-".count)) : nil
                if let current, result[current] == nil { result[current] = 0 }
            } else if let current, fields.first == "Rss:", fields.count >= 2, let kilobytes = Int(fields[1]) {
                result[current, default: 0] += kilobytes
            }
        }
        return result
    }
}

/// What the fault-injection hook saw at each expansions write (the hook runs on the
/// writer's thread; the lock keeps the record Sendable).
private final class ResidentRecord: @unchecked Sendable {
    struct Step {
        var step: String
        var mapped: Int
        var resident: [String: Int]
    }

    private let lock = NSLock()
    private var recorded: [Step] = []

    func append(step: String, mapped: Int, resident: [String: Int]) {
        lock.lock()
        defer { lock.unlock() }
        recorded.append(Step(step: step, mapped: mapped, resident: resident))
    }

    var steps: [Step] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }
}
