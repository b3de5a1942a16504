import TalksModel

/// RSS dates (RFC 822 as updated by RFC 1123/2822), e.g. "Wed, 19 Oct 2022 12:00:00 +0200".
///
/// Feeds are read from many generators, so the day name is optional, years may have two
/// digits, seconds may be missing, and the zone may be a numeric offset, UT/GMT/UTC/Z, a US
/// zone (EST … PDT), or the CET/CEST that Swedish feeds use. The result keeps the feed's
/// offset, so `Episode.date` shows the local time the organiser meant.
enum RFC822Date {
    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    static let namedZones: [String: Int] = [
        "ut": 0, "utc": 0, "gmt": 0, "z": 0, "est": -5, "edt": -4, "cst": -6, "cdt": -5,
        "mst": -7, "mdt": -6, "pst": -8, "pdt": -7, "cet": 1, "cest": 2, "wet": 0, "west": 1, "eet": 2, "eest": 3,
    ]

    /// The date as ISO 8601 with its offset, or nil when the text is not an RFC 822 date.
    static func parse(_ text: String) -> ISO8601Date? {
        var scanner = DigitScanner(text.trimmingWhitespace)
        let first = scanner.word()
        if !first.isEmpty {
            guard scanner.take(",") else { return nil }  // a day name, then a comma
        }
        scanner.skipSpaces()
        guard let day = scanner.number(atMost: 2) else { return nil }
        scanner.skipSpaces()
        guard let month = months.firstIndex(of: String(scanner.word().lowercased().prefix(3))).map({ $0 + 1 }) else { return nil }
        scanner.skipSpaces()
        guard var year = scanner.number(atMost: 4) else { return nil }
        if year < 100 { year += year < 50 ? 2000 : 1900 }
        scanner.skipSpaces()
        guard let hour = scanner.number(digits: 2), scanner.take(":"), let minute = scanner.number(digits: 2) else { return nil }
        var second = 0
        if scanner.take(":") {
            guard let value = scanner.number(digits: 2) else { return nil }
            second = value
        }
        scanner.skipSpaces()
        var offset = 0
        if let sign = scanner.takeSign() {
            guard let hours = scanner.number(digits: 2) else { return nil }
            _ = scanner.take(":")
            guard let minutes = scanner.number(digits: 2), hours <= 18, minutes <= 59 else { return nil }
            offset = sign * (hours * 3600 + minutes * 60)
        } else {
            let zone = scanner.word().lowercased()
            guard let hours = namedZones[zone] else { return nil }
            offset = hours * 3600
        }
        scanner.skipSpaces()
        guard scanner.atEnd, (1...12).contains(month), day >= 1, day <= CivilCalendar.daysInMonth(year: year, month: month),
            hour <= 23, minute <= 59, second <= 60
        else { return nil }
        let local = CivilCalendar.daysSinceEpoch(year: year, month: month, day: day) * 86_400
            + Int64(hour * 3600 + minute * 60 + min(second, 59))
        let timestamp = local - Int64(offset)
        return ISO8601Date(
            text: ISO8601Date.format(timestamp: timestamp, offsetSeconds: offset),
            timestamp: timestamp, offsetSeconds: offset, hasTime: true)
    }
}
