import XCTest
import TalksModel
@testable import TalksIndex

/// Readers while a writer commits, and a writer that flushes several times per commit.
final class ConcurrencyTests: XCTestCase {
    var directory = ""

    override func setUp() {
        directory = TestArchive.temporaryDirectory(name)
    }

    override func tearDown() {
        TestArchive.cleanUp(directory)
    }

    private static func episode(_ number: Int, cues: Int = 20) -> IndexableEpisode {
        TestArchive.episode("e\(number)", title: "Avsnitt \(number)", cues: (0..<cues).map { index in
            (Double(index), "Torkan och våtmarker, del \(index) av avsnitt \(number).", index % 2 == 0 ? "Anna" : nil)
        })
    }

    func testReadersAlwaysSeeAWholeGenerationWhileAWriterCommits() throws {
        try TestArchive.build(directory, (0..<4).map { Self.episode($0) })
        let directory = self.directory
        let done = DispatchSemaphore(value: 0)
        let failures = FailureLog()
        DispatchQueue.global().async {
            defer { done.signal() }
            do {
                for round in 0..<12 {
                    let writer = try IndexWriter.open(directory: directory)
                    // Every generation holds exactly four episodes: one replaced or swapped.
                    if round % 2 == 0 {
                        try writer.remove(id: "e\(round % 4)")
                        try writer.add(Self.episode(round % 4, cues: 20 + round))
                    } else {
                        try writer.add(Self.episode((round + 1) % 4, cues: 21))
                    }
                    try writer.commit()
                    writer.close()
                }
            } catch {
                failures.record("writer: \(error)")
            }
        }
        var generations = Set<UInt64>()
        var finished = false
        while !finished {
            finished = done.wait(timeout: .now()) == .success
            do {
                let reader = try IndexReader.open(directory: directory)
                generations.insert(reader.generation)
                XCTAssertEqual(reader.episodeCount, 4, "generation \(reader.generation)")
                for segment in reader.segments {
                    for episode in 0..<segment.episodeCount where !segment.isDeleted(episode: episode) {
                        for cue in segment.cueRange(ofEpisode: episode) { _ = try segment.cue(cue) }
                    }
                    if let term = segment.termOrdinal("torkan") {
                        var cursor = segment.postings(term: term, field: .transcript)
                        while cursor.next() { XCTAssertFalse(cursor.isCorrupt) }
                    }
                }
            } catch {
                failures.record("reader: \(error)")
            }
        }
        XCTAssertEqual(failures.messages, [])
        XCTAssertGreaterThan(generations.count, 1, "readers saw the index change")
        let final = try IndexReader.open(directory: directory)
        XCTAssertEqual(final.generation, 13)
        XCTAssertFalse(try IndexVerifier.verify(directory: directory).isCorrupt)
    }

    func testSmallMemoryBudgetFlushesSeveralSegmentsPerCommit() throws {
        let writer = try IndexWriter.open(directory: directory, memoryBudget: 1 << 20)
        let episodes = (0..<30).map { Self.episode($0, cues: 400) }
        try writer.add(contentsOf: episodes)
        let summary = try writer.commit()
        writer.close()
        XCTAssertGreaterThan(summary.segmentsWritten, 1)
        let reader = try IndexReader.open(directory: directory)
        XCTAssertEqual(reader.episodeCount, 30)
        XCTAssertEqual(reader.cueCount, 30 * 400)
        var total = 0
        for segment in reader.segments {
            if let term = segment.termOrdinal("våtmarker") { total += segment.documentFrequency(term: term, field: .transcript) }
        }
        XCTAssertEqual(total, 30 * 400)
        XCTAssertFalse(try IndexVerifier.verify(directory: directory).isCorrupt)
    }
}

/// Collects failures from background threads.
final class FailureLog: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String] = []

    func record(_ message: String) {
        lock.lock()
        entries.append(message)
        lock.unlock()
    }

    var messages: [String] {
        lock.lock()
        defer { lock.unlock() }
        return entries
    }
}
