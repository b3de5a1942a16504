import TalksModel

/// An ISO 8601 date or date-time as organisers write it, e.g. "2022-10-19T12:00:00+02:00".
///
/// `Episode.date` keeps the text as written and `Episode.timestamp` the instant, so both
/// come from here. Accepted forms: `YYYY-MM-DD` (taken as midnight UTC), and
/// `YYYY-MM-DDTHH:MM[:SS[.fraction]]` followed by `Z`, `±HH:MM` or `±HHMM`. A date-time
/// without an offset is rejected: "12:00" in Sweden is not 12:00 UTC, and guessing would
/// sort episodes wrongly. Every field is range-checked (month 13 or 30 February fail).
public struct ISO8601Date: Sendable, Hashable {
    /// The text as given.
    public var text: String
    /// Seconds since 1970-01-01T00:00:00Z (fractions of a second are dropped).
    public var timestamp: Int64
    /// The offset from UTC in seconds that the text carried (0 for a plain date).
    public var offsetSeconds: Int
    /// Whether the text had a time of day.
    public var hasTime: Bool

    /// Parses `text`; on failure returns the reason, phrased to follow "date '…' ".
    public static func parse(_ text: String) -> Result<ISO8601Date, ISO8601DateProblem> {
        var scanner = DigitScanner(text)
        guard let year = scanner.number(digits: 4), scanner.take("-"),
            let month = scanner.number(digits: 2), scanner.take("-"),
            let day = scanner.number(digits: 2)
        else {
            return .failure(ISO8601DateProblem("is not an ISO 8601 date; write it like 2022-10-19T12:00:00+02:00"))
        }
        guard (1...12).contains(month), day >= 1, day <= CivilCalendar.daysInMonth(year: year, month: month) else {
            return .failure(ISO8601DateProblem("is not a real calendar date"))
        }
        let days = CivilCalendar.daysSinceEpoch(year: year, month: month, day: day)
        if scanner.atEnd {
            return .success(ISO8601Date(text: text, timestamp: days * 86_400, offsetSeconds: 0, hasTime: false))
        }
        guard scanner.take("T") || scanner.take("t") || scanner.take(" "),
            let hour = scanner.number(digits: 2), scanner.take(":"),
            let minute = scanner.number(digits: 2)
        else {
            return .failure(ISO8601DateProblem("has a malformed time; write it like 2022-10-19T12:00:00+02:00"))
        }
        var second = 0
        if scanner.take(":") {
            guard let value = scanner.number(digits: 2) else {
                return .failure(ISO8601DateProblem("has malformed seconds"))
            }
            second = value
            if scanner.take(".") || scanner.take(",") {
                guard scanner.skipDigits() > 0 else {
                    return .failure(ISO8601DateProblem("has a malformed fraction of a second"))
                }
            }
        }
        guard hour <= 23, minute <= 59, second <= 60 else {
            return .failure(ISO8601DateProblem("has a time of day out of range"))
        }
        var offset = 0
        if scanner.take("Z") || scanner.take("z") {
            offset = 0
        } else if let sign = scanner.takeSign() {
            guard let offsetHours = scanner.number(digits: 2) else {
                return .failure(ISO8601DateProblem("has a malformed UTC offset; write it like +02:00"))
            }
            _ = scanner.take(":")
            let offsetMinutes = scanner.number(digits: 2) ?? 0
            guard offsetHours <= 18, offsetMinutes <= 59 else {
                return .failure(ISO8601DateProblem("has a UTC offset out of range"))
            }
            offset = sign * (offsetHours * 3600 + offsetMinutes * 60)
        } else if scanner.atEnd {
            return .failure(ISO8601DateProblem("has a time but no UTC offset; add one, e.g. +02:00 for Swedish summer time"))
        }
        guard scanner.atEnd else {
            return .failure(ISO8601DateProblem("has unexpected text after the date"))
        }
        let local = days * 86_400 + Int64(hour * 3600 + minute * 60 + min(second, 59))
        return .success(ISO8601Date(text: text, timestamp: local - Int64(offset), offsetSeconds: offset, hasTime: true))
    }

    /// Formats an instant as ISO 8601 with the given offset: "2022-10-19T12:00:00+02:00".
    public static func format(timestamp: Int64, offsetSeconds: Int) -> String {
        let local = timestamp + Int64(offsetSeconds)
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let secondsOfDay = Int(local - days * 86_400)
        let (year, month, day) = CivilCalendar.civil(fromDaysSinceEpoch: days)
        var text = pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
        text += "T" + pad(secondsOfDay / 3600, 2) + ":" + pad(secondsOfDay / 60 % 60, 2) + ":" + pad(secondsOfDay % 60, 2)
        if offsetSeconds == 0 {
            return text + "Z"
        }
        let magnitude = abs(offsetSeconds)
        text += offsetSeconds < 0 ? "-" : "+"
        return text + pad(magnitude / 3600, 2) + ":" + pad(magnitude / 60 % 60, 2)
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

/// Why a date text was not accepted, as a phrase that follows "date '…' ".
public struct ISO8601DateProblem: Error, Sendable, Hashable {
    public var reason: String

    public init(_ reason: String) {
        self.reason = reason
    }
}
