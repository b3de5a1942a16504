import XCTest
import TalksModel
@testable import TalksIngest

final class ArchiveScannerTests: XCTestCase {
    func testScansAnArchiveSortedByIDAndSkipsFoldersWithoutMetadata() throws {
        let scan = try ArchiveScanner.scan([Fixtures.path("archive")])
        XCTAssertEqual(scan.sources.map(\.id), ["55-vreta-kluster", "56-vatten"])
        let first = try XCTUnwrap(scan.sources.first)
        XCTAssertEqual(first.folder, Fixtures.path("archive/55-vreta-kluster"))
        XCTAssertEqual(first.metadataPath, Fixtures.path("archive/55-vreta-kluster/episode.json"))
        XCTAssertEqual(first.transcriptPath, Fixtures.path("archive/55-vreta-kluster/transcript.vtt"))
        XCTAssertEqual(scan.sources.last?.transcriptPath, Fixtures.path("archive/56-vatten-och-torka/transcript.srt"))
        XCTAssertFalse(scan.hasErrors)
        XCTAssertEqual(scan.diagnostics.count, 1)
        XCTAssertEqual(scan.diagnostics.first?.severity, .warning)
        XCTAssertEqual(scan.diagnostics.first?.file, Fixtures.path("archive/utkast"))
    }

    func testAcceptsASingleEpisodeFolder() throws {
        let scan = try ArchiveScanner.scan([Fixtures.path("archive/56-vatten-och-torka")])
        XCTAssertEqual(scan.sources.map(\.id), ["56-vatten"])
        XCTAssertTrue(scan.diagnostics.isEmpty)
    }

    func testDuplicateIDsAreAnErrorNamingBothFolders() throws {
        let scan = try ArchiveScanner.scan([Fixtures.path("broken/duplicate-a"), Fixtures.path("broken/duplicate-b")])
        XCTAssertEqual(scan.sources.map(\.folder), [Fixtures.path("broken/duplicate-a")])
        XCTAssertTrue(scan.hasErrors)
        let error = try XCTUnwrap(scan.diagnostics.first { $0.severity == .error })
        XCTAssertEqual(error.file, Fixtures.path("broken/duplicate-b"))
        XCTAssertTrue(error.message.contains("duplicate episode id 'dubblett'"), error.message)
        XCTAssertTrue(error.message.contains(Fixtures.path("broken/duplicate-a")), error.message)
    }

    func testTranscriptWithoutMetadataIsAnError() throws {
        let scan = try ArchiveScanner.scan([Fixtures.path("broken")])
        let orphan = scan.diagnostics.first { $0.file == Fixtures.path("broken/orphan-transcript") }
        XCTAssertEqual(orphan?.severity, .error)
        XCTAssertFalse(scan.sources.contains { $0.folder.hasSuffix("orphan-transcript") })
        XCTAssertTrue(scan.sources.contains { $0.id == "dubblett" })
        XCTAssertEqual(scan.sources.filter { $0.id == "dubblett" }.count, 1)
    }

    func testMissingPathThrows() {
        XCTAssertThrowsError(try ArchiveScanner.scan([Fixtures.path("no-such-folder")])) { error in
            XCTAssertEqual(error as? IngestError, .notFound(path: Fixtures.path("no-such-folder")))
        }
    }

    func testAFileIsNotAnArchive() {
        XCTAssertThrowsError(try ArchiveScanner.scan([Fixtures.path("archive/README.md")])) { error in
            guard case .wrongKind? = error as? IngestError else { return XCTFail("\(error)") }
        }
    }
}

final class ArchiveScannerEdgeTests: XCTestCase {
    func testTheSameFolderNamedTwiceIsNotADuplicate() throws {
        let scan = try ArchiveScanner.scan([Fixtures.path("archive"), Fixtures.path("archive/55-vreta-kluster")])
        XCTAssertEqual(scan.sources.map(\.id), ["55-vreta-kluster", "56-vatten"])
        XCTAssertFalse(scan.hasErrors)
    }

    func testEmptyArchiveChecksWithAWarning() throws {
        let folder = try Fixtures.scratchFolder()
        defer { Fixtures.remove(folder) }
        XCTAssertEqual(try ArchiveScanner.scan([folder]), ArchiveScan())
        let report = try CheckReport.check(folder)
        XCTAssertEqual(report.exitStatus, 0)
        XCTAssertTrue(report.entries.first?.warnings.first?.message.hasPrefix("no episode folders found") ?? false)
    }

    func testHiddenFoldersAndFilesAreIgnored() throws {
        let folder = try Fixtures.scratchFolder()
        defer { Fixtures.remove(folder) }
        try Fixtures.write("{\"title\": \"Dold\"}", to: folder + "/.import-x-1/episode.json")
        try Fixtures.write("{\"title\": \"Synlig\"}", to: folder + "/synlig/episode.json")
        try Fixtures.write("text", to: folder + "/README.md")
        let scan = try ArchiveScanner.scan([folder])
        XCTAssertEqual(scan.sources.map(\.id), ["synlig"])
        XCTAssertNil(scan.sources.first?.transcriptPath)
    }
}
