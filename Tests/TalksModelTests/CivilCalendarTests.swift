import XCTest
import TalksModel

/// `CivilCalendar`, the one date arithmetic every layer uses.
final class CivilCalendarTests: XCTestCase {
    func testKnownDays() {
        XCTAssertEqual(CivilCalendar.daysSinceEpoch(year: 1970, month: 1, day: 1), 0)
        XCTAssertEqual(CivilCalendar.daysSinceEpoch(year: 1969, month: 12, day: 31), -1)
        XCTAssertEqual(CivilCalendar.daysSinceEpoch(year: 2022, month: 10, day: 19), 19_284)
        XCTAssertTrue(CivilCalendar.civil(fromDaysSinceEpoch: 11_016) == (2000, 2, 29))
    }

    func testMonthLengthsFollowTheLeapYearRule() {
        XCTAssertEqual(CivilCalendar.daysInMonth(year: 2024, month: 2), 29)
        XCTAssertEqual(CivilCalendar.daysInMonth(year: 1900, month: 2), 28)
        XCTAssertEqual(CivilCalendar.daysInMonth(year: 2000, month: 2), 29)
        XCTAssertEqual(CivilCalendar.daysInMonth(year: 2023, month: 4), 30)
        XCTAssertEqual(CivilCalendar.daysInMonth(year: 2023, month: 12), 31)
    }

    func testRoundTripsOverFourCenturies() {
        var days = CivilCalendar.daysSinceEpoch(year: 1800, month: 1, day: 1)
        let end = CivilCalendar.daysSinceEpoch(year: 2200, month: 12, day: 31)
        while days <= end {
            let civil = CivilCalendar.civil(fromDaysSinceEpoch: days)
            XCTAssertEqual(CivilCalendar.daysSinceEpoch(year: civil.year, month: civil.month, day: civil.day), days)
            days += 1
        }
    }
}
