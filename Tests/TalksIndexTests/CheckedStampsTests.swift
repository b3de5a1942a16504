import XCTest
import TalksModel
@testable import TalksIndex

/// `checked.json`: a default `IndexReader.open` skips the checksum of files verified and
/// unchanged since, checks every other file in full, and never fails because of the stamps.
final class CheckedStampsTests: XCTestCase {
    var directory = ""

    override func setUpWithError() throws {
        directory = TestArchive.temporaryDirectory(name)
        try TestArchive.build(directory, [TestArchive.vreta, TestArchive.water])
    }

    override func tearDown() {
        TestArchive.cleanUp(directory)
    }

    private var segmentFiles: [String] { FileKind.allCases.map { "seg-1-0.\($0.rawValue)" } }

    /// Waits until files written now count as settled, then opens once so they are stamped.
    private func stampedOpen() throws -> IndexReader {
        usleep(UInt32(CheckedStamps.settleNanoseconds / 1000) + 50_000)
        _ = try IndexReader.open(directory: directory)
        return try IndexReader.open(directory: directory)
    }

    private func path(_ name: String) -> String { directory + "/" + name }

    func testAnUntouchedIndexOpensWithoutCheckingAnyFile() throws {
        let reader = try stampedOpen()
        XCTAssertEqual(reader.checkedFiles, [], "a stamped, untouched index is not read in full")
        XCTAssertEqual(reader.episodeCount, 2)
        let stamps = CheckedStamps.read(directory: directory, generation: 1)
        XCTAssertEqual(Set(stamps.files.keys), Set(segmentFiles))
        // A forced full check ignores the stamps.
        XCTAssertEqual(Set(try IndexReader.open(directory: directory, verifyChecksums: true).checkedFiles), Set(segmentFiles))
    }

    func testACommitKeepsTheStampsOfSegmentsItDidNotChange() throws {
        _ = try stampedOpen()
        let writer = try IndexWriter.open(directory: directory)
        try writer.add(TestArchive.episode("57", title: "Betesmarker", cues: [(0, "Betande djur håller landskapet öppet.", nil)]))
        XCTAssertEqual(try writer.commit().generation, 2)
        writer.close()
        // seg-1-0 was stamped before and did not change; only the new segment's files are checked.
        let reader = try IndexReader.open(directory: directory)
        XCTAssertEqual(reader.generation, 2)
        XCTAssertEqual(Set(reader.checkedFiles).intersection(segmentFiles), [])
        XCTAssertEqual(try stampedOpen().checkedFiles, [])
    }

    func testAFlippedByteInAStampedFileOfEveryKindIsRefusedNamingTheFile() throws {
        _ = try stampedOpen()
        for name in segmentFiles {
            let original = try Data(contentsOf: URL(fileURLWithPath: path(name)))
            XCTAssertTrue(CheckedStamps.read(directory: directory, generation: 1).files[name] != nil, "\(name) is stamped")
            var damaged = original
            damaged[original.count / 2] ^= 0x01
            // Rewritten in place: same inode and size, a new ctime.
            try damaged.write(to: URL(fileURLWithPath: path(name)))
            XCTAssertThrowsError(try IndexReader.open(directory: directory), name) { error in
                guard case IndexError.checksumMismatch(let file, _, _) = error else { return XCTFail("\(name): \(error)") }
                XCTAssertEqual(file, name)
            }
            try original.write(to: URL(fileURLWithPath: path(name)))
            XCTAssertEqual(try IndexReader.open(directory: directory).checkedFiles, [name], "only the rewritten file is checked")
            _ = try stampedOpen()
        }
    }

    func testMissingDamagedOrOtherGenerationStampsMeanAFullCheckNeverAFailure() throws {
        _ = try stampedOpen()
        let stampPath = path(CheckedStamps.fileName)
        let good = try Data(contentsOf: URL(fileURLWithPath: stampPath))
        var variants: [(String, Data?)] = [("missing", nil), ("empty", Data()), ("not JSON", Data("{{{".utf8)),
                                            ("truncated", good.prefix(good.count / 2))]
        for offset in stride(from: 0, to: good.count, by: max(1, good.count / 40)) {
            var flipped = good
            flipped[offset] ^= 0x04
            variants.append(("byte \(offset) flipped", flipped))
        }
        var otherGeneration = CheckedStamps.read(directory: directory, generation: 1)
        XCTAssertFalse(otherGeneration.files.isEmpty)
        otherGeneration.generation = 2
        variants.append(("generation 2", Data(otherGeneration.encoded())))
        for (label, contents) in variants {
            if let contents { try contents.write(to: URL(fileURLWithPath: stampPath)) } else { try FileManager.default.removeItem(atPath: stampPath) }
            let reader = try IndexReader.open(directory: directory)
            XCTAssertEqual(Set(reader.checkedFiles), Set(segmentFiles), "stamps \(label): every file checked")
            XCTAssertEqual(reader.episodeCount, 2)
            // The reader replaced them with good stamps.
            XCTAssertEqual(try IndexReader.open(directory: directory).checkedFiles, [], "stamps \(label) refreshed")
        }
    }

    func testStampsMatchTheFileIdentityNotJustTheName() throws {
        _ = try stampedOpen()
        var stamps = CheckedStamps.read(directory: directory, generation: 1)
        let name = "seg-1-0.postings"
        stamps.files[name]?.ctimeNanoseconds += 1
        try Data(stamps.encoded()).write(to: URL(fileURLWithPath: path(CheckedStamps.fileName)))
        XCTAssertEqual(try IndexReader.open(directory: directory).checkedFiles, [name])
        // Round trip of every member.
        XCTAssertEqual(CheckedStamps.decode(stamps.encoded()), stamps)
    }

    func testVerifyRefreshesTheStamps() throws {
        usleep(UInt32(CheckedStamps.settleNanoseconds / 1000) + 50_000)
        try? FileManager.default.removeItem(atPath: path(CheckedStamps.fileName))
        XCTAssertFalse(try IndexVerifier.verify(directory: directory).isCorrupt)
        XCTAssertEqual(try IndexReader.open(directory: directory).checkedFiles, [])
    }

    func testReadersLeaveNoTemporaryFilesAndTheWriterCollectsLeftOnes() throws {
        _ = try stampedOpen()
        let leftover = path(CheckedStamps.temporaryPrefix + "12345-678")
        XCTAssertTrue(FileManager.default.createFile(atPath: leftover, contents: Data("{\"form".utf8)))
        XCTAssertEqual(try IndexReader.open(directory: directory).episodeCount, 2, "a torn temporary stamp file is harmless")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory)
        XCTAssertEqual(names.filter { $0.contains(".tmp") }, [CheckedStamps.temporaryPrefix + "12345-678"])
        XCTAssertTrue(try IndexVerifier.verify(directory: directory).warnings.isEmpty)
        try IndexWriter.open(directory: directory).close()
        XCTAssertFalse(FileManager.default.fileExists(atPath: leftover), "the next writer deletes it")
    }

    func testAReadOnlyDirectoryStillOpensWithFullChecks() throws {
        try? FileManager.default.removeItem(atPath: path(CheckedStamps.fileName))
        usleep(UInt32(CheckedStamps.settleNanoseconds / 1000) + 50_000)
        chmod(directory, 0o555)
        defer { chmod(directory, 0o755) }
        guard access(directory, W_OK) != 0 else { throw XCTSkip("running as root: a read-only directory is still writable") }
        for _ in 0..<2 {
            XCTAssertEqual(Set(try IndexReader.open(directory: directory).checkedFiles), Set(segmentFiles))
        }
    }
}
