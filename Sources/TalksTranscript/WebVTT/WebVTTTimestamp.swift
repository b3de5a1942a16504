/// The W3C "collect a WebVTT timestamp" algorithm over UTF-8 bytes.
///
/// Accepts `mm:ss.ttt` (minutes ≤ 59) and `h+:mm:ss.ttt` with any number of hour digits;
/// minutes and seconds must be two digits ≤ 59, the fraction exactly three digits.
enum WebVTTTimestamp {
    /// Reads a timestamp starting at `position`, advancing it past what was read.
    /// Returns nil (the spec's "error") when the text is not a timestamp.
    static func collect(_ input: UnsafeBufferPointer<UInt8>, position: inout Int, end: Int) -> Double? {
        var hoursAreMostSignificant = false
        guard position < end, ASCII.isDigit(input[position]) else { return nil }
        var digitCount = 0
        var value1 = collectDigits(input, position: &position, end: end, count: &digitCount)
        if digitCount != 2 || value1 > 59 { hoursAreMostSignificant = true }
        guard position < end, input[position] == ASCII.colon else { return nil }
        position += 1
        var value2 = collectDigits(input, position: &position, end: end, count: &digitCount)
        guard digitCount == 2 else { return nil }
        let value3: Double
        if hoursAreMostSignificant || (position < end && input[position] == ASCII.colon) {
            guard position < end, input[position] == ASCII.colon else { return nil }
            position += 1
            value3 = collectDigits(input, position: &position, end: end, count: &digitCount)
            guard digitCount == 2 else { return nil }
        } else {
            value3 = value2
            value2 = value1
            value1 = 0
        }
        guard position < end, input[position] == ASCII.fullStop else { return nil }
        position += 1
        let value4 = collectDigits(input, position: &position, end: end, count: &digitCount)
        guard digitCount == 3 else { return nil }
        guard value2 <= 59, value3 <= 59 else { return nil }
        let seconds = value1 * 3600 + value2 * 60 + value3 + value4 / 1000
        // Over 300 hour digits overflow a Double; no real time is that long.
        return seconds.isFinite ? seconds : nil
    }

    /// Collects a run of ASCII digits as a base-ten number (a double, so any length is safe).
    private static func collectDigits(_ input: UnsafeBufferPointer<UInt8>, position: inout Int, end: Int,
                                      count: inout Int) -> Double {
        var value: Double = 0
        count = 0
        while position < end, ASCII.isDigit(input[position]) {
            value = value * 10 + Double(input[position] &- 0x30)
            position += 1
            count += 1
        }
        return value
    }

    /// Formats seconds as `HH:MM:SS.mmm` (hours at least two digits), the form the WPT
    /// cue-text tests print timestamp objects in.
    static func format(_ seconds: Double) -> String {
        let totalMilliseconds = Int64((seconds * 1000).rounded())
        let milliseconds = totalMilliseconds % 1000
        let totalSeconds = totalMilliseconds / 1000
        let hours = totalSeconds / 3600
        let minutes = (totalSeconds / 60) % 60
        let secondsPart = totalSeconds % 60
        func pad(_ value: Int64, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(hours, 2)):\(pad(minutes, 2)):\(pad(secondsPart, 2)).\(pad(milliseconds, 3))"
    }
}
