import XCTest
@testable import TalksSearch

final class EpisodeFactsTests: XCTestCase {
    func testDatesAreComparedAsWritten() {
        XCTAssertEqual(QueryDate.ordinal(ofISODate: "2022-10-19T12:00:00+02:00"), 20221019)
        XCTAssertEqual(QueryDate.ordinal(ofISODate: "2022-10-19"), 20221019)
        XCTAssertNil(QueryDate.ordinal(ofISODate: "19 oktober 2022"))
        XCTAssertNil(QueryDate.ordinal(ofISODate: "2022-1-19"))
        XCTAssertEqual(EpisodeFacts.dateOrdinal(0), 19700101)
        XCTAssertEqual(EpisodeFacts.dateOrdinal(1_666_173_600), 20221019)
    }

    func testNamesMatchAsWholeFoldedWords() {
        let name = EpisodeFacts.words("Björn Åkesson")
        XCTAssertEqual(name, ["bjorn", "akesson"])
        XCTAssertTrue(EpisodeFacts.contains(name, EpisodeFacts.words("björn")))
        XCTAssertTrue(EpisodeFacts.contains(name, EpisodeFacts.words("Bjorn Akesson")))
        XCTAssertFalse(EpisodeFacts.contains(name, EpisodeFacts.words("Åke")), "whole words only")
        XCTAssertFalse(EpisodeFacts.contains(name, EpisodeFacts.words("Åkesson Björn")), "in order")
    }
}
