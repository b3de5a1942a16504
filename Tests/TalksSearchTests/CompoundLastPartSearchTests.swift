import XCTest
import TalksAnalysis
import TalksIndex
@testable import TalksSearch

/// A compound's last part that the archive says only inside compounds finds them, also when
/// Snowball keys the part differently at the end of a compound (`skydd` → `skydd`, but
/// `brandskydd` → `brandskyd`: a final consonant pair is undoubled only inside R1, which in a
/// short word starts after it). Words here are not the evaluation's.
final class CompoundLastPartSearchTests: XCTestCase {
    /// The key a part has at the end of a compound: shorter only where the compound's key
    /// really is (one letter for an undoubled pair, two when a definite `-n` follows), never a
    /// fragment of an ending.
    func testTheKeyOfAPartAtTheEndOfACompound() {
        func key(_ part: String) -> String? { TermExpander.keyAsLastPart(part, key: TermExpander.inflectionKey(part)) }
        XCTAssertEqual(key("frukt"), "fruk")
        XCTAssertEqual(key("flykt"), "flyk")
        XCTAssertEqual(key("brunn"), "bru")  // undoubled, then a definite -n after a vowel
        XCTAssertEqual(TermExpander.inflectionKey("bergbrunnen"), "bergbru")
        XCTAssertEqual(TermExpander.inflectionKey("citrusfrukt"), "citrusfruk")
        XCTAssertEqual(TermExpander.inflectionKey("frukt"), "frukt")
        // Unchanged keys, and endings that are no parts.
        XCTAssertNil(key("strategi"))
        XCTAssertNil(key("det"))
        XCTAssertNil(key("sten"))
        XCTAssertNil(key("ten"))
    }

    private static let episodes = [
        TestIndex.episode("frukt", title: "Frukt från söder", cues: [
            "Vi säljer citrusfrukter och stenfrukt.", "Citrus odlas inte här."]),
        TestIndex.episode("flykt", title: "Banken", cues: ["Kapitalflykten oroar banken.", "Kapital är pengar."]),
        TestIndex.episode("brunn", title: "Vatten", cues: ["Bergbrunnen sinade i somras.", "Det finns mycket berg här."]),
        TestIndex.episode("kostnad", title: "Kostnader", cues: ["Kostnaden för vinsten blev hög.", "Landet är stort."]),
        TestIndex.episode("ost", title: "Ost", cues: ["Osten mognar i källaren.", "Vinet var gott."]),
    ]

    private func assertLastPartsFound(_ index: TestIndex, _ analysis: String) throws {
        XCTAssertEqual(try index.ids("frukt"), ["frukt"], analysis)
        // No false parts: `ost` is no part of `kostnad`, `vin` none of `vinsten`.
        XCTAssertEqual(try index.ids("ost"), ["ost"], analysis)
        let vin = try index.search("vin").results.flatMap(\.hits).map(\.text)
        XCTAssertFalse(vin.contains("Kostnaden för vinsten blev hög."), "\(analysis): \(vin)")
        XCTAssertTrue(vin.contains("Vinet var gott."), "\(analysis): \(vin)")
    }

    func testALastPartSaidOnlyInsideCompoundsFindsThemByRules() throws {
        try assertLastPartsFound(try TestIndex(Self.episodes), "rules only")
    }

    /// With the lexicon the dictionary's compound roles split compounds whose last part is
    /// never said alone (`bergbrunnen`, `kapitalflykten`), and the part finds them; rules
    /// alone split only against words the archive says (`frukt`, a common word, above).
    func testALastPartSaidOnlyInsideCompoundsFindsThemWithTheLexicon() throws {
        guard let lexicon = SwedishLexicon.shared else {
            throw XCTSkip("hunspell-sv-se is not installed (\(SwedishLexicon.defaultDictionaryPath)): the dictionary's compound roles are not used")
        }
        let index = try TestIndex(Self.episodes, lexicon: PendingLexicon(.success(lexicon)))
        try assertLastPartsFound(index, "with the lexicon")
        XCTAssertEqual(try index.ids("brunn"), ["brunn"])
        XCTAssertEqual(try index.ids("flykt"), ["flykt"])
    }
}
