/// A titled part of a recording, from its start to the next chapter's start.
///
/// Chapters come from the platform (yt-dlp's `chapters`), from `episode.json`
/// (`"chapters": [{"start": "00:12:30", "title": "Frågor"}]`) or from a WebVTT chapters file
/// beside the transcript (`chapters.vtt`). A hit carries the title of the chapter it falls
/// in, so a viewer sees "Frågor från publiken" before opening the recording, and chapter
/// titles are searchable on their own.
public struct Chapter: Sendable, Hashable {
    /// Seconds from the start of the recording.
    public var start: Double
    public var title: String

    public init(start: Double, title: String) {
        self.start = start
        self.title = title
    }
}

extension Array where Element == Chapter {
    /// The chapter a moment falls in: the last one starting at or before `seconds`, or nil
    /// before the first chapter. Expects the chapters sorted by `start` (readers sort them).
    public func chapter(at seconds: Double) -> Chapter? {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) >> 1
            if self[middle].start <= seconds { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? nil : self[low - 1]
    }
}
