import XCTest
import TalksAnalysis
import TalksIndex
@testable import TalksSearch

/// Issue 13: the dictionary's lemma maps arbitrate what the inflection rules join, and a
/// word the index neither holds nor knows is read as a probable typo even when the rules
/// give it a reading (`TermExpander+Arbitration`). Small archives written for these tests,
/// ingested with the Swedish lexicon (skipped clearly without it) and with rules only.
///
/// The words: `sockret` (the sugar; lemma `socker`) and `sockrar`/`sockrade` (sugars, lemma
/// `sockra`) share the rules key `sockr`; `fingret` and `fingrar` share key and lemma
/// (`finger`) and must stay together. `segger` is one edit from `seger`; the rules read it
/// as a form of `segrarna`. `stuga`, never said, is read by the rules as `stugan`, and the
/// near word `sluga` (lemma `slug`) must not join it.
final class LexiconArbitrationSearchTests: XCTestCase {
    static let episodes = [
        TestIndex.episode("socker", title: "Bakning", cues: ["Sockret tog slut i går.", "Mer socker i degen."]),
        TestIndex.episode("sockra", title: "Frukost", cues: ["Han sockrar gröten.", "Hon sockrade teet."]),
        TestIndex.episode("finger", title: "Handen", cues: ["Fingret gjorde ont.", "Alla fingrar var kalla."]),
        TestIndex.episode("seger", title: "Matchen", cues: ["Segern var given.", "En seger till."]),
        TestIndex.episode("segrar", title: "Säsongen", cues: ["Segrarna kom tätt."]),
        TestIndex.episode("stuga", title: "Sommaren", cues: ["Vi bodde i stugan hela juli."]),
        TestIndex.episode("slug", title: "Skogen", cues: ["De sluga rävarna smög.", "En sluga plan."]),
    ]

    private func lexicon() throws -> PendingLexicon {
        guard let lexicon = SwedishLexicon.shared else {
            throw XCTSkip("hunspell-sv-se is not installed (\(SwedishLexicon.defaultDictionaryPath)): the lemma maps "
                + "are empty; install it with Scripts/install-debian-packages.sh hunspell-sv-se")
        }
        return PendingLexicon(.success(lexicon))
    }

    private func terms(_ index: TestIndex, _ query: String) throws -> [String: TermVariant.Tier] {
        let clauses = try index.searcher.explain(SearchRequest(query: query)).clauses
        return Dictionary(clauses.flatMap { $0.variants.map { ($0.term, $0.tier) } }, uniquingKeysWith: min)
    }

    func testTheDictionarySeparatesWhatTheRulesJoin() throws {
        let index = try TestIndex(Self.episodes, lexicon: try lexicon())
        XCTAssertEqual(try index.ids("sockret"), ["socker"])
        XCTAssertEqual(Set(try index.ids("sockrade")), ["sockra"])
        let sugar = try terms(index, "sockret")
        XCTAssertEqual(sugar["socker"], .inflected)
        XCTAssertNil(sugar["sockrar"])
        XCTAssertNil(sugar["sockrade"])
        // One lemma's forms stay together, the syncopated ones included.
        XCTAssertEqual(try terms(index, "fingret")["fingrar"], .inflected)
        XCTAssertEqual(try index.ids("fingrar"), ["finger"])
        // An exclusion leaves the other word alone.
        XCTAssertEqual(Set(try index.ids("teet -sockret")), ["sockra"])
    }

    func testTheLemmasOfOtherSegmentsArbitrateToo() throws {
        let lexicon = try lexicon()
        let index = try TestIndex(Array(Self.episodes.prefix(1)), lexicon: lexicon)
        try index.update(adding: [Self.episodes[1]], lexicon: lexicon)
        XCTAssertEqual(index.searcher.reader.segments.count, 2, "the two words live in two segments")
        XCTAssertEqual(try index.ids("sockret"), ["socker"])
        XCTAssertEqual(try index.ids("sockrar"), ["sockra"])
    }

    func testRulesOnlyIndexesJoinAsBefore() throws {
        let index = try TestIndex(Self.episodes, lexicon: nil)
        XCTAssertEqual(Set(try index.ids("sockret")), ["socker", "sockra"])
        XCTAssertEqual(try index.ids("segger"), ["segrar"])
    }

    func testATypoTheRulesMisreadReachesTheTypoRoutes() throws {
        let index = try TestIndex(Self.episodes, lexicon: try lexicon())
        XCTAssertEqual(Set(try index.ids("segger")), ["seger", "segrar"])
        let variants = try terms(index, "segger")
        XCTAssertEqual(variants["segrarna"], .inflected)
        XCTAssertEqual(variants["seger"], .fuzzy)
        XCTAssertEqual(variants["segern"], .fuzzy)
        // The rules' reading still ranks first: its episode leads.
        XCTAssertEqual(try index.ids("segger").first, "segrar")
    }

    func testAWordTheIndexDoesNotHoldGainsNoUnrelatedNearWord() throws {
        let index = try TestIndex(Self.episodes, lexicon: try lexicon())
        XCTAssertEqual(try index.ids("stuga"), ["stuga"])
        XCTAssertNil(try terms(index, "stuga")["sluga"])
    }
}

/// A typo one edit from a said form is expanded like that form, compounds included, at a
/// typo tier (`TermExpander.addParadigms`); rules alone suffice, so no lexicon is needed.
final class TypoCompoundSearchTests: XCTestCase {
    func testATypoOfASaidFormFindsTheCompoundsThatHoldIt() throws {
        let index = try TestIndex([
            TestIndex.episode("bibliotek", title: "Läsning", cues: ["Biblioteket öppnar klockan tio.", "Ett bibliotek för alla."]),
            TestIndex.episode("rummet", title: "Ombyggnad", cues: ["Biblioteksrummet målas om i vår.", "Rummet blir ljust."]),
            TestIndex.episode("annat", title: "Annat", cues: ["Ett helt annat ämne i dag."]),
        ])
        XCTAssertEqual(try index.ids("bibloteket"), ["bibliotek", "rummet"])
        let variants = try index.searcher.explain(SearchRequest(query: "bibloteket")).clauses.flatMap(\.variants)
        XCTAssertEqual(variants.first { $0.term == "biblioteket" }?.tier, .fuzzy)
        XCTAssertEqual(variants.first { $0.term == "biblioteksrummet" }?.tier, .fuzzyFar)
        // The form typed right ranks first.
        XCTAssertEqual(try index.ids("bibloteket").first, "bibliotek")
    }
}
