import Foundation
import XCTest
import TalksModel
@testable import TalksIngest

/// `IngestLimits`, just under (the episode loads) and just over (rejected with a message
/// naming the file and the limit).
final class IngestLimitsTests: XCTestCase {
    private var folder = ""

    override func setUpWithError() throws {
        folder = try Fixtures.scratchFolder(name)
    }

    override func tearDown() {
        Fixtures.remove(folder)
    }

    private func load() throws -> Result<LoadedEpisode, EpisodeRejection> {
        EpisodeLoader.load(try XCTUnwrap(ArchiveScanner.scan([folder]).sources.first))
    }

    private func errors(_ result: Result<LoadedEpisode, EpisodeRejection>) -> [String] {
        guard case .failure(let rejection) = result else { return [] }
        return rejection.errors.map(\.description)
    }

    private let transcript = "WEBVTT\n\n00:01.000 --> 00:02.000\nHej.\n"

    /// `episode.json` padded with spaces to exactly `size` bytes.
    private func writeMetadata(size: Int64) throws {
        var text = "{\"title\": \"Gränsfall\""
        text += String(repeating: " ", count: Int(size) - text.utf8.count - 2) + "}\n"
        try Fixtures.write(text, to: folder + "/episode.json")
    }

    func testMetadataAtTheLimitLoadsAndOneByteMoreIsRejected() throws {
        try Fixtures.write(transcript, to: folder + "/transcript.vtt")
        try writeMetadata(size: IngestLimits.maximumMetadataFileBytes)
        XCTAssertEqual(try load().get().episode.title, "Gränsfall")
        try writeMetadata(size: IngestLimits.maximumMetadataFileBytes + 1)
        XCTAssertEqual(errors(try load()), [
            folder + "/episode.json: error: the file is 8388609 bytes, more than the limit of 8388608 bytes (8 MiB) "
                + "for episode metadata; it was not read",
        ])
    }

    func testTranscriptOverTheLimitIsRejectedBeforeReading() throws {
        try Fixtures.write("{\"title\": \"Stor\"}", to: folder + "/episode.json")
        let path = folder + "/transcript.vtt"
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(transcript.utf8)))
        XCTAssertNoThrow(try load().get(), "a small transcript loads")
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: UInt64(IngestLimits.maximumTranscriptFileBytes) + 1)  // sparse: costs no disk
        try handle.close()
        XCTAssertEqual(errors(try load()), [
            path + ": error: the file is 67108865 bytes, more than the limit of 67108864 bytes (64 MiB) "
                + "for a transcript; it was not read",
        ])
    }

    func testNestingDepthLimitOfEpisodeJSON() {
        func nested(_ depth: Int) -> [UInt8] {
            // The top-level object is level 1; `x` holds depth − 1 more arrays.
            Array(("{\"title\": \"Djup\", \"x\": " + String(repeating: "[", count: depth - 1)
                + String(repeating: "]", count: depth - 1) + "}").utf8)
        }
        let under = EpisodeJSONReader.read(nested(IngestLimits.maximumJSONDepth), file: "episode.json", defaultID: "d")
        XCTAssertEqual(under.episode?.title, "Djup", "\(under.errors)")
        let over = EpisodeJSONReader.read(nested(IngestLimits.maximumJSONDepth + 1), file: "episode.json", defaultID: "d")
        XCTAssertNil(over.episode)
        XCTAssertTrue(over.errors.first?.message.contains("nested more than 64 deep") ?? false, "\(over.errors)")
    }

    func testEpisodeIDLengthLimit() {
        func metadata(id: String) -> EpisodeMetadata {
            EpisodeJSONReader.read(Array("{\"id\": \"\(id)\", \"title\": \"Id\"}".utf8), file: "episode.json", defaultID: "d")
        }
        let longest = String(repeating: "a", count: IngestLimits.maximumEpisodeIDBytes)
        XCTAssertEqual(metadata(id: longest).episode?.id, longest)
        let over = metadata(id: longest + "a")
        XCTAssertNil(over.episode)
        XCTAssertTrue(over.errors.first?.message.contains("is longer than 128 characters") ?? false, "\(over.errors)")
    }
}
