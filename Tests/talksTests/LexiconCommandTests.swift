import Foundation
import XCTest

/// End-to-end: the Swedish lexicon applied at ingest and stored in the index, through the
/// built executable on `Fixtures/lexicon-archive` (text written for these tests, not tuned
/// to the analysis): syncope (-en, doubled consonant, -er), a compound head never said
/// alone, typos of base forms said only inflected, near-pairs kept apart, the manifest and
/// `talks stats` naming the analysis, and the lexicon-less path (`TALKS_HUNSPELL_DIR`
/// naming a folder without sv_SE), alone and mixed with the lexicon.
final class LexiconCommandTests: XCTestCase {
    private var scratch = URL(fileURLWithPath: "/")
    private var index: String { scratch.appendingPathComponent("index").path }
    private static let archive = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/lexicon-archive").path
    /// Where Debian installs the dictionary (CI installs `hunspell-sv-se`).
    private static let dictionary = "/usr/share/hunspell/sv_SE.dic"
    /// A folder without the dictionary: the lexicon-less path.
    private var noDictionary: [String: String] { ["TALKS_HUNSPELL_DIR": scratch.appendingPathComponent("no-hunspell").path] }

    override func setUpWithError() throws {
        try TalksExecutable.requireBuilt()
        scratch = try TalksExecutable.temporaryDirectory("lexicon")
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: scratch)
    }

    private func requireDictionary() throws {
        try XCTSkipUnless(FileManager.default.fileExists(atPath: Self.dictionary),
                          "hunspell-sv-se is not installed (\(Self.dictionary)); install it with "
                          + "Scripts/install-debian-packages.sh hunspell-sv-se to run the lexicon tests")
    }

    /// The ids of the episodes `query` finds, in rank order.
    private func found(_ query: String, environment: [String: String] = [:]) throws -> [String] {
        let run = try TalksExecutable.run(["search", query, "--json", "--index", index], environment: environment)
        XCTAssertEqual(run.status, 0, "\(query): \(run.error)")
        let object = try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any]
        let results = object?["results"] as? [[String: Any]] ?? []
        return results.compactMap { ($0["episode"] as? [String: Any])?["id"] as? String }
    }

    /// The tier names `--explain` gives the variants of a one-word query.
    private func explained(_ query: String) throws -> String {
        try TalksExecutable.explained(query, index: index)
    }

    /// Near-pairs split over two episodes: each word finds its own episode only.
    private static let nearPairs: [(query: String, episode: String)] = [
        ("kost", "samtal-3"), ("mark", "samtal-3"), ("ost", "samtal-3"), ("stat", "samtal-3"), ("bar", "samtal-3"),
        ("post", "samtal-2"), ("station", "samtal-2"), ("barn", "samtal-2"),
    ]

    func testTheLexiconUnifiesParadigmsSplitsUnseenHeadsAndMatchesTyposOnLemmas() throws {
        try requireDictionary()
        let ingest = try TalksExecutable.run(["ingest", Self.archive, "--index", index])
        XCTAssertEqual(ingest.status, 0, ingest.error)
        XCTAssertEqual(ingest.error, "", "no notice when the dictionary is there")
        // Syncope: the archive says only the other form of each word.
        for query in ["öken", "vapnet", "vapen", "nummer", "lager", "teater", "fiber", "vatten"] {
            let expected = query == "vatten" ? ["samtal-4"] : ["samtal-1"]
            XCTAssertEqual(try found(query), expected, query)
        }
        // A query form no one said (vapnet: only vapnen was) resolves through the stored paradigm.
        let vapnet = try explained("vapnet")
        XCTAssertTrue(vapnet.contains("vapnen  inflected"), vapnet)
        // A compound whose head is never said alone.
        XCTAssertEqual(try found("dricksvatten"), ["samtal-1"])
        // Typos of base forms the talk said only inflected, ranked as typos.
        XCTAssertEqual(try found("växtodlng"), ["samtal-1"])
        let typo = try explained("växtodlng")
        XCTAssertTrue(typo.contains("växtodlingarna  typo (1 edit)"), typo)
        XCTAssertEqual(try found("nummmer"), ["samtal-1"], "a typo of the lemma of numret")
        // Near-pairs stay apart, both ways; with the lexicon the longer words find their own forms.
        for (query, episode) in Self.nearPairs { XCTAssertEqual(try found(query), [episode], query) }
        XCTAssertEqual(try found("kostnad"), ["samtal-2"])
        XCTAssertEqual(try found("marknad"), ["samtal-2"])
        // Names and words the dictionary lacks keep the rules.
        XCTAssertEqual(try found("sjöbergssons"), ["samtal-4"])

        let manifest = try String(contentsOfFile: index + "/manifest.json", encoding: .utf8)
        XCTAssertTrue(manifest.contains("\"analysis\":\"lexicon sv_SE "), manifest)
        let stats = try TalksExecutable.run(["stats", "--index", index])
        XCTAssertTrue(stats.output.contains("\nanalysis     lexicon sv_SE "), stats.output)
        let json = try TalksExecutable.run(["stats", "--json", "--index", index])
        XCTAssertTrue(json.output.contains("\"analysis\":\"lexicon sv_SE "), json.output)
        let verify = try TalksExecutable.run(["verify", "--index", index])
        XCTAssertEqual(verify.status, 0, verify.output + verify.error)
    }

    func testWithoutTheDictionaryIngestSaysSoOnceAndUsesTheRules() throws {
        let ingest = try TalksExecutable.run(["ingest", Self.archive, "--index", index], environment: noDictionary)
        XCTAssertEqual(ingest.status, 0, ingest.error)
        let missing = scratch.appendingPathComponent("no-hunspell/sv_SE.dic").path
        XCTAssertEqual(ingest.error, "talks ingest: hunspell-sv-se is not installed (no \(missing)): Swedish analysis uses "
            + "rules only (no dictionary lemmas such as vapen/vapnet or öken/öknen, no compound parts the archive never "
            + "says alone); install it with Scripts/install-debian-packages.sh hunspell-sv-se for the dictionary's lemmas "
            + "and compounds.\n")
        let again = try TalksExecutable.run(["ingest", Self.archive, "--index", index], environment: noDictionary)
        XCTAssertEqual(again.error, "", "nothing written, nothing to say")
        let manifest = try String(contentsOfFile: index + "/manifest.json", encoding: .utf8)
        XCTAssertTrue(manifest.contains("\"analysis\":\"rules-only\",\"segments\""), manifest)
        let stats = try TalksExecutable.run(["stats", "--index", index])
        XCTAssertTrue(stats.output.contains("\nanalysis     rules-only\n"), stats.output)
        // The rules still relate what they can, typos on inflection keys included, and keep the pairs apart.
        XCTAssertEqual(try found("växtodlng"), ["samtal-1"])
        XCTAssertEqual(try found("växtodlingar"), ["samtal-1"])
        // A typo inside an inflected form no one said: two edits from every indexed form and
        // key, but its own key (växtodlingr) is one edit from växtodling, so a typo it is.
        XCTAssertEqual(try found("växtodlingrna"), ["samtal-1"])
        let keyToKey = try explained("växtodlingrna")
        XCTAssertTrue(keyToKey.contains("växtodlingarna  typo"), keyToKey)
        for (query, episode) in Self.nearPairs { XCTAssertEqual(try found(query), [episode], query) }
        // What only the dictionary relates is not found.
        XCTAssertEqual(try found("öken"), [])
    }

    func testSegmentsOfDifferentAnalysesSayMixedUntilRebuilt() throws {
        try requireDictionary()
        let first = scratch.appendingPathComponent("first")
        try FileManager.default.createDirectory(at: first, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.archive + "/samtal-3", toPath: first.appendingPathComponent("samtal-3").path)
        XCTAssertEqual(try TalksExecutable.run(["ingest", first.path, "--index", index], environment: noDictionary).status, 0)
        let second = try TalksExecutable.run(["ingest", Self.archive + "/samtal-1", "--index", index])
        XCTAssertEqual(second.status, 0, second.error)
        XCTAssertTrue(second.error.contains("the index's segments were analysed differently (mixed ("), second.error)
        let stats = try TalksExecutable.run(["stats", "--index", index])
        XCTAssertTrue(stats.output.contains("analysis     mixed (lexicon sv_SE "), stats.output)
        XCTAssertTrue(stats.output.contains(", rules-only)\n"), stats.output)
        XCTAssertTrue(stats.output.contains("'talks ingest --rebuild' analyses every episode again"), stats.output)
        // Search reads each segment as it is: the lexicon's segment answers lemma queries.
        XCTAssertEqual(try found("öken"), ["samtal-1"])
        XCTAssertEqual(try found("kost"), ["samtal-3"])

        let rebuild = try TalksExecutable.run(["ingest", first.path, Self.archive + "/samtal-1", "--rebuild", "--index", index])
        XCTAssertEqual(rebuild.status, 0, rebuild.error)
        XCTAssertTrue(rebuild.output.contains("0 added, 2 replaced, 0 unchanged"), rebuild.output)
        let after = try TalksExecutable.run(["stats", "--index", index])
        XCTAssertTrue(after.output.contains("\nanalysis     lexicon sv_SE "), after.output)
        XCTAssertFalse(after.output.contains("mixed"), after.output)
    }
}
