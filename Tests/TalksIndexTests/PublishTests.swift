import Foundation
import XCTest
import TalksModel
@testable import TalksIndex

/// `IndexPublisher`: a generation copied into a replica's folder, segments first and the
/// manifest last, idempotent, damaged files refused, unreferenced files kept for the grace
/// period, and a reader of the destination that never sees half a generation.
final class PublishTests: XCTestCase {
    var source = ""
    var scratch = ""
    var destination: String { scratch + "/replica/index" }

    override func setUp() {
        source = TestArchive.temporaryDirectory(name + "source")
        scratch = TestArchive.temporaryDirectory(name + "replica")
    }

    override func tearDown() {
        TestArchive.cleanUp(source)
        TestArchive.cleanUp(scratch)
    }

    private func episodes(_ count: Int, from first: Int = 0) -> [IndexableEpisode] {
        (first..<(first + count)).map { number in
            TestArchive.episode("\(100 + number)", title: "Avsnitt \(number) om kluster", cues: [
                (0, "Välkomna till avsnitt \(number) om gröna kluster.", "Moderator"),
                (5, "Livsmedelsstrategin i länet nummer \(number).", nil),
            ])
        }
    }

    private func segmentFiles(_ directory: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasPrefix("seg-") }.sorted()
    }

    func testPublishCreatesTheFolderAndCopiesTheGenerationByteForByte() throws {
        try TestArchive.build(source, [TestArchive.vreta, TestArchive.water])
        XCTAssertFalse(FileManager.default.fileExists(atPath: destination))
        var copied: [String] = []
        let summary = try IndexPublisher.publish(source: source, destination: destination) { event in
            if case .copied(let file, _) = event { copied.append(file) }
        }
        XCTAssertEqual(summary.generation, 1)
        XCTAssertNil(summary.previousGeneration)
        XCTAssertTrue(summary.manifestReplaced)
        XCTAssertEqual(summary.segmentsCopied, 1)
        XCTAssertEqual(summary.filesCopied, FileKind.allCases.count)
        XCTAssertEqual(copied.sorted(), try segmentFiles(source))
        for name in try segmentFiles(source) + ["manifest.json"] {
            XCTAssertEqual(FileManager.default.contents(atPath: destination + "/" + name),
                           FileManager.default.contents(atPath: source + "/" + name), name)
        }
        XCTAssertEqual(summary.bytesCopied, try segmentFiles(source).reduce(0) { $0 + (FileSystem.size(source + "/" + $1) ?? 0) })
        let reader = try IndexReader.open(directory: destination, verifyChecksums: true)
        XCTAssertEqual(reader.generation, 1)
        XCTAssertEqual(reader.episodeCount, 2)
        XCTAssertNotNil(reader.locate(episodeID: "55"))
        XCTAssertFalse(try FileManager.default.contentsOfDirectory(atPath: destination).contains { $0.contains(".tmp") })
    }

    func testASecondPublishCopiesNothing() throws {
        try TestArchive.build(source, [TestArchive.vreta])
        _ = try IndexPublisher.publish(source: source, destination: destination)
        let manifestBefore = try SystemFileStatus(destination + "/manifest.json")
        let again = try IndexPublisher.publish(source: source, destination: destination)
        XCTAssertEqual(again.filesCopied, 0)
        XCTAssertEqual(again.segmentsUnchanged, 1)
        XCTAssertFalse(again.manifestReplaced)
        XCTAssertEqual(again.previousGeneration, 1)
        XCTAssertEqual(try SystemFileStatus(destination + "/manifest.json"), manifestBefore, "the manifest is not rewritten")

        // Only the new segment of the next generation is copied.
        let writer = try IndexWriter.open(directory: source)
        try writer.add(TestArchive.water)
        try writer.commit()
        writer.close()
        let next = try IndexPublisher.publish(source: source, destination: destination)
        XCTAssertEqual(next.generation, 2)
        XCTAssertEqual(next.segmentsCopied, 1)
        XCTAssertEqual(next.segmentsUnchanged, 1)
        XCTAssertEqual(try IndexReader.open(directory: destination).episodeCount, 2)
    }

    func testUnreferencedSegmentsStayForTheGracePeriod() throws {
        try TestArchive.build(source, [TestArchive.vreta])
        _ = try IndexPublisher.publish(source: source, destination: destination)
        let oldReader = try IndexReader.open(directory: destination)
        let writer = try IndexWriter.open(directory: source)
        try writer.remove(id: "55")
        try writer.add(TestArchive.water)
        try writer.commit()  // seg-1-0 has no live episode left: dropped from the manifest
        writer.close()

        let published = try IndexPublisher.publish(source: source, destination: destination, graceSeconds: 60, now: 1_000)
        XCTAssertEqual(published.segmentsScheduledForRemoval, 1)
        XCTAssertEqual(published.segmentsRemoved, 0)
        XCTAssertTrue(try segmentFiles(destination).contains("seg-1-0.store"))
        XCTAssertEqual(PendingRemovals.read(directory: destination)?.files["seg-1-0.store"], 1_000)
        XCTAssertEqual(try oldReader.segments[0].cue(2).text, "Östergötlands livsmedelsstrategi är viktig för oss.")

        let early = try IndexPublisher.publish(source: source, destination: destination, graceSeconds: 60, now: 1_059)
        XCTAssertEqual(early.segmentsScheduledForRemoval, 1)
        XCTAssertTrue(try segmentFiles(destination).contains("seg-1-0.store"), "unreferenced for 59 s only")

        var removed: [String] = []
        let due = try IndexPublisher.publish(source: source, destination: destination, graceSeconds: 60, now: 1_060) { event in
            if case .removed(let file) = event { removed.append(file) }
        }
        XCTAssertEqual(due.segmentsRemoved, 1)
        XCTAssertEqual(due.segmentsScheduledForRemoval, 0)
        XCTAssertEqual(removed.count, FileKind.allCases.count)
        let remaining = try segmentFiles(destination)
        XCTAssertTrue(remaining.allSatisfy { $0.hasPrefix("seg-2-") }, "\(remaining)")
        XCTAssertEqual(PendingRemovals.read(directory: destination)?.files, [:])
        XCTAssertEqual(try IndexReader.open(directory: destination, verifyChecksums: true).episodeCount, 1)
    }

    func testAPendingListWithImpossibleTimesRestartsTheGracePeriod() throws {
        try TestArchive.build(source, [TestArchive.vreta])
        _ = try IndexPublisher.publish(source: source, destination: destination)
        let writer = try IndexWriter.open(directory: source)
        try writer.remove(id: "55")
        try writer.add(TestArchive.water)
        try writer.commit()
        writer.close()
        _ = try IndexPublisher.publish(source: source, destination: destination, graceSeconds: 60, now: 1_000)
        // Far in the past (an overflow if subtracted), in the future, and not JSON at all.
        var times = try XCTUnwrap(PendingRemovals.read(directory: destination))
        for name in times.files.keys { times.files[name] = name.hasSuffix(".terms") ? Int64.min : 9_000 }
        try times.write(directory: destination)
        let restarted = try IndexPublisher.publish(source: source, destination: destination, graceSeconds: 60, now: 2_000)
        XCTAssertEqual(restarted.segmentsRemoved, 0)
        XCTAssertEqual(Set(try XCTUnwrap(PendingRemovals.read(directory: destination)).files.values), [2_000])
        try Data("{\"format\":1,\"files\":[".utf8).write(to: URL(fileURLWithPath: destination + "/" + PendingRemovals.fileName))
        let damaged = try IndexPublisher.publish(source: source, destination: destination, graceSeconds: 60, now: 2_059)
        XCTAssertEqual(damaged.segmentsRemoved, 0, "a damaged list restarts the grace period")
        XCTAssertEqual(Set(try XCTUnwrap(PendingRemovals.read(directory: destination)).files.values), [2_059])
        XCTAssertEqual(try IndexPublisher.publish(source: source, destination: destination, graceSeconds: 60, now: 2_119).segmentsRemoved, 1)
    }

    func testADamagedSourceFileIsRefusedAndTheReplicaKeepsItsGeneration() throws {
        try TestArchive.build(source, [TestArchive.vreta])
        _ = try IndexPublisher.publish(source: source, destination: destination)
        let writer = try IndexWriter.open(directory: source)
        try writer.add(TestArchive.water)
        try writer.commit()
        writer.close()
        let damaged = source + "/seg-2-0.store"
        var bytes = try XCTUnwrap(FileManager.default.contents(atPath: damaged))
        bytes[bytes.count / 2] ^= 0x20
        try bytes.write(to: URL(fileURLWithPath: damaged))

        XCTAssertThrowsError(try IndexPublisher.publish(source: source, destination: destination)) { error in
            guard case .damagedSource(let file, let detail)? = error as? PublishError else {
                return XCTFail("\(error)")
            }
            XCTAssertEqual(file, damaged)
            XCTAssertTrue(detail.hasPrefix("its CRC-32C footer says "), detail)
            XCTAssertTrue("\(error)".contains("nothing was published"), "\(error)")
        }
        let reader = try IndexReader.open(directory: destination, verifyChecksums: true)
        XCTAssertEqual(reader.generation, 1, "the replica keeps the generation it had")
        XCTAssertFalse(try FileManager.default.contentsOfDirectory(atPath: destination).contains { $0.hasPrefix("seg-2-0.store") })
    }

    func testATruncatedSourceFileIsRefused() throws {
        try TestArchive.build(source, [TestArchive.vreta])
        let path = source + "/seg-1-0.terms"
        let bytes = try XCTUnwrap(FileManager.default.contents(atPath: path))
        try bytes.prefix(bytes.count - 9).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try IndexPublisher.publish(source: source, destination: destination)) { error in
            XCTAssertEqual(error as? PublishError, .damagedSource(
                file: path, detail: "it does not end with the footer \"TEND\"; it was probably truncated"))
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: destination + "/manifest.json"))
    }

    func testASourceCommitDuringTheCopyStartsItAgainFromTheNewGeneration() throws {
        try TestArchive.build(source, [TestArchive.vreta])
        var committed = false
        var restartedFrom: UInt64?
        let summary = try IndexPublisher.publish(source: source, destination: destination) { event in
            switch event {
            case .copied where !committed:
                committed = true
                // The source's writer drops seg-1-0 (all its episodes removed) and deletes its files.
                let writer = try? IndexWriter.open(directory: source)
                try? writer?.remove(id: "55")
                try? writer?.add(TestArchive.water)
                _ = try? writer?.commit()
                writer?.close()
            case .restarted(let generation):
                restartedFrom = generation
            default:
                break
            }
        }
        XCTAssertTrue(committed)
        XCTAssertEqual(restartedFrom, 1)
        XCTAssertEqual(summary.restarts, 1)
        XCTAssertEqual(summary.generation, 2)
        let reader = try IndexReader.open(directory: destination, verifyChecksums: true)
        XCTAssertNil(reader.locate(episodeID: "55"))
        XCTAssertNotNil(reader.locate(episodeID: "56"))
    }

    func testAReaderOpeningTheReplicaDuringPublishesAlwaysSeesAWholeGeneration() throws {
        try TestArchive.build(source, episodes(1))
        _ = try IndexPublisher.publish(source: source, destination: destination)
        let stop = LockedFlag()
        let observations = LockedList()
        let destination = self.destination
        let reader = Thread {
            while !stop.value {
                do {
                    let index = try IndexReader.open(directory: destination, verifyChecksums: true)
                    observations.append("g\(index.generation) \(index.episodeCount)")
                } catch {
                    observations.append("error: \(error)")
                }
            }
        }
        reader.start()
        for generation in 2...12 {
            let writer = try IndexWriter.open(directory: source)
            try writer.add(contentsOf: episodes(1, from: generation - 1))
            try writer.commit()
            writer.close()
            let summary = try IndexPublisher.publish(source: source, destination: destination)
            XCTAssertEqual(summary.generation, UInt64(generation))
        }
        // Let the reader see the last generation too (on a loaded machine one open with full
        // checksums can take longer than all the publishes).
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, !(observations.values.count > 10 && observations.values.last == "g12 12") {
            Thread.sleep(forTimeInterval: 0.01)
        }
        stop.value = true
        while !reader.isFinished { Thread.sleep(forTimeInterval: 0.01) }
        let seen = observations.values
        XCTAssertGreaterThan(seen.count, 10)
        // Generation g holds exactly g episodes (one added per commit): any other pairing, or
        // an error, would be a reader that saw half a generation.
        for line in Set(seen) {
            XCTAssertFalse(line.hasPrefix("error"), line)
            let parts = line.split(separator: " ")
            XCTAssertEqual(parts.count, 2, line)
            XCTAssertEqual(parts.first.map { String($0.dropFirst()) }, parts.last.map(String.init), line)
        }
        XCTAssertEqual(seen.last, "g12 12")
    }

    func testALockedNewerOrForeignReplicaIsRefused() throws {
        try TestArchive.build(source, [TestArchive.vreta])
        _ = try IndexPublisher.publish(source: source, destination: destination)

        let lock = try WriteLock(directory: destination)
        XCTAssertThrowsError(try IndexPublisher.publish(source: source, destination: destination)) { error in
            XCTAssertEqual(error as? PublishError, .destinationLocked(destination: destination, pid: getpid()))
        }
        lock.release()

        let other = TestArchive.temporaryDirectory(name + "other")
        defer { TestArchive.cleanUp(other) }
        try TestArchive.build(other, [TestArchive.water])  // also generation 1, also seg-1-0
        XCTAssertThrowsError(try IndexPublisher.publish(source: other, destination: destination)) { error in
            XCTAssertEqual(error as? PublishError, .foreignDestination(destination: destination, file: "seg-1-0.episodes"))
        }
        let writer = try IndexWriter.open(directory: source)
        try writer.add(TestArchive.water)
        try writer.commit()
        writer.close()
        _ = try IndexPublisher.publish(source: source, destination: destination)
        XCTAssertThrowsError(try IndexPublisher.publish(source: other, destination: destination)) { error in
            XCTAssertEqual(error as? PublishError, .destinationIsNewer(destination: destination, destinationGeneration: 2,
                                                                      sourceGeneration: 1))
        }
        XCTAssertEqual(try IndexReader.open(directory: destination).generation, 2)
        XCTAssertThrowsError(try IndexPublisher.publish(source: source, destination: source)) { error in
            guard case .sameFolder? = error as? PublishError else { return XCTFail("\(error)") }
        }
    }
}

/// Inode, size and modification time of a file: whether it was replaced.
private struct SystemFileStatus: Equatable {
    var inode: UInt64
    var size: Int64
    var modified: Int

    init(_ path: String) throws {
        var status = stat()
        guard stat(path, &status) == 0 else { throw IndexError.io(call: "stat", path: path, errno: errno) }
        inode = UInt64(status.st_ino)
        size = Int64(status.st_size)
        modified = Int(status.st_mtim.tv_sec) * 1_000_000_000 + Int(status.st_mtim.tv_nsec)
    }
}

private final class LockedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var flag = false
    var value: Bool {
        get { lock.withLock { flag } }
        set { lock.withLock { flag = newValue } }
    }
}

private final class LockedList: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func append(_ item: String) { lock.withLock { items.append(item) } }
    var values: [String] { lock.withLock { items } }
}
