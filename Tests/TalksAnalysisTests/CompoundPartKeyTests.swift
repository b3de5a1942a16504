import XCTest
@testable import TalksAnalysis

/// The analysis facts behind two compound classes of issue 13 (words not in the evaluation):
/// a last part said only inside compounds, whose key differs there, and a compound said as
/// its parts in inflected forms. Search's side is in `CompoundLastPartSearchTests` and
/// `CompoundPartsSearchTests`.
final class CompoundPartKeyTests: XCTestCase {
    /// Snowball undoubles a final consonant pair only inside R1: a short word keeps it, the
    /// same word ending a compound loses it, so the part's key is not inside the compound's.
    func testAPartEndingAPairIsKeyedShorterInsideACompound() {
        XCTAssertEqual(SwedishInflection.key("frukt"), "frukt")
        XCTAssertEqual(SwedishInflection.key("citrusfrukt"), "citrusfruk")
        XCTAssertEqual(SwedishInflection.key("brunn"), "brunn")
        XCTAssertEqual(SwedishInflection.key("bergbrunnen"), "bergbru")
        // A part whose forms' key is the part itself while its own key is shorter.
        XCTAssertEqual(SwedishInflection.key("höns"), "hön")
        XCTAssertEqual(SwedishInflection.key("hönsen"), "höns")
    }

    /// The strict split finds the parts of a compound the archive says only in parts when
    /// the vocabulary answers for its words and their forms' keys (as search's does).
    func testACompoundSaidInPartsSplitsAgainstTheFormsThatWereSaid() {
        let said: Set<String> = ["gödseln", "hönsen", "ullen", "fåren"]
        let keys = Set(said.map(SwedishInflection.key))
        let isWord: (String) -> Bool = { said.contains($0) || keys.contains(SwedishInflection.key($0)) || keys.contains($0) }
        let splitter = CompoundSplitter()
        XCTAssertEqual(splitter.split("hönsgödsel", isWord: isWord, isKey: { keys.contains($0) }), ["höns", "gödsel"])
        XCTAssertEqual(splitter.split("fårull", isWord: isWord, isKey: { keys.contains($0) }), ["får", "ull"])
        // Never false parts: too short, or an ending.
        XCTAssertNil(splitter.split("kostnad", isWord: { ["kost", "nad"].contains($0) }, isKey: { _ in false }))
        XCTAssertNil(splitter.split("ost", isWord: { _ in true }, isKey: { _ in true }))
    }

    /// With the dictionary, a compound whose last part is never said alone splits into
    /// parts filed under the keys of the words (`bergbrunnen` → `berg` + `brunnen`, key `brunn`).
    func testTheDictionarySplitsACompoundWhosePartIsNeverSaidAlone() throws {
        guard let dictionary = SwedishLexicon.shared else {
            throw XCTSkip("hunspell-sv-se is not installed (\(SwedishLexicon.defaultDictionaryPath))")
        }
        let never: (String) -> Bool = { _ in false }
        let splitter = CompoundSplitter()
        let well = splitter.split("bergbrunnen", dictionary: dictionary, isWord: never, isKey: never)
        XCTAssertEqual(well?.first, "berg")
        XCTAssertEqual(well.map { SwedishInflection.key($0[1]) }, SwedishInflection.key("brunn"), "filed under the key of brunn")
        XCTAssertEqual(splitter.split("citrusfrukter", dictionary: dictionary, isWord: never, isKey: never), ["citrus", "frukt"])
        XCTAssertNil(splitter.split("kostnaden", dictionary: dictionary, isWord: never, isKey: never))
        XCTAssertNil(splitter.split("vinsten", dictionary: dictionary, isWord: never, isKey: never))
    }
}
