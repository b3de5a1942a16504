/// Makes the snippet of a cue: its text with the matched words marked, HTML-escaped, and
/// cut to a window around the matches when the cue is long.
///
/// Matches arrive as UTF-8 byte ranges of the cue text (the tokenizer's ranges), so no
/// re-analysis happens here. Windows are cut at spaces and never inside a UTF-8 sequence;
/// a cut is shown with "…".
public struct Snippet: Sendable, Hashable {
    /// The HTML form: escaped text with `<mark>…</mark>` around each match.
    public var html: String
    /// The windowed plain text.
    public var text: String
    /// Byte ranges of the matches within `text`.
    public var highlights: [Range<Int>]

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
        var plain: [UInt8] = []
        plain.reserveCapacity(end - start + 8)
        if start > 0 {
            html += ellipsis
            plain += ellipsis
        }
        var highlights: [Range<Int>] = []
        var cursor = start
        for range in ranges where range.lowerBound >= cursor && range.lowerBound >= start && range.upperBound <= end {
            Self.escape(bytes[cursor..<range.lowerBound], into: &html)
            plain += bytes[cursor..<range.lowerBound]
            html += Self.markOpen
            Self.escape(bytes[range], into: &html)
            html += Self.markClose
            let markedStart = plain.count
            plain += bytes[range]
            highlights.append(markedStart..<plain.count)
            cursor = range.upperBound
        }
        Self.escape(bytes[cursor..<end], into: &html)
        plain += bytes[cursor..<end]
        if end < bytes.count {
            html += ellipsis
            plain += ellipsis
        }
        self.html = String(decoding: html, as: UTF8.self)
        self.text = String(decoding: plain, as: UTF8.self)
        self.highlights = highlights
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
