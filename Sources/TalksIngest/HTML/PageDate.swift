import Foundation

/// Dates found on web pages, which often omit the UTC offset ("2022-10-19T12:00").
///
/// For `episode.json` a missing offset is an error the organiser can fix; a saved web page
/// cannot be fixed, so here such a time is read as Swedish local time (Europe/Stockholm,
/// from the system time-zone database), with daylight saving applied for that date.
enum PageDate {
    struct Resolved {
        var text: String
        var timestamp: Int64
        var assumedSwedishTime: Bool
    }

    static func resolve(_ text: String) -> Result<Resolved, ISO8601DateProblem> {
        switch ISO8601Date.parse(text) {
        case .success(let date):
            return .success(Resolved(text: date.text, timestamp: date.timestamp, assumedSwedishTime: false))
        case .failure(let problem):
            guard case .success(let asUTC) = ISO8601Date.parse(text + "Z"),
                let zone = TimeZone(identifier: "Europe/Stockholm")
            else { return .failure(problem) }
            var offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(asUTC.timestamp)))
            let firstGuess = asUTC.timestamp - Int64(offset)
            offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(firstGuess)))
            let timestamp = asUTC.timestamp - Int64(offset)
            return .success(Resolved(
                text: ISO8601Date.format(timestamp: timestamp, offsetSeconds: offset),
                timestamp: timestamp, assumedSwedishTime: true))
        }
    }
}
