/// The W3C "parse the WebVTT cue settings" and "collect WebVTT region settings" algorithms.
///
/// Both split their input on ASCII whitespace into `name:value` tokens and ignore any token
/// they do not understand, so nothing here can fail; a bad setting keeps its default.
enum WebVTTSettingsParser {
    /// Applies the cue settings in `range` to `settings`, resolving `region:` against `regions`.
    static func parseCueSettings(_ input: UnsafeBufferPointer<UInt8>, in range: Range<Int>,
                                 regions: [WebVTTRegion], regionIdentifiers: [[UInt8]],
                                 into settings: inout WebVTTCueSettings) {
        for token in input.tokensSplitOnWhitespace(in: range) {
            guard let (name, value) = nameAndValue(input, token) else { continue }
            if input.matches("region", in: name) {
                let identifier = Array(UnsafeBufferPointer(rebasing: input[value]))
                settings.regionIndex = regionIdentifiers.lastIndex(of: identifier)
            } else if input.matches("vertical", in: name) {
                if input.matches("rl", in: value) {
                    settings.vertical = "rl"
                } else if input.matches("lr", in: value) {
                    settings.vertical = "lr"
                }
                if !settings.vertical.isEmpty { settings.regionIndex = nil }
            } else if input.matches("line", in: name) {
                applyLine(input, value, to: &settings)
            } else if input.matches("position", in: name) {
                applyPosition(input, value, to: &settings)
            } else if input.matches("size", in: name) {
                guard let number = WebVTTNumber.percentage(input, in: value) else { continue }
                settings.size = number
                if number != 100 { settings.regionIndex = nil }
            } else if input.matches("align", in: name) {
                for candidate in ["start", "center", "end", "left", "right"] where equals(input, value, candidate) {
                    settings.align = candidate
                }
            }
        }
    }

    /// Applies the region settings in `range` (the REGION block's lines) to `region`.
    static func parseRegionSettings(_ input: UnsafeBufferPointer<UInt8>, in range: Range<Int>,
                                    into region: inout WebVTTRegion) {
        for token in input.tokensSplitOnWhitespace(in: range) {
            guard let (name, value) = nameAndValue(input, token) else { continue }
            if input.matches("id", in: name) {
                region.id = input.string(in: value)
            } else if input.matches("width", in: name) {
                if let number = WebVTTNumber.percentage(input, in: value) { region.width = number }
            } else if input.matches("lines", in: name) {
                guard value.allSatisfy({ ASCII.isDigit(input[$0]) }),
                      let number = Double(input.string(in: value)), number.isFinite else { continue }
                region.lines = number
            } else if input.matches("regionanchor", in: name) {
                if let (x, y) = anchor(input, value) {
                    region.regionAnchorX = x
                    region.regionAnchorY = y
                }
            } else if input.matches("viewportanchor", in: name) {
                if let (x, y) = anchor(input, value) {
                    region.viewportAnchorX = x
                    region.viewportAnchorY = y
                }
            } else if input.matches("scroll", in: name) {
                if input.matches("up", in: value) { region.scroll = "up" }
            }
        }
    }

    /// Splits a token at its first colon; nil when there is none or it is first or last.
    private static func nameAndValue(_ input: UnsafeBufferPointer<UInt8>, _ token: Range<Int>)
        -> (Range<Int>, Range<Int>)? {
        guard let colon = input.firstIndex(of: ASCII.colon, in: token),
              colon != token.lowerBound, colon != token.upperBound - 1 else { return nil }
        return (token.lowerBound..<colon, (colon + 1)..<token.upperBound)
    }

    private static func equals(_ input: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ text: String) -> Bool {
        var index = range.lowerBound
        for byte in text.utf8 {
            guard index < range.upperBound, input[index] == byte else { return false }
            index += 1
        }
        return index == range.upperBound
    }

    /// `x%,y%` as used by regionanchor and viewportanchor.
    private static func anchor(_ input: UnsafeBufferPointer<UInt8>, _ value: Range<Int>) -> (Double, Double)? {
        guard let comma = input.firstIndex(of: ASCII.comma, in: value),
              let x = WebVTTNumber.percentage(input, in: value.lowerBound..<comma),
              let y = WebVTTNumber.percentage(input, in: (comma + 1)..<value.upperBound) else { return nil }
        return (x, y)
    }

    /// The `line` setting: a number or percentage, optionally `,start|center|end`.
    private static func applyLine(_ input: UnsafeBufferPointer<UInt8>, _ value: Range<Int>,
                                  to settings: inout WebVTTCueSettings) {
        let comma = input.firstIndex(of: ASCII.comma, in: value)
        let position = value.lowerBound..<(comma ?? value.upperBound)
        let alignment = comma.map { ($0 + 1)..<value.upperBound }
        guard position.contains(where: { ASCII.isDigit(input[$0]) }) else { return }
        let number: Double
        let isPercentage = input[position.upperBound - 1] == ASCII.percent
        if isPercentage {
            guard let percentage = WebVTTNumber.percentage(input, in: position) else { return }
            number = percentage
        } else {
            var dots = 0
            for index in position {
                let byte = input[index]
                if byte == ASCII.hyphen {
                    guard index == position.lowerBound else { return }
                } else if byte == ASCII.fullStop {
                    dots += 1
                    guard dots == 1, index != position.lowerBound, index != position.upperBound - 1,
                          ASCII.isDigit(input[index - 1]), ASCII.isDigit(input[index + 1]) else { return }
                } else if !ASCII.isDigit(byte) {
                    return
                }
            }
            guard let parsed = WebVTTNumber.floatingPoint(input, in: position) else { return }
            number = parsed
        }
        if let alignment {
            if equals(input, alignment, "start") {
                settings.lineAlign = "start"
            } else if equals(input, alignment, "center") {
                settings.lineAlign = "center"
            } else if equals(input, alignment, "end") {
                settings.lineAlign = "end"
            } else {
                return
            }
        }
        settings.line = number
        settings.snapToLines = !isPercentage
        settings.regionIndex = nil
    }

    /// The `position` setting: a percentage, optionally `,line-left|center|line-right`.
    private static func applyPosition(_ input: UnsafeBufferPointer<UInt8>, _ value: Range<Int>,
                                      to settings: inout WebVTTCueSettings) {
        let comma = input.firstIndex(of: ASCII.comma, in: value)
        let position = value.lowerBound..<(comma ?? value.upperBound)
        guard let number = WebVTTNumber.percentage(input, in: position) else { return }
        if let comma {
            let alignment = (comma + 1)..<value.upperBound
            if equals(input, alignment, "line-left") {
                settings.positionAlign = "line-left"
            } else if equals(input, alignment, "center") {
                settings.positionAlign = "center"
            } else if equals(input, alignment, "line-right") {
                settings.positionAlign = "line-right"
            } else {
                return
            }
        }
        settings.position = number
    }
}
