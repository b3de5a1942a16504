import Foundation
import XCTest

/// End-to-end: typos of inflected forms the talk never said, through the built executable
/// on `Fixtures/typo-archive` (text written for these tests). A typo inside an inflection
/// ending (`mjölkrobotrna`) reaches every said form of its stem, a typo one edit from one
/// said form (`humrarrna`) reaches that form's paradigm, still at a typo tier, and a short
/// stem cut from a typo does not join another word (`kostnadr` never finds `kosten`).
final class TypoParadigmCommandTests: XCTestCase {
    private var scratch = URL(fileURLWithPath: "/")
    private var index: String { scratch.appendingPathComponent("index").path }
    private static let archive = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/typo-archive").path
    /// A folder without the dictionary: the rules-only path.
    private var noDictionary: [String: String] { ["TALKS_HUNSPELL_DIR": scratch.appendingPathComponent("no-hunspell").path] }

    override func setUpWithError() throws {
        try TalksExecutable.requireBuilt()
        scratch = try TalksExecutable.temporaryDirectory("typo-paradigm")
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: scratch)
    }

    /// `--explain` of a one-word query.
    private func explained(_ query: String) throws -> String {
        try TalksExecutable.explained(query, index: index)
    }

    /// The ids of the episodes `query` finds, sorted.
    private func found(_ query: String) throws -> [String] {
        try TalksExecutable.foundEpisodes(query, index: index)
    }

    func testATypoInsideAnInflectionEndingFindsEverySaidFormOfItsStem() throws {
        let ingest = try TalksExecutable.run(["ingest", Self.archive, "--index", index], environment: noDictionary)
        XCTAssertEqual(ingest.status, 0, ingest.error)
        // mjölkrobotrna is two edits from mjölkroboten and mjölkrobotar, three from their key.
        let robot = try explained("mjölkrobotrna")
        XCTAssertTrue(robot.contains("mjölkrobotar  typo"), robot)
        XCTAssertTrue(robot.contains("mjölkroboten  typo"), robot)
        XCTAssertEqual(try found("mjölkrobotrna"), ["robot"])
        // A stem shorter than seven letters is not read off a typo: kostna(dr) stays away from kosten.
        let cost = try explained("kostnadr")
        XCTAssertTrue(cost.contains("kostnaden  typo"), cost)
        XCTAssertFalse(cost.contains("kosten "), cost)
    }

    func testATypoOfOneSaidFormFindsTheOtherFormsOfItsLemma() throws {
        try XCTSkipUnless(FileManager.default.fileExists(atPath: "/usr/share/hunspell/sv_SE.dic"),
                          "hunspell-sv-se is not installed; install it with "
                          + "Scripts/install-debian-packages.sh hunspell-sv-se to run the lexicon tests")
        let ingest = try TalksExecutable.run(["ingest", Self.archive, "--index", index])
        XCTAssertEqual(ingest.status, 0, ingest.error)
        // humrarrna is one edit from humrarna, whose lemma hummer one episode says alone.
        XCTAssertEqual(try found("humrarrna"), ["hummer", "humrar"])
        let explain = try explained("humrarrna")
        XCTAssertTrue(explain.contains("humrarna  typo (1 edit)"), explain)
        XCTAssertTrue(explain.contains("hummer  typo"), explain)
    }
}
