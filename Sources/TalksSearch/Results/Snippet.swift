/// Makes the snippet of a cue: its text with the matched words marked, HTML-escaped, and
/// cut to a window around the matches when the cue is long.
///
/// Matches arrive as UTF-8 byte ranges of the cue text (the tokenizer's ranges), so no
/// re-analysis happens here. Windows are cut at spaces and never inside a UTF-8 sequence;
/// a cut is shown with "…".
public struct Snippet: Sendable, Hashable {
    /// The HTML form: escaped text with `<mark>…</mark>` around each match.
    public var html: String

    /// Longest snippet window, in UTF-8 bytes of cue text.
    public static let defaultMaximumBytes = 240

    public init(text cueText: String, matches: [Range<Int>], maximumBytes: Int = Snippet.defaultMaximumBytes) {
        var text = cueText
        html = text.withUTF8 { Self.html($0, matches: matches, maximumBytes: maximumBytes) }
    }

    /// Appends the whole of `text` as HTML to `html`: escaped like a snippet, with
    /// `<mark>…</mark>` around `matches` (UTF-8 byte ranges, as `TranscriptMatches` gives
    /// them), never cut. For pages that show every cue (the watch page), written into one
    /// buffer without a string per cue.
    public static func appendHTML(of text: String, marking matches: [Range<Int>], to html: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var cursor = 0
            for range in Self.normalised(matches, count: bytes.count) {
                Self.escape(UnsafeBufferPointer(rebasing: bytes[cursor..<range.lowerBound]), into: &html)
                html.append(contentsOf: Self.markOpen)
                Self.escape(UnsafeBufferPointer(rebasing: bytes[range]), into: &html)
                html.append(contentsOf: Self.markClose)
                cursor = range.upperBound
            }
            Self.escape(UnsafeBufferPointer(rebasing: bytes[cursor..<bytes.count]), into: &html)
        }
    }

    /// The snippet HTML of UTF-8 `bytes` (read in place, no copy of the cue text).
    static func html(_ bytes: UnsafeBufferPointer<UInt8>, matches: [Range<Int>], maximumBytes: Int) -> String {
        let ranges = Self.normalised(matches, count: bytes.count)
        var start = 0
        var end = bytes.count
        if bytes.count > maximumBytes {
            let first = ranges.first?.lowerBound ?? 0
            start = max(0, first - maximumBytes / 4)
            end = min(bytes.count, start + maximumBytes)
            if end == bytes.count { start = max(0, end - maximumBytes) }
            start = Self.wordStart(bytes, from: start)
            end = Self.wordEnd(bytes, from: end)
        }
        let ellipsis: StaticString = "…"
        var html: [UInt8] = []
        html.reserveCapacity(end - start + 16 + 13 * ranges.count)
        if start > 0 { ellipsis.withUTF8Buffer { html.append(contentsOf: $0) } }
        var cursor = start
        for range in ranges where range.lowerBound >= cursor && range.lowerBound >= start && range.upperBound <= end {
            Self.escape(UnsafeBufferPointer(rebasing: bytes[cursor..<range.lowerBound]), into: &html)
            html.append(contentsOf: Self.markOpen)
            Self.escape(UnsafeBufferPointer(rebasing: bytes[range]), into: &html)
            html.append(contentsOf: Self.markClose)
            cursor = range.upperBound
        }
        if cursor < end { Self.escape(UnsafeBufferPointer(rebasing: bytes[cursor..<end]), into: &html) }
        if end < bytes.count { ellipsis.withUTF8Buffer { html.append(contentsOf: $0) } }
        return String(decoding: html, as: UTF8.self)
    }

    /// The plain text of a snippet's HTML and the byte ranges of its `<mark>`ed words: the
    /// inverse of the escaping above (only the five entities it writes are decoded).
    public static func plain(fromHTML html: String) -> (text: String, highlights: [Range<Int>]) {
        let bytes = Array(html.utf8)
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count)
        var highlights: [Range<Int>] = []
        var markStart: Int?
        var index = 0
        let entities: [([UInt8], UInt8)] = [
            (Array("&amp;".utf8), 0x26), (Array("&lt;".utf8), 0x3C), (Array("&gt;".utf8), 0x3E),
            (Array("&quot;".utf8), 0x22), (Array("&#39;".utf8), 0x27),
        ]
        func starts(with pattern: [UInt8]) -> Bool {
            index + pattern.count <= bytes.count && bytes[index..<(index + pattern.count)].elementsEqual(pattern)
        }
        scan: while index < bytes.count {
            if bytes[index] == 0x3C {
                if starts(with: markOpen) {
                    markStart = text.count
                    index += markOpen.count
                    continue
                }
                if starts(with: markClose) {
                    if let start = markStart { highlights.append(start..<text.count) }
                    markStart = nil
                    index += markClose.count
                    continue
                }
            }
            if bytes[index] == 0x26 {
                for (entity, byte) in entities where starts(with: entity) {
                    text.append(byte)
                    index += entity.count
                    continue scan
                }
            }
            text.append(bytes[index])
            index += 1
        }
        return (String(decoding: text, as: UTF8.self), highlights)
    }

    private static let markOpen = Array("<mark>".utf8)
    private static let markClose = Array("</mark>".utf8)

    /// Sorted, merged, in-bounds ranges.
    static func normalised(_ ranges: [Range<Int>], count: Int) -> [Range<Int>] {
        let clamped = ranges.compactMap { range -> Range<Int>? in
            let lower = max(0, range.lowerBound)
            let upper = min(count, range.upperBound)
            return lower < upper ? lower..<upper : nil
        }.sorted { $0.lowerBound < $1.lowerBound }
        var merged: [Range<Int>] = []
        for range in clamped {
            if let last = merged.last, range.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        return merged
    }

    /// Moves `index` forward to the start of a word (after a space), within a few bytes.
    private static func wordStart(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Int {
        guard index > 0 else { return 0 }
        var position = index
        while position < bytes.count, position < index + 24, bytes[position - 1] != 0x20 { position += 1 }
        if position < bytes.count, bytes[position - 1] == 0x20 { return position }
        position = index
        while position < bytes.count, (bytes[position] & 0xC0) == 0x80 { position += 1 }
        return position
    }

    /// Moves `index` back to the end of a word (before a space), within a few bytes.
    private static func wordEnd(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Int {
        guard index < bytes.count else { return bytes.count }
        var position = index
        while position > 0, position > index - 24, bytes[position] != 0x20 { position -= 1 }
        if bytes[position] == 0x20, position > 0 { return position }
        position = index
        while position > 0, (bytes[position] & 0xC0) == 0x80 { position -= 1 }
        return position
    }

    /// Appends bytes as HTML text: `& < > " '` become entities. Runs of other bytes are
    /// copied at once.
    static func escape(_ bytes: UnsafeBufferPointer<UInt8>, into html: inout [UInt8]) {
        var runStart = 0
        for index in 0..<bytes.count {
            let entity: StaticString
            switch bytes[index] {
            case 0x26: entity = "&amp;"
            case 0x3C: entity = "&lt;"
            case 0x3E: entity = "&gt;"
            case 0x22: entity = "&quot;"
            case 0x27: entity = "&#39;"
            default: continue
            }
            html.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            entity.withUTF8Buffer { html.append(contentsOf: $0) }
            runStart = index + 1
        }
        html.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
    }
}
