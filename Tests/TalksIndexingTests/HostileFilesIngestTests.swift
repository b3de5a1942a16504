import XCTest
import TalksIngest
import TalksModel
@testable import TalksIndex
@testable import TalksIndexing

/// Files that are not regular files where an episode's files should be: a FIFO (opening it
/// would wait for a writer forever), a link to `/dev/zero` (reading it never ends; refused
/// because it leaves the archive) and a directory. Ingest names each and finishes, both for new episodes and for episodes already
/// indexed (whose files are first hashed to recognise unchanged ones), which keep their
/// indexed copy.
final class HostileFilesIngestTests: XCTestCase {
    private var root = ""

    override func setUp() {
        root = TestFolders.temporaryDirectory(name)
    }

    override func tearDown() {
        TestFolders.cleanUp(root)
    }

    private func writeEpisode(_ id: String, transcript: String = "WEBVTT\n\n00:01.000 --> 00:02.000\nHej från \(UUID()).\n") throws {
        let folder = root + "/archive/" + id
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data("{\"title\": \"Avsnitt \(id)\"}".utf8).write(to: URL(fileURLWithPath: folder + "/episode.json"))
        try Data(transcript.utf8).write(to: URL(fileURLWithPath: folder + "/transcript.vtt"))
    }

    /// Replaces an episode's transcript with something that is not a regular file.
    private func makeHostile(_ id: String, _ kind: String) throws {
        let path = root + "/archive/" + id + "/transcript.vtt"
        try FileManager.default.removeItem(atPath: path)
        switch kind {
        case "fifo": XCTAssertEqual(mkfifo(path, 0o644), 0)
        case "zero": try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "/dev/zero")
        default: try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        }
    }

    /// Runs an ingest on another thread, failing (instead of hanging the suite) after 30 s.
    private func ingestWithin30Seconds() throws -> IngestSummary {
        let result = IngestResultBox()
        let done = DispatchSemaphore(value: 0)
        let (archive, index) = (root + "/archive", root + "/index")
        Thread {
            result.value = Result { try ArchiveIndexer.ingest(paths: [archive], index: index) }
            done.signal()
        }.start()
        guard done.wait(timeout: .now() + 30) == .success else {
            XCTFail("ingest did not finish in 30 s")
            throw XCTSkip("hung")
        }
        return try XCTUnwrap(result.value).get()
    }

    func testFIFOsDevicesAndFoldersAreNamedAndNeverHangIngest() throws {
        let kinds = ["fifo", "zero", "folder"]
        for kind in kinds { try writeEpisode("ny-" + kind) }
        for kind in kinds { try writeEpisode("gammal-" + kind) }
        try writeEpisode("frisk")
        let first = try ingestWithin30Seconds()
        XCTAssertEqual(first.added, 7)

        for kind in kinds {
            try makeHostile("ny-" + kind, kind)
            try makeHostile("gammal-" + kind, kind)
        }
        // New copies of the "ny" episodes: not yet indexed under these ids.
        for kind in kinds {
            let old = root + "/archive/ny-" + kind
            try FileManager.default.moveItem(atPath: old, toPath: root + "/archive/nytt-" + kind)
        }
        let second = try ingestWithin30Seconds()
        XCTAssertEqual(second.unchanged, 1, "frisk")
        XCTAssertEqual(second.rejections.count, 6, "\(second.rejections)")
        for rejection in second.rejections {
            let expected = rejection.path.hasSuffix("-zero")
                ? "refused: its real path /dev/zero is outside the archive \(root)/archive; talks reads only files inside the archive (copy the file in, or point the symbolic link inside the archive)"
                : "expected a regular file"
            XCTAssertEqual(rejection.diagnostics.map(\.message), [expected], rejection.path)
            XCTAssertTrue(rejection.diagnostics.allSatisfy { $0.file.hasSuffix("/transcript.vtt") })
        }
        let reader = try IndexReader.open(directory: root + "/index")
        for kind in kinds {
            XCTAssertNotNil(reader.locate(episodeID: "gammal-" + kind), "the indexed copy stays")
        }
    }
}

/// The outcome of an ingest run on another thread.
final class IngestResultBox: @unchecked Sendable {
    var value: Result<IngestSummary, any Error>?
}
