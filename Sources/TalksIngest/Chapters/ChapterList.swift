import TalksModel

/// Turns chapter entries from any source (`episode.json`, yt-dlp's info.json) into
/// `Episode.chapters`: titles trimmed and non-empty, sorted by start, one chapter per start.
///
/// Every reader collects its entries with the line each was written on, so a bad one is a
/// warning naming file and line and is left out; the others are kept. Chapters are never
/// worth rejecting an episode for: without them it is still searchable.
struct ChapterList {
    /// One entry as a reader found it, before validation.
    struct Entry {
        var start: Double
        var title: String
        var line: Int?
        /// Its 1-based place in the source, for messages ("chapter 3").
        var number: Int
    }

    var entries: [Entry] = []

    /// The chapters sorted by start (stable for equal starts), with a warning at `file` for
    /// each entry without a title and each second entry with the same start.
    func chapters(file: String, source: String, diagnostics: inout [Diagnostic]) -> [Chapter] {
        var kept: [Entry] = []
        for entry in entries {
            let title = entry.title.split(whereSeparator: \.isNewline).map { String($0).trimmingWhitespace }
                .filter { !$0.isEmpty }.joined(separator: " ")
            guard !title.isEmpty else {
                diagnostics.append(Diagnostic(.warning, file: file, line: entry.line,
                    "\(source) \(entry.number) has an empty title; left out"))
                continue
            }
            kept.append(Entry(start: entry.start, title: title, line: entry.line, number: entry.number))
        }
        let sorted = kept.enumerated().sorted { left, right in
            left.element.start != right.element.start ? left.element.start < right.element.start : left.offset < right.offset
        }.map(\.element)
        var chapters: [Chapter] = []
        for entry in sorted {
            if let previous = chapters.last, previous.start == entry.start {
                diagnostics.append(Diagnostic(.warning, file: file, line: entry.line,
                    "\(source) \(Excerpt.quoted(entry.title)) starts at the same time as \(Excerpt.quoted(previous.title)); left out"))
                continue
            }
            chapters.append(Chapter(start: entry.start, title: entry.title))
        }
        return chapters
    }
}
