import XCTest
import TalksModel
@testable import TalksIngest
import TalksTestSupport

/// Mutated and adversarial inputs for every reader in TalksIngest: each must return a result
/// or a located error, never crash, hang or print. Mutations come from a fixed-seed generator,
/// so a failure reproduces exactly.
final class HostileInputTests: XCTestCase {

    private func mutations(of seed: [UInt8], count: Int, seedValue: UInt64) -> [[UInt8]] {
        var random = SplitMix64(seed: seedValue)
        let interesting: [UInt8] = Array("{}[]\",:\\<>&;/-0e.\n\r\0".utf8) + [0xC3, 0xFF, 0xED, 0xA0, 0xEF, 0xBB, 0xBF]
        return (0..<count).map { _ in
            var bytes = seed
            for _ in 0...random.below(4) {
                guard !bytes.isEmpty else { bytes = [interesting[random.below(interesting.count)]]; continue }
                let position = random.below(bytes.count)
                switch random.below(5) {
                case 0: bytes[position] = interesting[random.below(interesting.count)]
                case 1: bytes.insert(interesting[random.below(interesting.count)], at: position)
                case 2: bytes.remove(at: position)
                case 3: bytes.removeSubrange(position...)
                default:
                    let end = min(bytes.count, position + random.below(64))
                    bytes.insert(contentsOf: bytes[position..<end], at: position)
                }
            }
            return bytes
        }
    }

    func testMutatedEpisodeJSONAlwaysGivesAnEpisodeOrLocatedErrors() throws {
        let seed = try Fixtures.bytes("archive/55-vreta-kluster/episode.json")
        var rejected = 0
        for bytes in mutations(of: seed, count: 1500, seedValue: 55) {
            let metadata = EpisodeJSONReader.read(bytes, file: "episode.json", defaultID: "55")
            if metadata.episode == nil {
                rejected += 1
                XCTAssertFalse(metadata.errors.isEmpty)
                XCTAssertTrue(metadata.errors.allSatisfy { $0.line != nil }, "\(metadata.errors)")
            }
        }
        XCTAssertGreaterThan(rejected, 100, "the mutations should break many files")
    }

    func testMutatedPagesNeverCrash() throws {
        let seed = try Fixtures.bytes("pages/landet-lar-55.html")
        for bytes in mutations(of: seed, count: 300, seedValue: 56) {
            let metadata = EpisodePageReader.read(bytes, file: "episode.html", defaultID: "55")
            XCTAssertTrue(metadata.episode != nil || !metadata.errors.isEmpty)
        }
    }

    func testMutatedFeedsNeverCrash() throws {
        let seed = try Fixtures.bytes("feed/landet-lar.xml")
        let folder = try Fixtures.scratchFolder()
        defer { Fixtures.remove(folder) }
        for bytes in mutations(of: seed, count: 300, seedValue: 57) {
            do {
                let feed = try RSSFeed(bytes, file: "feed.xml")
                XCTAssertTrue(feed.items.allSatisfy { !$0.episode.title.isEmpty })
            } catch {
                XCTAssertFalse(error.description.isEmpty)
            }
        }
    }

    func testDeeplyNestedAndHugeDocumentsAreBounded() {
        let deepJSON = Array(String(repeating: "{\"a\":", count: 50_000).utf8)
        let metadata = EpisodeJSONReader.read(deepJSON, file: "episode.json", defaultID: "x")
        XCTAssertTrue(metadata.errors.first?.message.contains("nested more than 64 deep") ?? false, "\(metadata.errors)")

        let deepHTML = Array(("<html><body><main><h1>Djup</h1>" + String(repeating: "<div>", count: 100_000) + "text").utf8)
        let page = EpisodePageReader.read(deepHTML, file: "episode.html", defaultID: "x")
        XCTAssertEqual(page.episode?.title, "Djup")

        var billionLaughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\">"
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            billionLaughs += "<!ENTITY \(name) \"" + String(repeating: "&\(previous);", count: 10) + "\">"
            previous = name
        }
        billionLaughs += "]>\n<rss version=\"2.0\"><channel><title>&i;</title><item><title>&i;</title></item></channel></rss>"
        let result = Result { try RSSFeed(Array(billionLaughs.utf8), file: "feed.xml") }
        if case .success(let feed) = result {
            XCTAssertLessThan(feed.items.first?.episode.title.utf8.count ?? 0, 1_000_000, "entities must not be expanded")
        }
    }

    func testInvalidUTF8InTitleIsAnErrorNotAGuess() {
        let bytes: [UInt8] = Array("{\"title\": \"Sm".utf8) + [0xE5] + Array("land\"}".utf8)
        let metadata = EpisodeJSONReader.read(bytes, file: "episode.json", defaultID: "x")
        XCTAssertNil(metadata.episode)
        XCTAssertEqual(metadata.errors.first?.line, 1)
        XCTAssertTrue(metadata.errors.first?.message.contains("invalid UTF-8") ?? false, "\(metadata.errors)")
    }
}

final class TranscriptEncodingTests: XCTestCase {
    func testTranscriptThatIsNotUTF8IsRejectedAtTheFirstBadByte() throws {
        let folder = try Fixtures.scratchFolder()
        defer { Fixtures.remove(folder) }
        try Fixtures.write("{\"title\": \"Latin-1\"}", to: folder + "/episode.json")
        let bytes: [UInt8] = Array("WEBVTT\n\n00:01.000 --> 00:02.000\nVi i Sm".utf8) + [0xE5] + Array("land\n".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: folder + "/transcript.vtt"))
        guard case .failure(let rejection) = EpisodeLoader.load(try XCTUnwrap(ArchiveScanner.scan([folder]).sources.first)) else {
            return XCTFail("accepted")
        }
        XCTAssertEqual(rejection.errors.count, 1)
        XCTAssertEqual(rejection.errors.first?.line, 4)
        XCTAssertTrue(rejection.errors.first?.message.hasPrefix("not UTF-8: byte 0xE5 at column 8") ?? false, "\(rejection.errors)")
    }

    func testValidationAgreesWithTheStandardLibrary() {
        let samples: [[UInt8]] = [
            Array("Östergötland 😀\nrad två".utf8), [0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
            [0xF0, 0x9F, 0x98], [0xEF, 0xBB, 0xBF, 0x41], [0x41, 0x0A, 0xFF], [0xE2, 0x82, 0xAC],
        ]
        for bytes in samples {
            XCTAssertEqual(UTF8Validation.firstProblem(in: bytes) == nil, String(validating: bytes, as: UTF8.self) != nil, "\(bytes)")
        }
        XCTAssertEqual(UTF8Validation.firstProblem(in: [0x41, 0x0A, 0x42, 0xFF]), UTF8Validation.Problem(line: 2, column: 2, byte: 0xFF))
    }
}
