import XCTest
import TalksModel
@testable import TalksIndex

/// Disk full at every write of a commit: the writer's fault-injection point makes the write
/// of each segment file kind, the manifest, and the garbage collection after it fail with
/// ENOSPC. Before the manifest is replaced the previous generation stays; after, the new one
/// is whole. Either way `verify` passes and the next writer collects what was left.
final class DiskFullTests: XCTestCase {
    var directory = ""

    override func setUp() {
        directory = TestArchive.temporaryDirectory(name)
    }

    override func tearDown() {
        TestArchive.cleanUp(directory)
    }

    func testENOSPCAtEveryStepOfACommit() throws {
        let steps = FileKind.allCases.map { "write seg-2-0.\($0.rawValue)" } + ["write manifest", "collect garbage"]
        var previousKept = 0
        for step in steps {
            TestArchive.cleanUp(directory)
            try TestArchive.build(directory, [TestArchive.vreta])
            let writer = try IndexWriter.open(directory: directory)
            let reached = FailureLog()
            let directory = self.directory
            writer.faultInjection = { current throws(IndexError) in
                if current == step {
                    reached.record(current)
                    throw IndexError.io(call: "write", path: directory + "/" + current, errno: ENOSPC)
                }
            }
            try writer.add(TestArchive.water)
            XCTAssertThrowsError(try writer.commit(), step) { error in
                XCTAssertTrue("\(error)".contains("No space left on device"), "\(error)")
            }
            writer.close()
            XCTAssertEqual(reached.messages, [step], "the commit passes through '\(step)'")

            let reader = try IndexReader.open(directory: directory)
            if step == "collect garbage" {
                XCTAssertEqual(reader.generation, 2, "the manifest was replaced before the failure")
                XCTAssertEqual(reader.episodeCount, 2)
            } else {
                XCTAssertEqual(reader.generation, 1, step)
                XCTAssertEqual(reader.episodeCount, 1, step)
                XCTAssertEqual(try reader.segments[0].cue(2).text, "Östergötlands livsmedelsstrategi är viktig för oss.")
                previousKept += 1
            }
            XCTAssertFalse(try IndexVerifier.verify(directory: directory).isCorrupt, step)

            // The next writer deletes the partial files and commits.
            let next = try IndexWriter.open(directory: directory)
            XCTAssertTrue(try IndexVerifier.verify(directory: directory).warnings.isEmpty, step)
            try next.add(TestArchive.water)
            try next.commit()
            next.close()
            let after = try IndexVerifier.verify(directory: directory)
            XCTAssertFalse(after.isCorrupt, step)
            XCTAssertEqual(try IndexReader.open(directory: directory).episodeCount, 2, step)
        }
        print("disk full: ENOSPC injected at \(steps.count) steps of a commit; the previous generation kept at \(previousKept), "
              + "the whole new one after the manifest swap at \(steps.count - previousKept); verify passed every time")
    }
}
