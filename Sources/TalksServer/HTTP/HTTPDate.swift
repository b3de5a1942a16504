import TalksModel

/// Formats instants as IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`, RFC 9110 §5.6.7),
/// the only date form HTTP senders may generate.
///
/// Pure arithmetic on seconds since 1970 (`CivilCalendar`, from TalksModel), so it needs
/// no locale, time zone or C library state.
public enum HTTPDate {
    private static let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    public static func format(secondsSince1970 seconds: Int64) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let weekday = weekdays[Int(((days % 7) + 7) % 7)]
        let (year, month, day) = CivilCalendar.civil(fromDaysSinceEpoch: days)
        let hour = secondOfDay / 3600
        let minute = secondOfDay / 60 % 60
        let second = secondOfDay % 60
        return "\(weekday), \(two(day)) \(months[month - 1]) \(year) \(two(hour)):\(two(minute)):\(two(second)) GMT"
    }

    private static func two<Number: BinaryInteger>(_ value: Number) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
