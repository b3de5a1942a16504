import XCTest
import TalksAnalysis

/// The lexicon built from the small fixture (`Fixtures/hunspell/small.*`): every form each
/// entry's flags allow, its lemma and roles, the paradigm joins, forbidden words, and what
/// is left out.
final class SwedishLexiconFixtureTests: XCTestCase {
    private func forms(_ lexicon: SwedishLexicon, _ lemma: String) -> [String] {
        lexicon.forms(ofLemma: lemma).map { "\($0.form) \($0.roles)" }
    }

    func testSyncopatedFormsFromStripAddAndCondition() throws {
        let lexicon = try HunspellFixtures.lexicon("small")
        XCTAssertEqual(forms(lexicon, "vapen"), [
            "vapen word+begin+middle+end", "vapens word+end", "vapnen word+end", "vapnet word+end", "vapnets word+end",
        ])
        // The [^m]er rule leaves nummer to the mer rule (numret, not nummret).
        XCTAssertEqual(forms(lexicon, "nummer"), [
            "nummer word+begin+end", "nummers word+end", "numret word+end", "numrets word+end",
        ])
        XCTAssertEqual(forms(lexicon, "lager"), [
            "lager word+begin+end", "lagers word+end", "lagren word+end", "lagret word+end", "lagrets word+end",
        ])
        XCTAssertEqual(forms(lexicon, "öken"), [
            "öken word+begin+end", "ökens word+end", "öknar word+end", "öknarna word+end",
        ])
        for (form, lemma) in [("vapnet", "vapen"), ("numret", "nummer"), ("lagret", "lager"), ("öknarna", "öken")] {
            XCTAssertEqual(lexicon.lemmas(of: form), [lemma], form)
        }
    }

    func testCompoundRolesFollowHunspell() throws {
        let lexicon = try HunspellFixtures.lexicon("small")
        // Linking -s with COMPOUNDPERMITFLAG: a compound-only start; the genitive (no permit)
        // may only end a compound. One lemma, the roles of both readings.
        XCTAssertEqual(forms(lexicon, "yrke"), ["yrke word+end", "yrkes word+begin+end"])
        XCTAssertEqual(lexicon.roles(of: "yrkes"), [.standalone, .compoundBegin, .compoundEnd])
        // COMPOUNDBEGIN without COMPOUNDEND; the suffixed forms lack the permit flag.
        XCTAssertEqual(forms(lexicon, "dricksvatten"), [
            "dricksvatten word+begin", "dricksvattens word", "dricksvattnet word", "dricksvattnets word",
        ])
        // A twofold suffix: -en, then the genitive from its continuation class.
        XCTAssertEqual(forms(lexicon, "försörjning"), [
            "försörjning word+end", "försörjningen word+end", "försörjningens word+end", "försörjnings word+end",
        ])
        // COMPOUNDFORBIDFLAG on the suffix takes the compound roles away.
        XCTAssertEqual(forms(lexicon, "kraft"), ["kraft word+end", "kraftig word"])
        // A prefix, and the prefix on a suffixed form (both classes allow the cross product).
        XCTAssertEqual(forms(lexicon, "skadlig"), ["oskadlig word", "oskadliga word", "skadlig word", "skadliga word"])
    }

    func testJoinsForbiddenWordsAndLeftOutEntries() throws {
        let lexicon = try HunspellFixtures.lexicon("small")
        // A plural stem joins its singular; a word with a plural of its own is not joined.
        XCTAssertEqual(lexicon.lemmas(of: "fibrerna"), ["fiber"])
        XCTAssertEqual(lexicon.lemmas(of: "fibern"), ["fiber"])
        XCTAssertEqual(lexicon.lemmas(of: "parser"), ["parser"])
        XCTAssertEqual(lexicon.lemmas(of: "pareser"), ["pares"])
        // A compound-only stem joins the word it is the compound form of.
        XCTAssertEqual(lexicon.readings(of: "abborr"), [SwedishLexicon.Reading(lemma: "abborre", roles: .compoundBegin)])
        XCTAssertEqual(lexicon.lemmas(of: "abborr"), [], "not a word on its own")
        // FORBIDDENWORD, NEEDAFFIX, case, phrases and punctuation.
        XCTAssertFalse(lexicon.contains("arbetsplast"))
        XCTAssertFalse(lexicon.contains("glas"), "NEEDAFFIX: only the affixed forms")
        XCTAssertEqual(lexicon.lemmas(of: "glaset"), ["glas"])
        XCTAssertEqual(lexicon.lemmas(of: "görans"), ["göran"])
        XCTAssertFalse(lexicon.contains("bästa vän"))
        XCTAssertFalse(lexicon.contains("4h-gård"))
        XCTAssertFalse(lexicon.contains("and/or"))

        let statistics = lexicon.statistics
        XCTAssertEqual(statistics.entries, 21)
        XCTAssertEqual(statistics.entriesUsed, 17, "less the forbidden word, the phrase, the hyphenated and slashed words")
        XCTAssertEqual(statistics.joinedLemmas, 2)
        XCTAssertEqual(statistics.lemmas, 15)
        XCTAssertGreaterThan(statistics.memoryBytes, 0)
    }

    func testOtherFlagTypesGenerateForms() throws {
        let long = try HunspellFixtures.lexicon("long-flags")
        XCTAssertEqual(long.forms(ofLemma: "hus").map(\.form), ["hus", "husen", "huss"])
        XCTAssertEqual(long.lemmas(of: "skolan"), ["skola"])
        XCTAssertEqual(long.roles(of: "hus"), [.standalone, .compoundBegin, .compoundEnd])
        let numeric = try HunspellFixtures.lexicon("numeric-flags")
        XCTAssertEqual(numeric.lemmas(of: "husen"), ["hus"])
        XCTAssertEqual(numeric.roles(of: "hus"), [.standalone, .compoundEnd])
        let aliased = try HunspellFixtures.lexicon("aliases")
        XCTAssertEqual(aliased.lemmas(of: "husen"), ["hus"])
        XCTAssertEqual(aliased.lemmas(of: "mats"), ["mats"])
        XCTAssertEqual(aliased.lemmas(of: "matss"), ["mats"])
        let latin1 = try HunspellFixtures.lexicon("latin1")
        XCTAssertEqual(latin1.lemmas(of: "fågels"), ["fågel"])
    }
}
