import XCTest
@testable import TalksSearch

/// A typed compound the index never saw finds the cues that say its parts
/// (`QueryPlanner+CompoundParts`), and only when the word itself finds nothing.
final class CompoundPartsSearchTests: XCTestCase {
    private func makeIndex() throws -> TestIndex {
        try TestIndex([
            TestIndex.episode("ystning", title: "Ystning", cues: [
                "Jag gick en kurs i att göra ost.", "Sen köpte vi kor.", "Osten mognar i källaren."]),
            TestIndex.episode("upphandling", title: "Offentlig mat", cues: [
                "Idag handlar det om upphandling av livsmedel.", "Kommunen köper in mat."]),
            TestIndex.episode("kurser", title: "Utbildning", cues: ["Vi har kurser i bokföring."]),
            TestIndex.episode("ostkurs", title: "Mejeri", cues: ["Vår ostkurs var fullbokad."]),
        ])
    }

    func testAnUnseenCompoundFindsTheCueThatSaysItsParts() throws {
        let index = try makeIndex()
        let response = try index.search("livsmedelsupphandling")
        XCTAssertEqual(response.results.map(\.episode.id), ["upphandling"])
        XCTAssertEqual(response.results.first?.hits.first?.text, "Idag handlar det om upphandling av livsmedel.")
    }

    /// A word with a part the index lacks finds nothing, as before.
    func testAWordWhosePartsAreNotAllSaidFindsNothing() throws {
        let index = try makeIndex()
        let response = try index.search("ystkurs")  // no such word, no parts: nothing
        XCTAssertEqual(response.results.map(\.episode.id), [])
        let parts = try index.search("osttillverkning")  // tillverkning is not said: no split
        XCTAssertEqual(parts.results.map(\.episode.id), [])
    }

    /// A compound the index holds is searched as itself: its parts are not added.
    func testAKnownCompoundIsNotSplit() throws {
        let index = try makeIndex()
        XCTAssertEqual(try index.ids("ostkurs"), ["ostkurs"])
    }

    /// Words too short to have two parts of three letters stay as they are.
    func testNearPairsHaveNoParts() throws {
        let index = try makeIndex()
        XCTAssertEqual(try index.ids("kostym"), [])
        XCTAssertEqual(try index.ids("korv"), [])
    }
}
