import Foundation
import XCTest
import TalksModel
@testable import TalksIngest

final class EpisodeLoaderTests: XCTestCase {
    private func source(_ relative: String) throws -> EpisodeSource {
        let scan = try ArchiveScanner.scan([Fixtures.path(relative)])
        return try XCTUnwrap(scan.sources.first, "no source in \(relative)")
    }

    private func rejection(_ relative: String, file: StaticString = #filePath, line: UInt = #line) throws -> EpisodeRejection {
        switch EpisodeLoader.load(try source(relative)) {
        case .success(let loaded):
            XCTFail("\(relative) was accepted: \(loaded.episode)", file: file, line: line)
            throw XCTSkip("accepted")
        case .failure(let rejection):
            XCTAssertEqual(rejection.exitStatus, 65, file: file, line: line)
            return rejection
        }
    }

    func testLoadsAValidEpisodeWithCuesSpeakersAndHash() throws {
        let result = EpisodeLoader.load(try source("archive/55-vreta-kluster"))
        let loaded = try result.get()
        XCTAssertEqual(loaded.episode.id, "55-vreta-kluster")
        XCTAssertEqual(loaded.episode.title, "Om Vreta Kluster och de gröna klustren i Sverige")
        XCTAssertEqual(loaded.episode.number, 55)
        XCTAssertEqual(loaded.episode.timestamp, 1_666_173_600)
        XCTAssertEqual(loaded.transcript.cues.count, 3)
        XCTAssertEqual(loaded.transcript.cues[1].speaker, "Helene Oscarsson")
        XCTAssertEqual(loaded.transcript.cues[2].text, "Vi har en företagspark med 150 personer i 30 företag.")
        XCTAssertEqual(loaded.contentHash.count, 16)
        XCTAssertEqual(loaded.sourcePath, Fixtures.path("archive/55-vreta-kluster"))
        XCTAssertTrue(loaded.diagnostics.contains { $0.message.contains("unknown field 'moderator_notes'") })
        XCTAssertEqual(try EpisodeLoader.load(try source("archive/55-vreta-kluster")).get().contentHash, loaded.contentHash)
    }

    func testLoadsSubRipWithSpeakerPrefix() throws {
        let loaded = try EpisodeLoader.load(try source("archive/56-vatten-och-torka")).get()
        XCTAssertEqual(loaded.episode.id, "56-vatten")
        XCTAssertEqual(loaded.episode.speakers, [Speaker(name: "Per Andersson")])
        XCTAssertEqual(loaded.transcript.cues.count, 2)
        XCTAssertEqual(loaded.transcript.cues.first?.speaker, "Per Andersson")
        XCTAssertEqual(loaded.transcript.cues.first?.text, "Torkan 2018 lärde oss mycket.")
    }

    func testContentHashChangesWithEitherFile() throws {
        let folder = try Fixtures.scratchFolder()
        defer { Fixtures.remove(folder) }
        try Fixtures.write("{\"title\": \"Hash\"}", to: folder + "/episode.json")
        try Fixtures.write("WEBVTT\n\n00:00.000 --> 00:01.000\nett\n", to: folder + "/transcript.vtt")
        let first = try EpisodeLoader.load(try XCTUnwrap(ArchiveScanner.scan([folder]).sources.first)).get().contentHash
        try Fixtures.write("WEBVTT\n\n00:00.000 --> 00:01.000\ntvå\n", to: folder + "/transcript.vtt")
        let second = try EpisodeLoader.load(try XCTUnwrap(ArchiveScanner.scan([folder]).sources.first)).get().contentHash
        try Fixtures.write("{\"title\": \"Hash 2\"}", to: folder + "/episode.json")
        let third = try EpisodeLoader.load(try XCTUnwrap(ArchiveScanner.scan([folder]).sources.first)).get().contentHash
        XCTAssertNotEqual(first, second)
        XCTAssertNotEqual(second, third)
    }

    func testInvalidJSONNamesFileLineAndColumn() throws {
        let rejection = try rejection("broken/invalid-json")
        XCTAssertEqual(rejection.errors.count, 1)
        let error = try XCTUnwrap(rejection.errors.first)
        XCTAssertEqual(error.file, Fixtures.path("broken/invalid-json/episode.json"))
        XCTAssertEqual(error.line, 4)
        XCTAssertTrue(error.message.contains("line 4, column 3: expected ',' or '}' after object member"), error.message)
    }

    func testMissingTitleIsAnErrorNamingTheField() throws {
        let error = try XCTUnwrap(try rejection("broken/missing-title").errors.first)
        XCTAssertEqual(error.file, Fixtures.path("broken/missing-title/episode.json"))
        XCTAssertEqual(error.line, 1)
        XCTAssertEqual(error.message, "missing required field 'title'")
    }

    func testUnparsableDateNamesLineAndField() throws {
        let error = try XCTUnwrap(try rejection("broken/bad-date").errors.first)
        XCTAssertEqual(error.line, 3)
        XCTAssertTrue(error.message.hasPrefix("field 'date': '19 oktober 2022' is not an ISO 8601 date"), error.message)
    }

    func testNoSignatureEmptyAndMissingTranscriptAreOneClearErrorEach() throws {
        let noSignature = try rejection("broken/no-signature").errors
        XCTAssertEqual(noSignature.count, 1)
        XCTAssertEqual(noSignature.first?.file, Fixtures.path("broken/no-signature/transcript.vtt"))
        XCTAssertEqual(noSignature.first?.line, 1)
        XCTAssertTrue(noSignature.first?.message.contains("WEBVTT") ?? false, "\(noSignature)")

        let empty = try rejection("broken/empty").errors
        XCTAssertEqual(empty.count, 1)
        XCTAssertTrue(empty.first?.message.contains("empty") ?? false, "\(empty)")

        let missing = try rejection("broken/missing-transcript").errors
        XCTAssertEqual(missing.count, 1)
        XCTAssertEqual(missing.first?.file, Fixtures.path("broken/missing-transcript"))
        XCTAssertTrue(missing.first?.message.hasPrefix("missing transcript") ?? false, "\(missing)")
    }

    func testWrongTypesAreErrorsWithLines() throws {
        let errors = try rejection("broken/wrong-types").errors
        let byLine = Dictionary(grouping: errors, by: { $0.line ?? 0 })
        XCTAssertEqual(Set(byLine.keys), [3, 4, 5, 6], "\(errors)")
        XCTAssertTrue(byLine[3]?.first?.message.contains("'number' must be a whole number") ?? false)
        XCTAssertTrue(byLine[4]?.first?.message.contains("'speakers' must be an array") ?? false)
        XCTAssertTrue(byLine[5]?.first?.message.contains("'tags' item 2 must be a string") ?? false)
        XCTAssertTrue(byLine[6]?.first?.message.contains("'duration'") ?? false)
    }

    func testUnsafeIDIsRejected() throws {
        let error = try XCTUnwrap(try rejection("broken/bad-id").errors.first)
        XCTAssertTrue(error.message.contains("'../etc'"), error.message)
    }

    func testReversedCueTimesGiveAWarningAndKeepTheGoodCue() throws {
        let loaded = try EpisodeLoader.load(try source("broken/reversed-times")).get()
        XCTAssertEqual(loaded.transcript.cues.map(\.text), ["Framlänges"])
        let warning = try XCTUnwrap(loaded.diagnostics.first { $0.file.hasSuffix("transcript.vtt") })
        XCTAssertEqual(warning.line, 3)
    }

    func testTenMegabyteSingleLineCueIsHandledQuickly() throws {
        let folder = try Fixtures.scratchFolder()
        defer { Fixtures.remove(folder) }
        try Fixtures.write("{\"title\": \"Lång rad\"}", to: folder + "/episode.json")
        let line = String(repeating: "ord ", count: 2_621_440)
        try Fixtures.write("WEBVTT\n\n00:00.000 --> 00:01.000\n" + line + "\n", to: folder + "/transcript.vtt")
        let loaded = try EpisodeLoader.load(try XCTUnwrap(ArchiveScanner.scan([folder]).sources.first)).get()
        XCTAssertEqual(loaded.transcript.cues.count, 1)
        XCTAssertLessThanOrEqual(loaded.transcript.cues[0].text.utf8.count, 16 * 1024)
        XCTAssertTrue(loaded.diagnostics.contains { $0.message.contains("truncated") })
    }

    func testFilesOverTheLimitAreRefusedBeforeReading() throws {
        let folder = try Fixtures.scratchFolder()
        defer { Fixtures.remove(folder) }
        let path = folder + "/big.json"
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: 65 * 1024 * 1024)  // sparse: costs no disk
        try handle.close()
        XCTAssertThrowsError(try FileSystem.readFile(path)) { error in
            guard case .fileTooLarge(_, let size, let limit)? = error as? IngestError else { return XCTFail("\(error)") }
            XCTAssertEqual(size, 65 * 1024 * 1024)
            XCTAssertEqual(limit, 64 * 1024 * 1024)
        }
    }
}

final class EpisodeLoaderPageTests: XCTestCase {
    func testEpisodeFolderWithAnEventPageInsteadOfJSON() throws {
        let archive = try Fixtures.scratchFolder()
        defer { Fixtures.remove(archive) }
        let folder = archive + "/landet-lar-55"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Fixtures.path("pages/landet-lar-55.html"), toPath: folder + "/episode.html")
        try FileManager.default.copyItem(atPath: Fixtures.path("archive/55-vreta-kluster/transcript.vtt"), toPath: folder + "/transcript.vtt")
        let scan = try ArchiveScanner.scan([archive])
        XCTAssertEqual(scan.sources.map(\.id), ["landet-lar-55"])
        let loaded = try EpisodeLoader.load(try XCTUnwrap(scan.sources.first)).get()
        XCTAssertEqual(loaded.episode.title, "Landet lär: Om Vreta Kluster och de gröna klustren i Sverige")
        XCTAssertEqual(loaded.episode.timestamp, 1_666_173_600)
        XCTAssertEqual(loaded.episode.speakers.first?.organisation, "Vreta Kluster")
        XCTAssertEqual(loaded.transcript.cues.count, 3)
    }

    func testParallelLoadsGiveTheSameResults() throws {
        let pages = try Fixtures.scratchFolder()
        defer { Fixtures.remove(pages) }
        for name in ["landet-lar-55", "landet-lar-plain"] {
            try FileManager.default.createDirectory(atPath: pages + "/" + name, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: Fixtures.path("pages/\(name).html"), toPath: pages + "/\(name)/episode.html")
            try FileManager.default.copyItem(atPath: Fixtures.path("archive/55-vreta-kluster/transcript.vtt"), toPath: pages + "/\(name)/transcript.vtt")
        }
        let scan = try ArchiveScanner.scan([Fixtures.path("archive"), Fixtures.path("broken"), pages])
        let sources = scan.sources
        XCTAssertEqual(sources.filter { $0.metadataPath.hasSuffix(".html") }.count, 2)
        let serial = sources.map { EpisodeLoader.load($0) }
        let results = ParallelResults(count: sources.count)
        DispatchQueue.concurrentPerform(iterations: sources.count * 4) { index in
            results.set(index % sources.count, EpisodeLoader.load(sources[index % sources.count]))
        }
        XCTAssertEqual(results.values, serial.map(Optional.some))
    }
}

/// Results written from many threads, read after they finish.
private final class ParallelResults: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [Result<LoadedEpisode, EpisodeRejection>?]

    init(count: Int) {
        stored = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ value: Result<LoadedEpisode, EpisodeRejection>) {
        lock.lock()
        stored[index] = value
        lock.unlock()
    }

    var values: [Result<LoadedEpisode, EpisodeRejection>?] {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}
