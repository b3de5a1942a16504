import XCTest
import TalksModel
@testable import TalksIndex

/// Generations, atomic commits, snapshots, removal, the writer lock and failed commits.
final class CommitTests: XCTestCase {
    var directory = ""

    override func setUp() {
        directory = TestArchive.temporaryDirectory(name)
    }

    override func tearDown() {
        TestArchive.cleanUp(directory)
    }

    func testEmptyDirectoryHasNoIndex() throws {
        XCTAssertThrowsError(try IndexReader.open(directory: directory)) { error in
            XCTAssertEqual(error as? IndexError, .noIndex(directory: directory))
        }
        XCTAssertFalse(IndexReader.exists(directory: directory))
    }

    func testReaderOpenedBeforeACommitKeepsItsGeneration() throws {
        try TestArchive.build(directory, [TestArchive.vreta])
        let before = try IndexReader.open(directory: directory)
        XCTAssertEqual(before.generation, 1)

        let writer = try IndexWriter.open(directory: directory)
        try writer.remove(id: "55")
        try writer.add(TestArchive.water)
        let summary = try writer.commit()
        XCTAssertEqual(summary.generation, 2)
        XCTAssertEqual(summary.episodesAdded, 1)
        XCTAssertEqual(summary.episodesRemoved, 1)
        writer.close()

        // The old segment's files are gone from the directory (all its episodes were
        // deleted), yet the old reader still reads them through its mappings.
        let names = try FileManager.default.contentsOfDirectory(atPath: directory)
        XCTAssertFalse(names.contains("seg-1-0.store"), "\(names)")
        XCTAssertEqual(before.episodeCount, 1)
        XCTAssertEqual(try before.segments[0].episode(0).id, "55")
        XCTAssertEqual(try before.segments[0].cue(2).text, "Östergötlands livsmedelsstrategi är viktig för oss.")

        let after = try IndexReader.open(directory: directory)
        XCTAssertEqual(after.generation, 2)
        XCTAssertEqual(after.episodeCount, 1)
        XCTAssertNil(after.locate(episodeID: "55"))
        XCTAssertNotNil(after.locate(episodeID: "56"))
    }

    func testUncommittedChangesAreInvisibleAndReplacementDeletesTheOldCopy() throws {
        let others = (60...62).map { TestArchive.episode("\($0)", title: "Avsnitt \($0)", cues: [(0, "Hej.", nil)]) }
        try TestArchive.build(directory, [TestArchive.vreta, TestArchive.water] + others)
        let writer = try IndexWriter.open(directory: directory)
        var changed = TestArchive.water
        changed.cues[0].text = "Torkan kom tillbaka 2023."
        changed.contentHash = "changed"
        try writer.add(changed)
        try writer.flush()
        // Flushed but not committed: readers see generation 1 with the old text.
        let reader = try IndexReader.open(directory: directory)
        XCTAssertEqual(reader.generation, 1)
        let (segment, ordinal) = try XCTUnwrap(reader.locate(episodeID: "56"))
        XCTAssertEqual(try reader.segments[segment].cue(reader.segments[segment].cueRange(ofEpisode: ordinal).lowerBound).text,
                       "Torkan sommaren 2018 slog hårt mot lantbruket.")
        try writer.commit()
        writer.close()

        let updated = try IndexReader.open(directory: directory)
        XCTAssertEqual(updated.episodeCount, 5)
        let (newSegment, newOrdinal) = try XCTUnwrap(updated.locate(episodeID: "56"))
        let live = updated.segments[newSegment]
        XCTAssertEqual(try live.cue(live.cueRange(ofEpisode: newOrdinal).lowerBound).text, "Torkan kom tillbaka 2023.")
        // The old copy is still in the first segment, marked deleted.
        let first = updated.segments[0]
        XCTAssertTrue(first.isDeleted(episode: 1))
        XCTAssertFalse(first.isDeleted(episode: 0))
        XCTAssertTrue(first.isDeleted(cue: first.cueRange(ofEpisode: 1).lowerBound))
        XCTAssertEqual(first.liveEpisodeCount, 4, "one of five deleted: under 30%, so no rewrite yet")
        XCTAssertFalse(try IndexVerifier.verify(directory: directory).isCorrupt)
    }

    func testRemovingAnUnknownEpisodeIsAnError() throws {
        try TestArchive.build(directory, [TestArchive.vreta])
        let writer = try IndexWriter.open(directory: directory)
        defer { writer.close() }
        XCTAssertThrowsError(try writer.remove(id: "nope")) { error in
            XCTAssertEqual(error as? IndexError, .episodeNotFound(id: "nope"))
        }
        let summary = try writer.commit()
        XCTAssertEqual(summary.generation, 1, "nothing changed, nothing committed")
    }

    func testSecondWriterIsRefusedWithThePID() throws {
        let first = try IndexWriter.open(directory: directory)
        XCTAssertThrowsError(try IndexWriter.open(directory: directory)) { error in
            XCTAssertEqual(error as? IndexError, .locked(directory: directory, pid: getpid()))
            XCTAssertTrue("\(error)".contains("index is locked by PID \(getpid())"), "\(error)")
        }
        first.close()
        let second = try IndexWriter.open(directory: directory)
        second.close()
    }

    func testStaleLockFromADeadProcessIsTakenOver() throws {
        // A lock file naming a PID that no longer runs, with no flock held on it.
        let stalePID: Int32 = 2_147_483_000
        XCTAssertEqual(kill(stalePID, 0), -1)
        try "\(stalePID)\n".write(toFile: directory + "/.write.lock", atomically: false, encoding: .utf8)
        let writer = try IndexWriter.open(directory: directory)
        try writer.add(TestArchive.vreta)
        XCTAssertEqual(try writer.commit().generation, 1)
        let holder = try String(contentsOfFile: directory + "/.write.lock", encoding: .utf8)
        XCTAssertEqual(holder.trimmingCharacters(in: .whitespacesAndNewlines), "\(getpid())")
        writer.close()
    }

    func testFailedCommitLeavesThePreviousGenerationAndTheNextWriterCleansUp() throws {
        try TestArchive.build(directory, [TestArchive.vreta])
        for failingStep in ["write seg-2-0.postings", "write manifest"] {
            let writer = try IndexWriter.open(directory: directory)
            writer.faultInjection = { step throws(IndexError) in
                if step == failingStep { throw IndexError.io(call: "write", path: step, errno: ENOSPC) }
            }
            try writer.add(TestArchive.water)
            XCTAssertThrowsError(try writer.commit()) { error in
                XCTAssertEqual(error as? IndexError, .io(call: "write", path: failingStep, errno: ENOSPC))
            }
            writer.close()
            let reader = try IndexReader.open(directory: directory)
            XCTAssertEqual(reader.generation, 1, failingStep)
            XCTAssertEqual(reader.episodeCount, 1)
            XCTAssertFalse(try IndexVerifier.verify(directory: directory).isCorrupt)
        }
        // Orphans of the failed attempts are still there until a writer opens.
        XCTAssertFalse(try IndexVerifier.verify(directory: directory).warnings.isEmpty)
        let writer = try IndexWriter.open(directory: directory)
        writer.close()
        let names = try FileManager.default.contentsOfDirectory(atPath: directory)
        XCTAssertEqual(names.filter { $0.hasPrefix("seg-") }.sorted(), FileKind.allCases.map { "seg-1-0.\($0.rawValue)" }.sorted())
        XCTAssertTrue(try IndexVerifier.verify(directory: directory).warnings.isEmpty)
    }

    func testLeftoverTemporaryManifestIsRemoved() throws {
        try TestArchive.build(directory, [TestArchive.vreta])
        try "{\"format\":1,\"gen".write(toFile: directory + "/manifest.json.tmp-2", atomically: false, encoding: .utf8)
        XCTAssertEqual(try IndexReader.open(directory: directory).generation, 1, "readers ignore temp files")
        let writer = try IndexWriter.open(directory: directory)
        writer.close()
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory + "/manifest.json.tmp-2"))
    }
}
