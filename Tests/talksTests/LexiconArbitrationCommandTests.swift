import Foundation
import XCTest

/// End-to-end: the dictionary arbitrates what the inflection rules join, and a typo the rules
/// misread reaches the typo routes, through the built executable on `Fixtures/arbiter-archive`
/// (text written for these tests). The rules key `vädret` (weather) and `vädrar` (airs) alike,
/// and `bilden` (the picture) and `bildade` (formed); the dictionary gives them disjoint
/// lemmas and the archive says both words, so with the dictionary each finds only its own
/// episode, and `-vädret` no longer drops an episode that only airs the house. `metter`
/// (one edit from `meter`) is read by the rules as a form of `metrarna` only; with the
/// dictionary it also finds the episode saying `meter` and `metern`. `kulle`, never said,
/// gains nothing from the near word `kille`. Without the dictionary everything is as before.
final class LexiconArbitrationCommandTests: XCTestCase {
    private var scratch = URL(fileURLWithPath: "/")
    private var index: String { scratch.appendingPathComponent("index").path }
    private static let archive = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/arbiter-archive").path
    /// A folder without the dictionary: the rules-only path.
    private var noDictionary: [String: String] { ["TALKS_HUNSPELL_DIR": scratch.appendingPathComponent("no-hunspell").path] }

    override func setUpWithError() throws {
        try TalksExecutable.requireBuilt()
        scratch = try TalksExecutable.temporaryDirectory("lexicon-arbitration")
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: scratch)
    }

    private func requireDictionary() throws {
        try XCTSkipUnless(FileManager.default.fileExists(atPath: "/usr/share/hunspell/sv_SE.dic"),
                          "hunspell-sv-se is not installed; install it with "
                          + "Scripts/install-debian-packages.sh hunspell-sv-se to run the lexicon tests")
    }

    private func ingest(environment: [String: String] = [:]) throws {
        let run = try TalksExecutable.run(["ingest", Self.archive, "--index", index], environment: environment)
        XCTAssertEqual(run.status, 0, run.error)
    }

    /// `--explain` of a one-word query.
    private func explained(_ query: String) throws -> String {
        try TalksExecutable.explained(query, index: index)
    }

    /// The ids of the episodes `query` finds, sorted.
    private func found(_ query: String) throws -> [String] {
        try TalksExecutable.foundEpisodes(query, index: index)
    }

    func testTheDictionaryKeepsApartWhatTheRulesJoin() throws {
        try requireDictionary()
        try ingest()
        XCTAssertEqual(try found("vädret"), ["vader"])
        XCTAssertEqual(try found("vädrar"), ["vadra"])
        XCTAssertEqual(try found("bilden"), ["bild"])
        XCTAssertEqual(try found("bildade"), ["bilda"])
        // Forms of one lemma stay together, across the syncope (vädret, väder) and tenses.
        let weather = try explained("vädret")
        XCTAssertTrue(weather.contains("väder  inflected"), weather)
        XCTAssertFalse(weather.contains("vädrar"), weather)
        XCTAssertTrue(try explained("bildade").contains("bildar  inflected"))
        // An exclusion drops the word's own forms only.
        XCTAssertEqual(try found("huset -vädret"), ["kulle", "vadra"])
    }

    func testATypoTheRulesMisreadFindsTheParadigmOfTheWordMeant() throws {
        try requireDictionary()
        try ingest()
        XCTAssertEqual(try found("metter"), ["meter", "metrar"])
        let explain = try explained("metter")
        XCTAssertTrue(explain.contains("metrarna  inflected"), explain)
        XCTAssertTrue(explain.contains("meter  typo (1 edit)"), explain)
        XCTAssertTrue(explain.contains("metern  typo"), explain)
        // A word the index does not hold, read by the rules as `kullen`, is not taken for `kille`.
        XCTAssertEqual(try found("kulle"), ["kulle"])
        XCTAssertFalse(try explained("kulle").contains("kille"))
    }

    func testWithoutTheDictionaryTheRulesDecideAsBefore() throws {
        try ingest(environment: noDictionary)
        XCTAssertEqual(try found("vädret"), ["vader", "vadra"])
        XCTAssertEqual(try found("bildade"), ["bild", "bilda"])
        XCTAssertEqual(try found("metter"), ["metrar"])
        XCTAssertEqual(try found("huset -vädret"), ["kulle"])
    }
}
