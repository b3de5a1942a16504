/// Number syntaxes of the WebVTT settings: "parse a percentage string" and the HTML rules for
/// parsing floating-point number values (restricted to the forms the callers pre-validate).
enum WebVTTNumber {
    /// A WebVTT percentage: digits, optionally `.` and digits, then `%`; the value must be in
    /// 0...100. Returns nil when the spec says the parse fails.
    static func percentage(_ input: UnsafeBufferPointer<UInt8>, in range: Range<Int>) -> Double? {
        guard range.count >= 2, input[range.upperBound - 1] == ASCII.percent else { return nil }
        let number = range.lowerBound..<(range.upperBound - 1)
        var index = number.lowerBound
        var integerDigits = 0
        while index < number.upperBound, ASCII.isDigit(input[index]) {
            index += 1
            integerDigits += 1
        }
        guard integerDigits > 0 else { return nil }
        if index < number.upperBound {
            guard input[index] == ASCII.fullStop else { return nil }
            index += 1
            var fractionDigits = 0
            while index < number.upperBound, ASCII.isDigit(input[index]) {
                index += 1
                fractionDigits += 1
            }
            guard fractionDigits > 0, index == number.upperBound else { return nil }
        }
        guard let value = floatingPoint(input, in: number), value >= 0, value <= 100 else { return nil }
        return value
    }

    /// The HTML floating-point value of a string already known to be `-?digits(.digits)?`:
    /// correctly rounded, an error (nil) when it rounds beyond the finite doubles, never −0.
    static func floatingPoint(_ input: UnsafeBufferPointer<UInt8>, in range: Range<Int>) -> Double? {
        let text = input.string(in: range)
        guard let value = Double(text), value.isFinite else { return nil }
        return value + 0.0 // turns −0 into +0, as HTML's conversion never yields −0
    }
}
