import TalksModel
import TalksTranscript

/// A chapter's start as organisers write it in `episode.json`: seconds (`754`, `754.5`, or
/// the same as a string) or a clock time (`"00:12:34"`, `"12:34"`, `"12:34.5"`, `"1:02:03.250"`).
///
/// A clock time is `[h:]mm:ss[.fraction]`, the way video players show it; minutes and
/// seconds must be below 60 once there is a field before them, so a typo such as `"12:75"`
/// is caught instead of moving the chapter. Times past `maximumSeconds` are refused, as a
/// transcript's cues are.
enum ChapterTime {
    /// The latest start accepted: the transcript reader's limit for cue times (1,000 hours).
    static let maximumSeconds = TranscriptLimits.maximumCueSeconds

    /// The seconds `value` gives, or why it gives none (a phrase following "start …").
    static func seconds(_ value: JSONValue) -> Result<Double, Problem> {
        switch value {
        case .integer, .number:
            guard let seconds = value.doubleValue else { return .failure(Problem("is not a number")) }
            return checked(seconds)
        case .string(let text):
            return seconds(text.trimmingWhitespace)
        default:
            return .failure(Problem("must be seconds (754) or a time like \"00:12:34\""))
        }
    }

    /// The seconds a text gives: a number of seconds or `[h:]mm:ss[.fraction]`.
    static func seconds(_ text: String) -> Result<Double, Problem> {
        let fields = text.split(separator: ":", omittingEmptySubsequences: false)
        guard !text.isEmpty, fields.count <= 3 else {
            return .failure(Problem("\(Excerpt.quoted(text)) is not a time; write seconds (754) or hh:mm:ss (\"00:12:34\")"))
        }
        var total = 0.0
        for (index, field) in fields.enumerated() {
            let isLast = index == fields.count - 1
            guard let value = number(field, allowingFraction: isLast) else {
                return .failure(Problem("\(Excerpt.quoted(text)) is not a time; write seconds (754) or hh:mm:ss (\"00:12:34\")"))
            }
            if index > 0, value >= 60 {
                return .failure(Problem("\(Excerpt.quoted(text)) has minutes or seconds of 60 or more"))
            }
            total = total * 60 + value
        }
        return checked(total)
    }

    /// Digits with an optional `.fraction` (only in the last field); nil for anything else.
    static func number(_ field: Substring, allowingFraction: Bool) -> Double? {
        let parts = field.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, !whole.isEmpty, whole.count <= 9,
              whole.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        var value = Double(Int(whole) ?? 0)
        if parts.count == 2 {
            let fraction = parts[1]
            guard allowingFraction, !fraction.isEmpty, fraction.count <= 9,
                  fraction.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            var scale = 1.0
            for _ in 0..<fraction.count { scale *= 10 }
            value += Double(Int(fraction) ?? 0) / scale
        }
        return value
    }

    static func checked(_ seconds: Double) -> Result<Double, Problem> {
        guard seconds.isFinite, seconds >= 0 else { return .failure(Problem("must be 0 or more seconds")) }
        guard seconds <= maximumSeconds else {
            return .failure(Problem("is more than \(Int(maximumSeconds) / 3600) hours into the recording"))
        }
        return .success(seconds)
    }

    /// Why a value is not a chapter start.
    struct Problem: Error, Hashable {
        var reason: String
        init(_ reason: String) { self.reason = reason }
    }
}
