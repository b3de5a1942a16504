import XCTest
import TalksAnalysis
import TalksIndex
@testable import TalksSearch

/// A word typed without å/ä/ö, end to end (ingest with the real writer, then search), on
/// words the graded evaluation does not use (`FoldingPolicy`, `TermExpander+Folding`):
/// - the spelling with å/ä/ö brings its whole paradigm from the lemma maps (`faglarna` →
///   `fåglarna` and `fågel`; `sagnerna` → `sägnerna` and `sägen`), as the word typed with them does;
/// - a string nothing relates, whose spelling with å/ä/ö is indexed, is that spelling only
///   (`halen` → `hälen`, not `hala` by the rules' shared key);
/// - a word the archive says keeps only its own spellings, not other words its folded key
///   shares (`maskarna` never finds `mäsken`).
final class FoldedSpellingSearchTests: XCTestCase {
    static func archive() -> [IndexableEpisode] {
        [
            TestIndex.episode("en-fagel", title: "Avsnitt 1", cues: ["Vi såg en fågel vid sjön i morse."]),
            TestIndex.episode("flera-faglar", title: "Avsnitt 2", cues: ["Fåglarna flög söderut i september."]),
            TestIndex.episode("en-sagen", title: "Avsnitt 3", cues: ["Det finns en gammal sägen om sjön."]),
            TestIndex.episode("flera-sagner", title: "Avsnitt 4", cues: ["Sägnerna berättas fortfarande i byn."]),
            TestIndex.episode("halka", title: "Avsnitt 5", cues: ["Vägarna var hala i morse efter regnet."]),
            TestIndex.episode("lopning", title: "Avsnitt 6", cues: ["Jag har ont i hälen sedan loppet."]),
            TestIndex.episode("jord", title: "Avsnitt 7", cues: ["Maskarna gräver gångar i jorden."]),
            TestIndex.episode("bryggeri", title: "Avsnitt 8", cues: ["Mäsken jäser i karet över natten."]),
        ]
    }

    private func lexiconIndex() throws -> TestIndex {
        guard let lexicon = SwedishLexicon.shared else {
            throw XCTSkip("hunspell-sv-se is not installed (\(SwedishLexicon.defaultDictionaryPath))")
        }
        return try TestIndex(Self.archive(), lexicon: PendingLexicon(.success(lexicon)))
    }

    func testASpellingWithDotsBringsItsParadigmFromTheLemmaMaps() throws {
        let index = try lexiconIndex()
        // Typed with å/ä/ö, the lemma maps relate the forms; typed without, the same holds.
        XCTAssertEqual(Set(try index.ids("fåglarna")), ["flera-faglar", "en-fagel"])
        XCTAssertEqual(try index.ids("faglarna"), ["flera-faglar", "en-fagel"], "the spelling itself ranks first")
        XCTAssertEqual(Set(try index.ids("sägnerna")), ["flera-sagner", "en-sagen"])
        XCTAssertEqual(try index.ids("sagnerna"), ["flera-sagner", "en-sagen"])
        let variants = try index.searcher.explain(SearchRequest(query: "faglarna")).clauses.flatMap(\.variants)
        XCTAssertEqual(variants.first { $0.term == "fåglarna" }?.tier, .folded)
        XCTAssertEqual(variants.first { $0.term == "fågel" }?.tier, .foldedInflected)
    }

    func testAStringNothingRelatesIsReadAsItsSpellingWithDots() throws {
        for (label, index) in [("lexicon", try lexiconIndex()), ("rules only", try TestIndex(Self.archive()))] {
            XCTAssertEqual(try index.ids("halen"), ["lopning"], "\(label): halen is hälen, not a form of hala")
            XCTAssertEqual(try index.ids("hala"), ["halka"], "\(label): the word said finds its own episode")
        }
    }

    func testAWordTheArchiveSaysKeepsOnlyItsOwnSpellings() throws {
        for (label, index) in [("lexicon", try lexiconIndex()), ("rules only", try TestIndex(Self.archive()))] {
            XCTAssertEqual(try index.ids("maskarna"), ["jord"], "\(label): mäsken only shares the folded key mask")
            // Not said, and its spelling with å/ä/ö is: read as that spelling (rule 3), so
            // the rules' `maskarna` (same key) is left out with it.
            XCTAssertEqual(try index.ids("masken"), ["bryggeri"], label)
        }
    }
}
