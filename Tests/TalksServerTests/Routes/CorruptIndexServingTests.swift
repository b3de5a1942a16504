import Foundation
import TalksIndex
import TalksSearch
import XCTest
@testable import TalksServer

/// A damaged index is never served: the server checks every file's checksum when it opens a
/// generation, keeps serving the previous one when a new one is damaged, and answers 503
/// naming the file when no sound generation exists.
final class CorruptIndexServingTests: XCTestCase {
    private var directory = ""

    override func setUpWithError() throws {
        directory = try SampleIndex.temporaryDirectory("corrupt")
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Flips one byte in the middle of a file, inside a section the reader does not check
    /// structurally when opening.
    private func flipByte(in name: String) throws {
        let url = URL(fileURLWithPath: directory + "/" + name)
        var data = try Data(contentsOf: url)
        data[data.count / 2] ^= 0x20
        try data.write(to: url)
    }

    private func json(_ data: Data) throws -> [String: Any] {
        try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func testADamagedNewGenerationIsNotServedAndThePreviousOneKeepsAnswering() throws {
        let episodes = try SampleIndex.episodes()
        try SampleIndex.commit(Array(episodes.prefix(3)), into: directory)
        let harness = try ServerHarness(handler: TalksRoutes(backend: IndexSearchBackend(directory: directory)))
        defer { harness.stop() }
        let before = try harness.fetch("/search?q=och&limit=20")
        XCTAssertEqual(before.status, 200)
        XCTAssertEqual(try json(before.body)["total_episodes"] as? Int, 3)

        XCTAssertEqual(try SampleIndex.commit(Array(episodes.dropFirst(3).prefix(2)), into: directory), 2)
        try flipByte(in: "seg-2-0.store")
        for _ in 0..<3 {
            let during = try harness.fetch("/search?q=och&limit=20")
            XCTAssertEqual(during.status, 200)
            XCTAssertEqual(try json(during.body)["total_episodes"] as? Int, 3, "generation 1 still answers")
            XCTAssertEqual(try json(try harness.fetch("/health").body)["generation"] as? Int, 1)
        }
        // The next sound generation is picked up.
        try SampleIndex.commit(Array(episodes.dropFirst(5).prefix(1)), into: directory)
        try flipByte(in: "seg-2-0.store")  // repaired: the byte flipped back
        XCTAssertFalse(try IndexVerifier.verify(directory: directory).isCorrupt)
        XCTAssertEqual(try json(try harness.fetch("/search?q=och&limit=20").body)["total_episodes"] as? Int, 6)
    }

    func testADamagedIndexGives503NamingTheFile() throws {
        try SampleIndex.commit(try SampleIndex.episodes(), into: directory)
        try flipByte(in: "seg-1-0.postings")
        let harness = try ServerHarness(handler: TalksRoutes(backend: IndexSearchBackend(directory: directory)))
        defer { harness.stop() }
        for _ in 0..<2 {
            let reply = try harness.fetch("/search?q=livsmedelsstrategi")
            XCTAssertEqual(reply.status, 503)
            let message = try XCTUnwrap((try json(reply.body)["error"] as? [String: Any])?["message"] as? String)
            XCTAssertTrue(message.contains("seg-1-0.postings"), message)
            XCTAssertTrue(message.contains("CRC-32C"), message)
        }
        XCTAssertEqual(try harness.fetch("/health").status, 503)
    }
}
