import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// End-to-end: `ingest`, `search`, `list`, `stats`, `remove` and `verify` on the shipped
/// sample archive, run as the built executable into a scratch index, and the zero-config
/// rule that only the default index/ is ever built implicitly.
final class IndexCommandsTests: XCTestCase {
    private var scratch = URL(fileURLWithPath: "/")
    private var archive: String { TalksExecutable.repositoryRoot.appendingPathComponent("archive").path }
    private var index: String { scratch.appendingPathComponent("index").path }

    override func setUpWithError() throws {
        try TalksExecutable.requireBuilt()
        try XCTSkipUnless(FileManager.default.fileExists(atPath: archive), "no archive/ in this checkout")
        scratch = try TalksExecutable.temporaryDirectory("index-commands")
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: scratch)
    }

    func testIngestSearchListStatsRemoveVerify() throws {
        let ingest = try TalksExecutable.run(["ingest", archive, "--index", index])
        XCTAssertEqual(ingest.status, 0, ingest.error)
        XCTAssertTrue(ingest.output.hasPrefix("Indexed 13 episodes ("), ingest.output)
        XCTAssertTrue(ingest.output.hasSuffix("13 added, 0 replaced, 0 unchanged, 0 rejected; generation 1, 13 episodes in \(index)/\n"), ingest.output)
        let again = try TalksExecutable.run(["ingest", archive, "--index", index])
        XCTAssertTrue(again.output.contains("0 added, 0 replaced, 13 unchanged"), again.output)

        let search = try TalksExecutable.run(["search", "livsmedelsstrategi", "--index", index])
        XCTAssertEqual(search.status, 0, search.error)
        XCTAssertTrue(search.output.contains("Landet lär #55 · Om Vreta Kluster och de gröna klustren i Sverige · 2022-10-19\n"), search.output)
        XCTAssertTrue(search.output.contains("  [01:46] Helene Oscarsson: Ja, precis. Östergötlands livsmedelsstrategi är väldigt viktig för oss.  https://media.example.org/landet-lar/55.mp4#t=106\n"), search.output)
        XCTAssertFalse(search.output.contains("\u{1B}["), "no bold escapes when stdout is a pipe")

        // `-word` as its own shell word excludes, it is not an unknown option. It works per
        // cue: #55 (titled "Om Vreta Kluster …") keeps the strategy moments that do not say
        // Vreta, and no shown moment says it.
        let excluding = try TalksExecutable.run(["search", "livsmedelsstrategi", "-Vreta", "--index", index])
        XCTAssertEqual(excluding.status, 0, excluding.error)
        XCTAssertTrue(excluding.output.contains("#55"), excluding.output)
        let moments = excluding.output.split(separator: "\n").filter { $0.hasPrefix("  [") }
        XCTAssertFalse(moments.isEmpty, excluding.output)
        XCTAssertFalse(moments.contains { $0.contains("Vreta") }, excluding.output)
        XCTAssertTrue(excluding.output.hasSuffix("1–4 of 4 episodes.\n"), excluding.output)

        let json = try TalksExecutable.run(["search", "torkan", "--json", "--limit", "1", "--index", index])
        let document = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        XCTAssertEqual(document["query"] as? String, "torkan")
        let results = try XCTUnwrap(document["results"] as? [[String: Any]])
        XCTAssertEqual(results.count, 1)
        let hit = try XCTUnwrap((results[0]["hits"] as? [[String: Any]])?.first)
        XCTAssertTrue((hit["snippet_html"] as? String)?.contains("<mark>") == true, "\(hit)")
        XCTAssertTrue((hit["url"] as? String)?.contains(".mp4#t=") == true, "\(hit)")

        let typo = try TalksExecutable.run(["search", "biokaz", "--index", index])
        XCTAssertEqual(typo.status, 0, typo.error)
        XCTAssertEqual(typo.output, "Inga träffar för \"biokaz\".\nMenade du: biogas, boka, bokar?\n")
        let phrase = try TalksExecutable.run(["search", "\"gröna klustrem\"", "--index", index])
        XCTAssertTrue(phrase.output.hasPrefix("Inga träffar för \"gröna klustrem\".\nMenade du: klustren"), phrase.output)

        let badQuery = try TalksExecutable.run(["search", "\"Landet lär", "--index", index])
        XCTAssertEqual(badQuery.status, 64)
        XCTAssertEqual(badQuery.error, "talks search: bad query at column 1: the quote opened here is never closed; add a closing '\"'\n")

        let list = try TalksExecutable.run(["list", "--index", index])
        XCTAssertTrue(list.output.hasPrefix("landet-lar-38  2021-09-15  #38 Vatten i landskapet: torka, våtmarker och bevattning  ("), list.output)
        XCTAssertTrue(list.output.hasSuffix("13 episodes, generation 1\n"), list.output)
        let stats = try TalksExecutable.run(["stats", "--json", "--index", index])
        let statistics = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(stats.output.utf8)) as? [String: Any])
        XCTAssertEqual(statistics["episodes"] as? Int, 13)

        let remove = try TalksExecutable.run(["remove", "landet-lar-55", "no-such-episode", "--index", index])
        XCTAssertEqual(remove.status, 65)
        XCTAssertEqual(remove.output, "Removed 1 episode; generation 2, 12 episodes in \(index)/\n")
        XCTAssertEqual(remove.error, "talks remove: no episode with id 'no-such-episode' in \(index)/\n")
        let after = try TalksExecutable.run(["search", "Vreta", "--index", index])
        XCTAssertFalse(after.output.contains("#55"), after.output)

        let verify = try TalksExecutable.run(["verify", "--index", index])
        XCTAssertEqual(verify.status, 0, verify.output)
        XCTAssertTrue(verify.output.hasPrefix("\(index)/: ok: generation 2, "), verify.output)
    }

    func testAHeldWriteLockIsReportedNotWaitedFor() throws {
        XCTAssertEqual(try TalksExecutable.run(["ingest", archive, "--index", index]).status, 0)
        let descriptor = open(index + "/.write.lock", O_RDWR | O_CREAT, 0o644)
        XCTAssertGreaterThanOrEqual(descriptor, 0)
        defer { close(descriptor) }
        XCTAssertEqual(flock(descriptor, LOCK_EX), 0)
        let run = try TalksExecutable.run(["remove", "landet-lar-38", "--index", index])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.error.hasPrefix("talks remove: index is locked by another process (\(index)/.write.lock)"), run.error)
    }

    func testIngestWithoutAnArchiveHereSaysWhatToName() throws {
        let run = try TalksExecutable.run(["ingest", "--index", index], in: scratch)
        XCTAssertEqual(run.status, 64)
        XCTAssertEqual(run.error, "talks ingest: there is no archive/ folder here; name the archive to index, "
            + "e.g. 'talks ingest path/to/archive'\nRun 'talks ingest --help' for usage.\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: index), "nothing is created")
    }

    func testMissingIndexNamesTheFix() throws {
        for command in ["list", "stats", "verify", "search"] {
            var arguments = [command, "--index", index]
            if command == "search" { arguments.insert("torka", at: 1) }
            let run = try TalksExecutable.run(arguments, in: scratch)
            XCTAssertEqual(run.status, 1, command)
            XCTAssertTrue(run.error.hasPrefix("talks \(command): \(index) holds no index"), run.error)
        }
    }

    /// Zero configuration builds only the default index/ (SearchCommandTests covers that
    /// path): an explicit --index is never filled from archive/ behind the user's back.
    func testAnExplicitIndexIsNeverBuiltFromTheArchive() throws {
        try FileManager.default.copyItem(atPath: archive, toPath: scratch.appendingPathComponent("archive").path)
        let elsewhere = try TalksExecutable.run(["search", "livsmedelsstrategi", "--index", "other"], in: scratch)
        XCTAssertEqual(elsewhere.status, 1)
        XCTAssertTrue(elsewhere.error.hasPrefix("talks search: other holds no index"), elsewhere.error)
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.appendingPathComponent("other").path))
    }
}
