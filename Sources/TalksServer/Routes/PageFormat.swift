import TalksSearch

/// How the HTML pages write times and dates, in one place so the search page, the watch
/// page and their links agree: a hit at 1:46 on the search page links to `?t=106` and the
/// watch page shows that line as 1:46 too.
enum PageFormat {
    /// Whole seconds, floored, for links and clocks: 0 for a negative or non-finite time,
    /// at most 10⁹ (a clock never overflows on a time from a file).
    static func wholeSeconds(_ seconds: Double) -> Int {
        seconds.isFinite && seconds > 0 ? Int(min(seconds.rounded(.down), 1e9)) : 0
    }

    /// Seconds as a clock: `m:ss` under an hour, `h:mm:ss` from an hour on (whole seconds, floored).
    static func clock(_ seconds: Double) -> String {
        let whole = wholeSeconds(seconds)
        let (hours, minutes, rest) = (whole / 3600, whole / 60 % 60, whole % 60)
        let twoDigits = { (value: Int) in value < 10 ? "0\(value)" : String(value) }
        return hours > 0 ? "\(hours):\(twoDigits(minutes)):\(twoDigits(rest))" : "\(minutes):\(twoDigits(rest))"
    }

    /// Seconds for a `data-start` attribute: at most three decimals, no trailing zeros ("75", "75.5").
    static func seconds(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds > 0 else { return "0" }
        let milliseconds = Int(min((seconds * 1000).rounded(), 1e12))
        let whole = milliseconds / 1000
        var fraction = milliseconds % 1000
        guard fraction > 0 else { return String(whole) }
        var digits = 3
        while fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        let text = String(fraction)
        return "\(whole)." + String(repeating: "0", count: digits - text.count) + text
    }

    static let months = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"]

    /// "19 oktober 2022" from the date as written (`2022-10-19T…`); nil if it is not one.
    static func swedishDate(_ text: String) -> String? {
        guard let ordinal = QueryDate.ordinal(ofISODate: text) else { return nil }
        let month = ordinal / 100 % 100, day = ordinal % 100
        guard (1...12).contains(month) else { return nil }
        return "\(day) \(months[month - 1]) \(ordinal / 10_000)"
    }
}
