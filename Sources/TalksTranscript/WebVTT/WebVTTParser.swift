import TalksModel

/// A WebVTT parser that follows the W3C "WebVTT parser algorithm" step by step.
///
/// It decodes UTF-8 with replacement, checks the signature, reads the header, then collects
/// blocks: cues (identifier, timings, settings, raw text), STYLE and REGION blocks before the
/// first cue, and comments or stray text, which the spec ignores and which are reported here
/// as diagnostics with their line. It works on bytes, not `Character`s, because it sits on the
/// ingest hot path. Cue text is left raw; `CueTextParser` interprets it.
public struct WebVTTParser: Sendable {
    public init() {}

    /// Parses a whole file. Never fails: a file without the signature gives
    /// `signatureValid == false`.
    public func parse(_ bytes: [UInt8]) -> WebVTTParseResult {
        let input = TextDecoding.normalizedUTF8(bytes)
        return input.withUnsafeBufferPointer { buffer in
            var machine = WebVTTFileParser(input: buffer)
            return machine.run()
        }
    }
}

/// The state of one run of the parser algorithm (the spec's |input|, |position|, |seen cue|,
/// |regions|), plus the current line number for diagnostics.
struct WebVTTFileParser {
    let input: UnsafeBufferPointer<UInt8>
    var position = 0
    /// 1-based number of the line that starts at or contains `position`.
    var lineNumber = 1
    var seenCue = false
    var result = WebVTTParseResult(signatureValid: false)
    /// Region identifiers as bytes, parallel to `result.regions`, for `region:` lookups.
    var regionIdentifiers: [[UInt8]] = []

    init(input: UnsafeBufferPointer<UInt8>) {
        self.input = input
    }

    /// The end of the line starting at `start` (the index of its LF, or the input's end).
    func endOfLine(from start: Int) -> Int {
        input.firstIndex(of: ASCII.lineFeed, from: start) ?? input.count
    }

    mutating func run() -> WebVTTParseResult {
        let firstLineEnd = endOfLine(from: 0)
        result.firstLine = String(input.string(in: 0..<min(firstLineEnd, 240)).prefix(80))
        // Signature check.
        guard input.count >= 6, input.matches("WEBVTT", in: 0..<6) else { return result }
        if input.count > 6 {
            let seventh = input[6]
            guard seventh == ASCII.space || seventh == ASCII.tab || seventh == ASCII.lineFeed else { return result }
        }
        result.signatureValid = true
        result.header = input.string(in: min(7, firstLineEnd)..<firstLineEnd)
        position = firstLineEnd
        guard position < input.count else { return result }
        position += 1
        lineNumber += 1
        guard position < input.count else { return result }
        // Header.
        if input[position] != ASCII.lineFeed {
            _ = collectBlock(inHeader: true)
        } else {
            position += 1
            lineNumber += 1
        }
        skipLineFeeds()
        // Block loop.
        while position < input.count {
            collectBlock(inHeader: false).map { add($0) }
            skipLineFeeds()
        }
        return result
    }

    mutating func skipLineFeeds() {
        while position < input.count, input[position] == ASCII.lineFeed {
            position += 1
            lineNumber += 1
        }
    }

    enum Block {
        case cue(WebVTTCue)
        case styleSheet(String)
        case region(WebVTTRegion)
    }

    mutating func add(_ block: Block) {
        switch block {
        case .cue(let cue):
            result.cues.append(cue)
        case .styleSheet(let text):
            result.styleSheets.append(text)
        case .region(let region):
            result.regions.append(region)
            regionIdentifiers.append(Array(region.id.utf8))
        }
    }

    /// "Collect a WebVTT block". The buffer is always a run of whole consecutive lines, so it
    /// is kept as a byte range instead of a growing string.
    mutating func collectBlock(inHeader: Bool) -> Block? {
        var lineCount = 0
        var previousPosition = position
        var previousLineNumber = lineNumber
        var bufferRange: Range<Int>? = nil
        var seenArrow = false
        var cue: WebVTTCue? = nil
        var isStyleSheet = false
        var region: WebVTTRegion? = nil
        let blockLine = lineNumber
        var failedTimingLine: Int? = nil
        while true {
            let lineStart = position
            let lineEnd = endOfLine(from: position)
            let currentLine = lineNumber
            position = lineEnd
            lineCount += 1
            var seenEndOfFile = false
            if position >= input.count {
                seenEndOfFile = true
            } else {
                position += 1
                lineNumber += 1
            }
            let line = lineStart..<lineEnd
            if containsArrow(line) {
                if !inHeader && (lineCount == 1 || (lineCount == 2 && !seenArrow)) {
                    seenArrow = true
                    previousPosition = position
                    previousLineNumber = lineNumber
                    var newCue = WebVTTCue(id: bufferRange.map { input.string(in: $0) } ?? "", start: 0, end: 0,
                                           text: "", settings: WebVTTCueSettings(), line: currentLine)
                    if collectTimingsAndSettings(line, into: &newCue) {
                        cue = newCue
                        bufferRange = nil
                        seenCue = true
                    } else {
                        cue = nil
                        failedTimingLine = currentLine
                        result.diagnostics.append(WebVTTDiagnostic(
                            line: currentLine,
                            message: "invalid cue timings \"\(Self.excerpt(input.string(in: line)))\"; cue skipped"))
                    }
                } else {
                    position = previousPosition
                    lineNumber = previousLineNumber
                    break
                }
            } else if line.isEmpty {
                break
            } else {
                if !inHeader && lineCount == 2, let buffer = bufferRange {
                    if !seenCue && startsWithKeyword("STYLE", buffer) {
                        isStyleSheet = true
                        bufferRange = nil
                    } else if !seenCue && startsWithKeyword("REGION", buffer) {
                        var newRegion = WebVTTRegion()
                        newRegion.line = blockLine
                        region = newRegion
                        bufferRange = nil
                    }
                }
                if let buffer = bufferRange {
                    bufferRange = buffer.lowerBound..<lineEnd
                } else {
                    bufferRange = line
                }
                previousPosition = position
                previousLineNumber = lineNumber
            }
            if seenEndOfFile { break }
        }
        if var cue {
            cue.text = bufferRange.map { input.string(in: $0) } ?? ""
            return .cue(cue)
        }
        if isStyleSheet {
            return .styleSheet(bufferRange.map { input.string(in: $0) } ?? "")
        }
        if var region {
            if let buffer = bufferRange {
                WebVTTSettingsParser.parseRegionSettings(input, in: buffer, into: &region)
            }
            return .region(region)
        }
        if !inHeader, failedTimingLine == nil, let buffer = bufferRange {
            reportIgnoredBlock(buffer, line: blockLine)
        }
        return nil
    }

    /// Explains why a block that is not a cue, style sheet or region was ignored, unless it is
    /// a NOTE comment (which is meant to be ignored).
    mutating func reportIgnoredBlock(_ buffer: Range<Int>, line: Int) {
        if startsWithWord("NOTE", buffer) { return }
        let firstLine = buffer.lowerBound..<min(endOfLine(from: buffer.lowerBound), buffer.upperBound)
        let text = Self.excerpt(input.string(in: firstLine))
        let message: String
        if seenCue && (startsWithKeyword("STYLE", firstLine) || startsWithKeyword("REGION", firstLine)) {
            message = "\(text) block after the first cue is ignored (STYLE and REGION must come before cues)"
        } else {
            message = "text without a cue timing line is ignored: \"\(text)\""
        }
        result.diagnostics.append(WebVTTDiagnostic(line: line, message: message))
    }

    /// "Collect WebVTT cue timings and settings" from `line`; false when the timings are invalid.
    func collectTimingsAndSettings(_ line: Range<Int>, into cue: inout WebVTTCue) -> Bool {
        var index = line.lowerBound
        let end = line.upperBound
        skipWhitespace(&index, end)
        guard let start = WebVTTTimestamp.collect(input, position: &index, end: end) else { return false }
        skipWhitespace(&index, end)
        for expected in [ASCII.hyphen, ASCII.hyphen, ASCII.greaterThan] {
            guard index < end, input[index] == expected else { return false }
            index += 1
        }
        skipWhitespace(&index, end)
        guard let finish = WebVTTTimestamp.collect(input, position: &index, end: end) else { return false }
        cue.start = start
        cue.end = finish
        WebVTTSettingsParser.parseCueSettings(input, in: index..<end, regions: result.regions,
                                              regionIdentifiers: regionIdentifiers, into: &cue.settings)
        return true
    }

    func skipWhitespace(_ index: inout Int, _ end: Int) {
        while index < end, ASCII.isWhitespace(input[index]) { index += 1 }
    }

    func containsArrow(_ line: Range<Int>) -> Bool {
        input.containsArrow(in: line)
    }

    /// `buffer` starts with `keyword` and the rest is ASCII whitespace (the STYLE/REGION test).
    func startsWithKeyword(_ keyword: StaticString, _ buffer: Range<Int>) -> Bool {
        let length = keyword.utf8CodeUnitCount
        guard buffer.count >= length, input.matches(keyword, in: buffer.lowerBound..<(buffer.lowerBound + length)) else {
            return false
        }
        return (buffer.lowerBound + length..<buffer.upperBound).allSatisfy { ASCII.isWhitespace(input[$0]) }
    }

    /// `buffer` starts with `word` followed by a space, tab, LF or its end (the NOTE test).
    func startsWithWord(_ word: StaticString, _ buffer: Range<Int>) -> Bool {
        let length = word.utf8CodeUnitCount
        guard buffer.count >= length, input.matches(word, in: buffer.lowerBound..<(buffer.lowerBound + length)) else {
            return false
        }
        guard buffer.count > length else { return true }
        let next = input[buffer.lowerBound + length]
        return next == ASCII.space || next == ASCII.tab || next == ASCII.lineFeed
    }

    /// A short, single-line, escaped form of `text` for messages (`Excerpt`).
    static func excerpt(_ text: String) -> String {
        Excerpt.escaped(text)
    }
}
