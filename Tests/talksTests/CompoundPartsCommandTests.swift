import Foundation
import XCTest

/// End-to-end through the built executable on `Fixtures/compound-archive` (text written for
/// the tests): a compound said as its parts in one cue is found, below the compound itself;
/// parts said in different cues are not; a last part said only inside compounds finds them;
/// no false parts (`ost`/`kostnad`, `vin`/`vinsten`). With the Swedish lexicon and rules only.
final class CompoundPartsCommandTests: XCTestCase {
    private var scratch = URL(fileURLWithPath: "/")
    private static let archive = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/compound-archive").path
    private static let dictionary = "/usr/share/hunspell/sv_SE.dic"

    override func setUpWithError() throws {
        try TalksExecutable.requireBuilt()
        scratch = try TalksExecutable.temporaryDirectory("compound-parts")
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: scratch)
    }

    private var rulesOnly: [String: String] { ["TALKS_HUNSPELL_DIR": scratch.appendingPathComponent("no-hunspell").path] }

    private func ingest(environment: [String: String]) throws -> String {
        let index = scratch.appendingPathComponent(environment.isEmpty ? "lexicon" : "rules").path
        let run = try TalksExecutable.run(["ingest", Self.archive, "--index", index], environment: environment)
        XCTAssertEqual(run.status, 0, run.error)
        return index
    }

    /// (episode folder, first hit's text) per result, in rank order.
    private func search(_ query: String, index: String) throws -> [(String, String)] {
        let run = try TalksExecutable.run(["search", query, "--json", "--index", index])
        XCTAssertEqual(run.status, 0, run.error)
        let object = try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any]
        return (object?["results"] as? [[String: Any]] ?? []).map { result in
            let episode = result["episode"] as? [String: Any]
            let hits = result["hits"] as? [[String: Any]] ?? []
            return (episode?["title"] as? String ?? "", hits.first?["text"] as? String ?? "")
        }
    }

    private func assertCompoundClasses(index: String, _ analysis: String) throws {
        let hens = try search("hönsgödsel", index: index)
        XCTAssertEqual(hens.map(\.0), ["Gödsel från hönsen"], analysis)
        XCTAssertEqual(hens.first?.1, "Vi sprider gödseln från hönsen på åkern varje vår.", analysis)
        let wool = try search("fårull", index: index)
        XCTAssertEqual(wool.map(\.0), ["Ull och får", "Fåren på ön"], "\(analysis): the compound first")
        XCTAssertEqual(wool.last?.1, "Ullen från fåren är grov men varm.", analysis)
        XCTAssertEqual(try search("bilvård", index: index).map(\.0), ["Vården av bilen"], "\(analysis): parts in different cues")
        XCTAssertEqual(try search("frukt", index: index).map(\.0), ["Frukt från söder"], analysis)
        XCTAssertEqual(try search("ost", index: index).map(\.0), [], "\(analysis): ost is no part of kostnad")
        let vin = try search("vin", index: index)
        XCTAssertFalse(vin.contains { $0.1 == "Kostnaden för vinsten blev hög." }, "\(analysis): \(vin)")
    }

    func testCompoundsSaidInPartsWithTheLexicon() throws {
        try XCTSkipUnless(FileManager.default.fileExists(atPath: Self.dictionary),
                          "hunspell-sv-se is not installed (\(Self.dictionary)): the lexicon's compound roles are not used")
        let index = try ingest(environment: [:])
        try assertCompoundClasses(index: index, "with the lexicon")
        // A last part never said alone, split by the dictionary's roles.
        XCTAssertEqual(try search("brunn", index: index).map(\.0), ["Vatten på landet"])
        let explain = try TalksExecutable.run(["search", "hönsgödsel", "--explain", "--index", index])
        XCTAssertTrue(explain.output.contains("hönsgödsel → gödsel (part, said in one cue with the other parts)"), explain.output)
    }

    func testCompoundsSaidInPartsByRulesOnly() throws {
        let index = try ingest(environment: rulesOnly)
        try assertCompoundClasses(index: index, "rules only")
    }
}
