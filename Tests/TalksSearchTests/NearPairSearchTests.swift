import XCTest
@testable import TalksSearch

/// Near-pairs through the real engine (issue 13): words typed with å/ä/ö are not folded, an
/// ASCII word the archive uses keeps its own reading, `-er` words with a syncopated
/// paradigm are not a shorter stem's plural, and `vinsten` is no compound of `vin`.
final class NearPairSearchTests: XCTestCase {
    private func makeIndex() throws -> TestIndex {
        try TestIndex([
            TestIndex.episode("lan", title: "Länet", cues: ["Länet satsar på vägarna.", "Hela länet var med.", "Län och kommuner."]),
            TestIndex.episode("hal", title: "Vintern", cues: ["Vägen var hal i morse.", "Det gör ont i hälen."]),
            TestIndex.episode("mark", title: "Kontor", cues: ["Det är en märklig historia.", "Man märker det direkt."]),
            TestIndex.episode("ost", title: "Mejeriet", cues: ["Vi gör ost av mjölken.", "Ost säljer bra.", "Osten mognar länge."]),
            TestIndex.episode("ost2", title: "Ystning", cues: ["En hård ost till jul."]),
            TestIndex.episode("ost3", title: "Gårdsbutiken", cues: ["Ost och bröd i butiken."]),
            TestIndex.episode("ost-ost", title: "Skåne", cues: ["Vinden kommer från öst."]),
            TestIndex.episode("vatmark", title: "Våtmarker", cues: ["Våtmarkerna renar vattnet."]),
            TestIndex.episode("lag", title: "Lagen", cues: ["Lagen ändrades i fjol.", "Laget vann matchen.", "Nya lagar kom."]),
            TestIndex.episode("lager", title: "Logistik", cues: ["Vi har ett stort lager.", "Lagret ligger i Borås.", "Lagren är fulla."]),
            TestIndex.episode("vinst", title: "Ekonomi", cues: ["Vinsten delades lika.", "Vintern blev lång."]),
            TestIndex.episode("vin", title: "Druvor", cues: ["Ett glas vin till maten."]),
            TestIndex.episode("solcell", title: "Energi", cues: ["Nya solceller på taket.", "Solcellerna levererar."]),
        ])
    }

    private func terms(_ index: TestIndex, _ word: String) throws -> [String] {
        try index.searcher.explain(SearchRequest(query: word)).clauses.flatMap { $0.variants.map(\.term) }
    }

    func testWordsTypedWithÅÄÖAreNotFolded() throws {
        let index = try makeIndex()
        XCTAssertEqual(try index.ids("lån"), [], "lån is not län")
        XCTAssertEqual(try index.ids("hål"), [], "hål is not hal or häl")
        XCTAssertEqual(try index.ids("markör"), [], "markör is not märklig")
        XCTAssertEqual(try index.ids("län"), ["lan"])
    }

    func testWordsTypedWithoutÅÄÖStillFindTheirForms() throws {
        let index = try makeIndex()
        XCTAssertEqual(try index.ids("vatmark"), ["vatmark"])
        XCTAssertEqual(try index.ids("lan"), ["lan"], "an ASCII typist may mean län")
        XCTAssertEqual(Set(try index.ids("hal")), ["hal"])
    }

    /// `ost` is said in three episodes, `öst` in one: the archive's own reading wins.
    func testAnASCIIWordTheArchiveUsesKeepsItsReading() throws {
        let index = try makeIndex()
        XCTAssertEqual(Set(try index.ids("ost")), ["ost", "ost2", "ost3"])
        XCTAssertFalse(try terms(index, "ost").contains("öst"))
        XCTAssertEqual(try index.ids("öst"), ["ost-ost"])
    }

    func testSyncopatedErWordsAreNotAShorterStemsPlural() throws {
        let index = try makeIndex()
        XCTAssertEqual(try index.ids("lager"), ["lager"])
        XCTAssertEqual(Set(try terms(index, "lager")), ["lager", "lagret", "lagren"])
        XCTAssertEqual(try index.ids("lagret"), ["lager"])
        XCTAssertEqual(try index.ids("lag"), ["lag"])
        XCTAssertEqual(try index.ids("lagen"), ["lag"])
    }

    /// Doubled consonants the rules join already stay joined: `solceller` is a form of `solcell`.
    func testPluralsOfDoubledConsonantWordsStayInflections() throws {
        let index = try makeIndex()
        XCTAssertEqual(Set(try terms(index, "solcell")), ["solceller", "solcellerna"])
        XCTAssertEqual(try index.ids("solcell"), ["solcell"])
    }

    func testVinstenIsNoCompoundOfVin() throws {
        let index = try makeIndex()
        XCTAssertEqual(try index.ids("vin"), ["vin"])
        XCTAssertEqual(try index.ids("vinsten"), ["vinst"])
    }
}
