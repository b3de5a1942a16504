import XCTest
import TalksModel
@testable import TalksIndex

/// Disk full at every write of a commit. A commit is first run whole while its
/// fault-injection point records every step it passes (each segment file it writes, for new
/// and merged segments, the manifest, the garbage collection); then, for each step, the same
/// commit is run again failing there with ENOSPC. Before the manifest is replaced the previous
/// generation stays; after, the new one is whole. Either way `verify` passes, and the next
/// writer collects what was left and commits.
final class DiskFullTests: XCTestCase {
    var directory = ""

    override func setUp() {
        directory = TestArchive.temporaryDirectory(name)
    }

    override func tearDown() {
        TestArchive.cleanUp(directory)
    }

    private static func episode(_ number: Int, text: String = "Torkan och våtmarker") -> IndexableEpisode {
        TestArchive.episode("e\(number)", title: "Avsnitt \(number)", cues: (0..<12).map {
            (Double($0 * 5), "\(text), del \($0) av avsnitt \(number).", nil)
        }, hash: "\(number)-\(text)")
    }

    /// One scenario: the base generation, the change committed on top, and the live
    /// episode counts before and after.
    private struct Scenario {
        var name: String
        var base: [IndexableEpisode]
        var change: [IndexableEpisode]
        var before: Int
        var after: Int
    }

    /// Runs `scenario`'s commit with `fault` installed; returns the error it threw, if any.
    private func commit(_ scenario: Scenario, fault: @escaping @Sendable (String) throws(IndexError) -> Void) throws -> IndexError? {
        TestArchive.cleanUp(directory)
        try TestArchive.build(directory, scenario.base)
        let writer = try IndexWriter.open(directory: directory)
        defer { writer.close() }
        writer.faultInjection = fault
        try writer.add(contentsOf: scenario.change)
        do {
            try writer.commit()
            return nil
        } catch {
            return error
        }
    }

    func testENOSPCAtEveryStepOfACommit() throws {
        let scenarios = [
            Scenario(name: "add", base: [TestArchive.vreta], change: [TestArchive.water], before: 1, after: 2),
            // Two of five episodes replaced: the old segment is 40% deleted and is rewritten.
            Scenario(name: "replace and merge", base: (0..<5).map { Self.episode($0) },
                     change: [Self.episode(1, text: "Ny text"), Self.episode(3, text: "Ny text")], before: 5, after: 5),
        ]
        var report: [String] = []
        for scenario in scenarios {
            let steps = FailureLog()
            XCTAssertNil(try commit(scenario) { step throws(IndexError) in steps.record(step) })
            let reference = try IndexReader.open(directory: directory)
            XCTAssertEqual(reference.episodeCount, scenario.after)
            let newGeneration = reference.generation
            if scenario.name == "replace and merge" {
                XCTAssertTrue(steps.messages.contains("write seg-2-1.store"), "a merged segment is written: \(steps.messages)")
            }
            var previousKept = 0
            for step in steps.messages {
                let error = try commit(scenario) { current throws(IndexError) in
                    if current == step { throw IndexError.io(call: "write", path: current, errno: ENOSPC) }
                }
                XCTAssertEqual(error, .io(call: "write", path: step, errno: ENOSPC), "\(scenario.name): \(step)")
                XCTAssertTrue(error?.description.contains("No space left on device") ?? false)
                let reader = try IndexReader.open(directory: directory)
                if step == "collect garbage" {
                    XCTAssertEqual(reader.generation, newGeneration, "the manifest was replaced before the failure")
                    XCTAssertEqual(reader.episodeCount, scenario.after)
                } else {
                    XCTAssertEqual(reader.generation, 1, "\(scenario.name): \(step)")
                    XCTAssertEqual(reader.episodeCount, scenario.before, "\(scenario.name): \(step)")
                    XCTAssertEqual(reader.segments.count, 1)
                    previousKept += 1
                }
                XCTAssertFalse(try IndexVerifier.verify(directory: directory).isCorrupt, "\(scenario.name): \(step)")

                // The next writer deletes the partial files and commits the change.
                let next = try IndexWriter.open(directory: directory)
                XCTAssertTrue(try IndexVerifier.verify(directory: directory).warnings.isEmpty, "\(scenario.name): \(step)")
                try next.add(contentsOf: scenario.change)
                try next.commit()
                next.close()
                XCTAssertFalse(try IndexVerifier.verify(directory: directory).isCorrupt, "\(scenario.name): \(step)")
                XCTAssertEqual(try IndexReader.open(directory: directory).episodeCount, scenario.after)
            }
            report.append("\(scenario.name): \(steps.messages.count) steps, previous generation kept at \(previousKept), "
                          + "the whole new one at \(steps.messages.count - previousKept)")
        }
        print("disk full: ENOSPC at every step of a commit: " + report.joined(separator: "; ") + "; verify passed every time")
    }
}
