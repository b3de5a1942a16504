import XCTest
import TalksAnalysis

final class CompoundSplitterTests: XCTestCase {
    private let splitter = CompoundSplitter()

    /// A lexicon as the index would pass it: words and their inflection keys.
    private func lexicon(_ words: String...) -> Lexicon { Lexicon(words) }

    func testLinkingSIsRemoved() {
        let words = lexicon("livsmedel", "strategi")
        XCTAssertEqual(splitter.split("livsmedelsstrategi", isWord: words.contains), ["livsmedel", "strategi"])
    }

    func testDefiniteAndPluralTailsAreFoundByTheirKey() {
        let words = lexicon("livsmedel", "strategi")
        XCTAssertEqual(splitter.split("livsmedelsstrategin", isWord: words.contains), ["livsmedel", "strategin"])
        XCTAssertEqual(splitter.split("livsmedelsstrategierna", isWord: words.contains), ["livsmedel", "strategierna"])
    }

    func testKeysOnlyLexiconStillSplits() {
        // The index may hold only inflection keys: strategi, livsmedl.
        let keys: Set<String> = [SwedishInflection.key("livsmedel"), SwedishInflection.key("strategi")]
        XCTAssertEqual(splitter.split("livsmedelsstrategin", isWord: keys.contains), ["livsmedel", "strategin"])
    }

    func testLinkingE() {
        XCTAssertEqual(splitter.split("rättegång", isWord: lexicon("rätt", "gång").contains), ["rätt", "gång"])
        XCTAssertEqual(splitter.split("bondeföreningen", isWord: lexicon("bonde", "förening").contains), ["bonde", "föreningen"])
    }

    func testPlainCompounds() {
        let words = lexicon("barn", "omsorg", "vatten", "kraftverk", "kraft", "verk")
        XCTAssertEqual(splitter.split("barnomsorg", isWord: words.contains), ["barn", "omsorg"])
        XCTAssertEqual(splitter.split("vattenkraftverk", isWord: words.contains), ["vatten", "kraftverk"])
    }

    func testTruncatedHeadIsFoundByKey() {
        // skola → key skol: skolbarn has the truncated head.
        XCTAssertEqual(splitter.split("skolbarn", isWord: lexicon("skola", "barn").contains), ["skol", "barn"])
    }

    func testAnSThatChangesTheWordIsKept() {
        let words = lexicon("bus", "buss", "kort")
        XCTAssertEqual(splitter.split("busskort", isWord: words.contains), ["buss", "kort"])
        // A lexicon of keys alone knows bonde only as "bond".
        let keys: Set<String> = ["bond", "förening"]
        XCTAssertEqual(splitter.split("bondeförening", isWord: keys.contains), ["bond", "förening"])
    }

    func testThreeParts() {
        let words = lexicon("landsbygd", "utveckling", "program")
        XCTAssertEqual(
            splitter.split("landsbygdsutvecklingsprogram", isWord: words.contains),
            ["landsbygd", "utveckling", "program"]
        )
        let smaller = lexicon("land", "bygd", "utveckling")
        XCTAssertEqual(splitter.split("landsbygdsutveckling", isWord: smaller.contains), ["land", "bygd", "utveckling"])
    }

    func testFewestPartsWin() {
        let words = lexicon("liv", "medel", "livsmedel", "strategi")
        XCTAssertEqual(splitter.split("livsmedelsstrategi", isWord: words.contains), ["livsmedel", "strategi"])
    }

    func testNeverInventsParts() {
        let words = lexicon("ost", "kost", "post", "kostnad", "stnad")
        XCTAssertNil(splitter.split("kostnad", isWord: words.contains))
        XCTAssertNil(splitter.split("post", isWord: words.contains))
        XCTAssertNil(splitter.split("ost", isWord: words.contains))
        // Both sides must be words: "postkontor" with no "kontor" gives nothing.
        XCTAssertNil(splitter.split("postkontor", isWord: words.contains))
    }

    func testPartsShorterThanTheMinimumAreRejected() {
        let words: Set<String> = ["ab", "cdefgh", "abcd", "efgh"]
        XCTAssertEqual(splitter.split("abcdefgh", isWord: words.contains), ["abcd", "efgh"])
        XCTAssertNil(splitter.split("abcdefgh", isWord: ["ab", "cdefgh"].contains))
        var lenient = CompoundSplitter(minimumPartLength: 2)
        lenient.shortPartLength = 2
        XCTAssertEqual(lenient.split("abcdefgh", isWord: ["ab", "cdefgh"].contains), ["ab", "cdefgh"])
    }

    func testShortPartsMustBeCommonWords() {
        // "mat" is a common word; "kla" is not, whatever the index holds.
        XCTAssertEqual(splitter.split("matproduktion", isWord: lexicon("mat", "produktion").contains), ["mat", "produktion"])
        XCTAssertNil(splitter.split("klagomål", isWord: lexicon("kla", "gomål").contains))
    }

    func testInflectedFormsSplitOnlyWhereTheirBaseWould() {
        let words = lexicon("före", "tagen", "företag", "land", "kapet", "landskap", "partner", "skapa", "skapet")
        XCTAssertNil(splitter.split("företagen", lexicon: words))
        XCTAssertNil(splitter.split("landskapet", lexicon: words))
        XCTAssertNil(splitter.split("partnerskapet", lexicon: words))
        // vinsten is the definite of vinst, not vin + sten.
        XCTAssertNil(splitter.split("vinsten", lexicon: lexicon("vin", "sten", "vinst")))
    }

    func testInflectedSimpleWordsAreNotSplit() {
        // ratten is the definite form of ratt, not rat + ten.
        XCTAssertNil(splitter.split("ratten", isWord: lexicon("rat", "ten", "ratt").contains))
        // Suffixes are not parts: stämning is not stäm + ning.
        XCTAssertNil(splitter.split("stämningen", isWord: lexicon("stäm", "ning", "ningen").contains))
    }

    func testNotACompound() {
        XCTAssertNil(splitter.split("strategi", isWord: lexicon("strategi", "mat").contains))
        XCTAssertNil(splitter.split("", isWord: { _ in true }))
    }

    func testStrictSplitTellsWordsFromKeys() {
        let words = lexicon("livsmedel", "strategi", "skola", "barn", "fram", "ställa", "tälla")
        XCTAssertEqual(splitter.split("livsmedelsstrategin", lexicon: words), ["livsmedel", "strategin"])
        XCTAssertEqual(splitter.split("skolbarnen", lexicon: words), ["skol", "barnen"])
        XCTAssertEqual(splitter.split("framställa", lexicon: words), ["fram", "ställa"])
        XCTAssertEqual(splitter.split("torkperiod", lexicon: Lexicon(["torka", "period"])), ["tork", "period"])
        // With only "torkan" known, "tork" is a key and no word: the strict split refuses it
        // as a head, the lenient one (words or keys) accepts it.
        let definiteOnly = Lexicon(["torkan", "period"])
        XCTAssertNil(splitter.split("torkperiod", lexicon: definiteOnly))
        XCTAssertEqual(splitter.split("torkperiod", isWord: definiteOnly.contains), ["tork", "period"])
    }

    func testGenitiveHeadReadsAsLink() {
        let words = lexicon("livsmedel", "livsmedels", "strategi")
        XCTAssertEqual(splitter.split("livsmedelsstrategi", lexicon: words), ["livsmedel", "strategi"])
        XCTAssertEqual(splitter.split("livsmedelsstrategi", isWord: words.contains), ["livsmedel", "strategi"])
    }

    func testBuiltInLexicon() {
        XCTAssertEqual(splitter.split("försörjningsberedskap", isWord: Lexicon.common.contains), ["försörjning", "beredskap"])
        XCTAssertEqual(splitter.split("skogsägare", isWord: Lexicon.common.contains), ["skog", "ägare"])
        XCTAssertNil(splitter.split("kostnad", isWord: Lexicon.common.contains))
    }
}
