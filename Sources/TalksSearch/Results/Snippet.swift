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
        let bytes = Array(cueText.utf8)
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
        let ellipsis: [UInt8] = [0xE2, 0x80, 0xA6]
        var html: [UInt8] = []
        html.reserveCapacity(end - start + 64)
        if start > 0 { html += ellipsis }
        var cursor = start
        for range in ranges where range.lowerBound >= cursor && range.lowerBound >= start && range.upperBound <= end {
            Self.escape(bytes[cursor..<range.lowerBound], into: &html)
            html += Self.markOpen
            Self.escape(bytes[range], into: &html)
            html += Self.markClose
            cursor = range.upperBound
        }
        Self.escape(bytes[cursor..<end], into: &html)
        if end < bytes.count { html += ellipsis }
        self.html = String(decoding: html, as: UTF8.self)
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
    private static func wordStart(_ bytes: [UInt8], from index: Int) -> Int {
        guard index > 0 else { return 0 }
        var position = index
        while position < bytes.count, position < index + 24, bytes[position - 1] != 0x20 { position += 1 }
        if position < bytes.count, bytes[position - 1] == 0x20 { return position }
        position = index
        while position < bytes.count, (bytes[position] & 0xC0) == 0x80 { position += 1 }
        return position
    }

    /// Moves `index` back to the end of a word (before a space), within a few bytes.
    private static func wordEnd(_ bytes: [UInt8], from index: Int) -> Int {
        guard index < bytes.count else { return bytes.count }
        var position = index
        while position > 0, position > index - 24, bytes[position] != 0x20 { position -= 1 }
        if bytes[position] == 0x20, position > 0 { return position }
        position = index
        while position > 0, (bytes[position] & 0xC0) == 0x80 { position -= 1 }
        return position
    }

    /// Appends bytes as HTML text: `& < > " '` become entities.
    static func escape(_ bytes: ArraySlice<UInt8>, into html: inout [UInt8]) {
        for byte in bytes {
            switch byte {
            case 0x26: html += [0x26, 0x61, 0x6D, 0x70, 0x3B]  // &amp;
            case 0x3C: html += [0x26, 0x6C, 0x74, 0x3B]  // &lt;
            case 0x3E: html += [0x26, 0x67, 0x74, 0x3B]  // &gt;
            case 0x22: html += [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B]  // &quot;
            case 0x27: html += [0x26, 0x23, 0x33, 0x39, 0x3B]  // &#39;
            default: html.append(byte)
            }
        }
    }
}
