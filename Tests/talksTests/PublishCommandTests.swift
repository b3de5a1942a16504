import Foundation
import XCTest

/// End-to-end: `talks publish` run as the built executable from an index built from the
/// sample archive into a replica folder that `talks serve` reads: the folder is created,
/// a second run copies nothing, the server moves to each published generation, and a
/// damaged source file is refused while the server keeps the generation it had.
final class PublishCommandTests: XCTestCase {
    private var scratch = URL(fileURLWithPath: "/")
    private var archive: String { TalksExecutable.repositoryRoot.appendingPathComponent("archive").path }
    private var source: String { scratch.appendingPathComponent("index").path }
    private var replica: String { scratch.appendingPathComponent("replica/one/index").path }

    override func setUpWithError() throws {
        try TalksExecutable.requireBuilt()
        try XCTSkipUnless(FileManager.default.fileExists(atPath: archive), "no archive/ in this checkout")
        scratch = try TalksExecutable.temporaryDirectory("publish-command")
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: scratch)
    }

    private func generation(_ server: ServedIndex) throws -> Int? {
        let health = try server.get("health")
        let document = try JSONSerialization.jsonObject(with: Data(health.body.utf8)) as? [String: Any]
        return document?["generation"] as? Int
    }

    func testPublishIntoAServedReplica() throws {
        XCTAssertEqual(try TalksExecutable.run(["ingest", archive, "--index", source]).status, 0)
        let first = try TalksExecutable.run(["publish", "--index", source, replica])
        XCTAssertEqual(first.status, 0, first.error)
        XCTAssertTrue(first.output.hasPrefix("published generation 1 to \(replica): 1 segment copied ("), first.output)
        XCTAssertTrue(first.output.hasSuffix(" MB), 0 unchanged\n"), first.output)
        XCTAssertTrue(first.error.contains("copied seg-1-0.store ("), first.error)

        let again = try TalksExecutable.run(["publish", "--index", source, replica])
        XCTAssertEqual(again.status, 0, again.error)
        XCTAssertEqual(again.output, "generation 1 is already published to \(replica): nothing copied, 1 segment unchanged\n")
        XCTAssertEqual(again.error, "")

        let server = try ServedIndex(index: replica)
        defer { server.stop() }
        XCTAssertEqual(try generation(server), 1)
        XCTAssertTrue(try server.get("search?q=Vreta").body.contains("landet-lar-55"))

        XCTAssertEqual(try TalksExecutable.run(["remove", "landet-lar-55", "--index", source]).status, 0)
        let second = try TalksExecutable.run(["publish", "--index", source, replica, "--quiet"])
        XCTAssertEqual(second.status, 0, second.error)
        XCTAssertEqual(second.output, "published generation 2 to \(replica): nothing copied, 1 segment unchanged\n")
        XCTAssertEqual(second.error, "", "--quiet prints only the summary")
        XCTAssertEqual(try generation(server), 2, "the server moved to the published generation")
        XCTAssertFalse(try server.get("search?q=Vreta").body.contains("landet-lar-55"))

        // A damaged file of the next generation: refused, the replica keeps serving generation 2.
        let extra = scratch.appendingPathComponent("extra")
        try FileManager.default.createDirectory(at: extra, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: archive + "/landet-lar-55", toPath: extra.appendingPathComponent("landet-lar-55").path)
        XCTAssertEqual(try TalksExecutable.run(["ingest", extra.path, "--index", source]).status, 0)
        let damaged = source + "/seg-3-0.store"
        var bytes = try XCTUnwrap(FileManager.default.contents(atPath: damaged))
        bytes[bytes.count / 2] ^= 0x01
        try bytes.write(to: URL(fileURLWithPath: damaged))
        let refused = try TalksExecutable.run(["publish", "--index", source, replica])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.error.contains("talks publish: \(damaged) is damaged (its CRC-32C footer says "), refused.error)
        XCTAssertTrue(refused.error.contains("; nothing was published."), refused.error)
        XCTAssertEqual(try generation(server), 2)
        XCTAssertEqual(try TalksExecutable.run(["verify", "--index", replica]).status, 0)
    }

    func testGraceZeroRemovesWhatTheNewGenerationNoLongerUses() throws {
        XCTAssertEqual(try TalksExecutable.run(["ingest", archive, "--index", source]).status, 0)
        XCTAssertEqual(try TalksExecutable.run(["publish", "--index", source, replica]).status, 0)
        let ids = try FileManager.default.contentsOfDirectory(atPath: archive).filter { !$0.contains(".") }
        XCTAssertEqual(try TalksExecutable.run(["remove"] + ids + ["--index", source]).status, 0)
        let extra = scratch.appendingPathComponent("extra")
        try FileManager.default.createDirectory(at: extra, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: archive + "/landet-lar-55", toPath: extra.appendingPathComponent("landet-lar-55").path)
        XCTAssertEqual(try TalksExecutable.run(["ingest", extra.path, "--index", source]).status, 0)

        let kept = try TalksExecutable.run(["publish", "--index", source, replica])
        XCTAssertEqual(kept.status, 0, kept.error)
        XCTAssertTrue(kept.output.hasPrefix("published generation 3 to \(replica): 1 segment copied ("), kept.output)
        XCTAssertTrue(kept.output.hasSuffix(", 0 unchanged, 1 scheduled for removal\n"), kept.output)
        XCTAssertTrue(FileManager.default.fileExists(atPath: replica + "/seg-1-0.store"))

        let removed = try TalksExecutable.run(["publish", "--index", source, replica, "--grace", "0"])
        XCTAssertEqual(removed.output, "generation 3 is already published to \(replica): nothing copied, 1 segment unchanged, 1 removed\n")
        XCTAssertTrue(removed.error.contains("removed seg-1-0.store (unused for at least 0 s)"), removed.error)
        XCTAssertFalse(FileManager.default.fileExists(atPath: replica + "/seg-1-0.store"))
        let verify = try TalksExecutable.run(["verify", "--index", replica])
        XCTAssertTrue(verify.output.hasPrefix("\(replica)/: ok: generation 3, 1 segment, "), verify.output)
    }

    func testAMissingSourceOrABadGraceIsNamed() throws {
        let missing = try TalksExecutable.run(["publish", "--index", source, replica])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.error.hasPrefix("talks publish: \(source) holds no index (no manifest.json)."), missing.error)
        let badGrace = try TalksExecutable.run(["publish", replica, "--grace", "-1"])
        XCTAssertEqual(badGrace.status, 64)
        XCTAssertTrue(badGrace.error.contains("--grace"), badGrace.error)
    }
}
