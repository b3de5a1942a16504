import XCTest
@testable import TalksSearch

/// `year:YYYY` in a query and `SearchRequest.year` (the server's `year=`): the date range of
/// that year, narrowing any other date filter, with typed errors for what is not a year.
final class YearFilterTests: XCTestCase {
    let parser = QueryParser()

    func testAYearIsTheDateRangeOfThatYear() throws {
        let query = try parser.parse("kluster year:2022")
        XCTAssertEqual(query.expression, .word("kluster"))
        XCTAssertEqual(query.filters.after, QueryDate(year: 2022, month: 1, day: 1))
        XCTAssertEqual(query.filters.before, QueryDate(year: 2023, month: 1, day: 1))
        let narrowed = try parser.parse("year:2022 after:2022-06-01")
        XCTAssertEqual(narrowed.filters.after, QueryDate(year: 2022, month: 6, day: 1), "the later lower bound wins")
        XCTAssertEqual(narrowed.filters.before, QueryDate(year: 2023, month: 1, day: 1))
        XCTAssertEqual(try parser.parse(request: SearchRequest(query: "mat", year: "2021")).filters,
                       try parser.parse("mat year:2021").filters, "the request field means the operator")
    }

    func testWhatIsNotAYearIsATypedError() {
        for text in ["year:22", "year:20222", "year:0000", "year:2022-01", "year:tjugo"] {
            XCTAssertThrowsError(try parser.parse("mat " + text), text) { error in
                XCTAssertEqual((error as? QueryError)?.kind, .badDate, text)
                XCTAssertEqual((error as? QueryError)?.column, 5, text)
                XCTAssertTrue("\(error)".contains("year: expects four digits, e.g. year:2022"), "\(error)")
            }
        }
        XCTAssertThrowsError(try parser.parse(request: SearchRequest(query: "mat", year: "22"))) {
            XCTAssertEqual(($0 as? QueryError)?.kind, .badDate)
        }
    }

    func testTwoYearsLeaveNoDateAndSaySo() {
        XCTAssertThrowsError(try parser.parse("mat year:2021 year:2022")) { error in
            XCTAssertEqual((error as? QueryError)?.kind, .emptyDateRange)
            XCTAssertTrue("\(error)".contains("year:2022 and the other date filters leave no date"), "\(error)")
        }
        XCTAssertThrowsError(try parser.parse(request: SearchRequest(query: "mat year:2021", year: "2022"))) {
            XCTAssertEqual(($0 as? QueryError)?.kind, .emptyDateRange)
        }
    }
}
