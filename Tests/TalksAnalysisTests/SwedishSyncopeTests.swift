import XCTest
@testable import TalksAnalysis

/// `SwedishSyncope`: the keys of the syncopated paradigm of an `-er` word, and the base forms
/// of a syncopated form, whatever the index holds (which reading wins is the search layer's).
final class SwedishSyncopeTests: XCTestCase {
    func testSyncopatedKeysOfVowelConsonantEr() {
        for (word, form) in [("lager", "lagret"), ("läger", "lägren"), ("fiber", "fibrer"), ("seger", "segrar"),
                             ("tiger", "tigrar"), ("lagers", "lagrets"), ("åker", "åkrar")] {
            XCTAssertTrue(SwedishSyncope.syncopatedKeys(of: word).contains(SwedishInflection.key(form)),
                          "\(word) → \(SwedishSyncope.syncopatedKeys(of: word)), key of \(form) is \(SwedishInflection.key(form))")
        }
    }

    func testDoubledConsonantGivesBothStems() {
        XCTAssertTrue(SwedishSyncope.syncopatedKeys(of: "nummer").contains(SwedishInflection.key("numret")))
        XCTAssertTrue(SwedishSyncope.syncopatedKeys(of: "hummer").contains(SwedishInflection.key("humrar")))
    }

    /// Words that are not `-er` after a vowel and one or two like consonants have no
    /// syncopated reading: they are stem + ending, or their key keeps the `-er`.
    func testOtherWordsHaveNone() {
        for word in ["bilder", "kostar", "lag", "laget", "strategier", "vatten", "kluster", "sak", "er", "fler"] {
            XCTAssertEqual(SwedishSyncope.syncopatedKeys(of: word), [], word)
        }
    }

    /// Doubled consonants the rules already join (`solceller`/`solcell`, rule 7) give no
    /// syncopated key of their own: a word is never read apart from its own forms.
    func testKeysTheRulesAlreadyGiveAreLeftOut() {
        for word in ["solceller", "celler", "nummer", "lager"] {
            XCTAssertFalse(SwedishSyncope.syncopatedKeys(of: word).contains(SwedishInflection.key(word)), word)
        }
    }

    func testBaseFormsOfSyncopatedForms() {
        XCTAssertTrue(SwedishSyncope.baseForms(ofSyncopated: "lagret").contains("lager"))
        XCTAssertTrue(SwedishSyncope.baseForms(ofSyncopated: "lägren").contains("läger"))
        XCTAssertTrue(SwedishSyncope.baseForms(ofSyncopated: "numret").contains("nummer"))
        XCTAssertTrue(SwedishSyncope.baseForms(ofSyncopated: "fibrer").contains("fiber"))
        for word in ["lager", "laget", "bilder", "kostnad", "strategin", "svar"] {
            XCTAssertFalse(SwedishSyncope.baseForms(ofSyncopated: word).contains(word), word)
        }
        XCTAssertEqual(SwedishSyncope.baseForms(ofSyncopated: "laget"), [])
        XCTAssertEqual(SwedishSyncope.baseForms(ofSyncopated: "bilder"), [])
    }
}
