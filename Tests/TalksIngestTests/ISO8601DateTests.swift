import XCTest
@testable import TalksIngest

final class ISO8601DateTests: XCTestCase {
    private func timestamp(_ text: String) -> Int64? {
        try? ISO8601Date.parse(text).get().timestamp
    }

    private func problem(_ text: String) -> String? {
        if case .failure(let problem) = ISO8601Date.parse(text) { return problem.reason }
        return nil
    }

    func testDateTimesWithOffsets() {
        XCTAssertEqual(timestamp("2022-10-19T12:00:00+02:00"), 1_666_173_600)
        XCTAssertEqual(timestamp("2022-10-19T10:00:00Z"), 1_666_173_600)
        XCTAssertEqual(timestamp("2022-10-19T10:00Z"), 1_666_173_600)
        XCTAssertEqual(timestamp("2022-10-19T12:00:00.250+0200"), 1_666_173_600)
        XCTAssertEqual(timestamp("2022-10-19T05:00:00-05:00"), 1_666_173_600)
        XCTAssertEqual(timestamp("1970-01-01T00:00:00Z"), 0)
        XCTAssertEqual(timestamp("1969-12-31T23:59:59Z"), -1)
        XCTAssertEqual(timestamp("2024-02-29T00:00:00Z"), 1_709_164_800)
    }

    func testPlainDatesAreMidnightUTC() {
        XCTAssertEqual(timestamp("2022-10-19"), 1_666_137_600)
        XCTAssertEqual(try? ISO8601Date.parse("2022-10-19").get().hasTime, false)
    }

    func testRejectsWhatIsNotADateWithAReason() {
        XCTAssertEqual(problem("2022-10-19T12:00:00"), "has a time but no UTC offset; add one, e.g. +02:00 for Swedish summer time")
        XCTAssertEqual(problem("2023-02-29"), "is not a real calendar date")
        XCTAssertEqual(problem("2022-13-01"), "is not a real calendar date")
        XCTAssertEqual(problem("2022-10-19T24:00:00Z"), "has a time of day out of range")
        XCTAssertNotNil(problem("19 oktober 2022"))
        XCTAssertNotNil(problem("2022-10-19T12:00:00+02:00 extra"))
        XCTAssertNotNil(problem(""))
        XCTAssertNotNil(problem("2022-1-9"))
        XCTAssertNotNil(problem("２０２２-10-19"))
    }

    func testFormatsWithOffset() {
        XCTAssertEqual(ISO8601Date.format(timestamp: 1_666_173_600, offsetSeconds: 7200), "2022-10-19T12:00:00+02:00")
        XCTAssertEqual(ISO8601Date.format(timestamp: 1_666_173_600, offsetSeconds: 0), "2022-10-19T10:00:00Z")
        XCTAssertEqual(ISO8601Date.format(timestamp: -1, offsetSeconds: -18000), "1969-12-31T18:59:59-05:00")
    }
}
