/// Recognises "rolling" captions and keeps each spoken line once.
///
/// YouTube's automatic captions (as yt-dlp saves them, in WebVTT or converted to SRT) show
/// two lines: the line just finished stays on top while the next one builds word by word
/// below it, and each finished line gets a 10 ms "hold" cue of its own. Read cue by cue,
/// every line is there two or three times. Broadcast roll-up captions repeat lines the same
/// way. The shape, whatever the source:
/// - a **carry**: a cue whose first k lines (k ≥ 1, fewer than all) are the last k lines of
///   the cue before it;
/// - a **hold**: a cue of at most `maximumHoldSeconds` whose lines are all the last lines of
///   the cue before it.
///
/// A file is rolling when carries and holds make up at least four fifths of its cues after
/// the first, and there are at least two. Ordinary transcripts are nowhere near that (a
/// speaker who repeats the line before is one cue among hundreds), so they come out exactly
/// as read. In a rolling file, holds are left out and carried lines are taken off the cue
/// that repeats them: each line stays in the cue that first shows it, with that cue's time
/// and word timings. Repetition that is spoken survives, because only position decides what
/// is carried: a line said twice is carried once and built again below itself, and a line
/// that comes back after the screen was cleared is not a carry at all.
enum RollingCaptions {
    /// The longest cue that counts as a hold (YouTube's are 10 ms); a line takes longer
    /// than this to say, so a short cue repeating the line before adds no speech.
    static let maximumHoldSeconds = 0.05

    /// What collapsing did, for the note `talks check` prints.
    struct Summary: Sendable, Hashable {
        var cuesBefore: Int
        var cuesAfter: Int
        var holdsLeftOut: Int
        var linesLeftOut: Int
    }

    /// The cues with carried lines and holds removed, and what was done; the cues unchanged
    /// and nil when the file is not rolling.
    static func collapse(_ drafts: [TranscriptReader.Draft]) -> ([TranscriptReader.Draft], Summary?) {
        guard drafts.count >= 3 else { return (drafts, nil) }
        // At least four fifths of the cues after the first must be carries or holds: past
        // this many others the file is not rolling, and an ordinary file stops being looked
        // at after a fifth of its cues.
        let othersAllowed = (drafts.count - 1) - ((drafts.count - 1) * 4 + 4) / 5
        var others = 0
        // Lines compared as bytes: the texts are already trimmed, line by line, and a carried
        // line is a byte-for-byte copy.
        var lines: [[Substring.UTF8View]] = []
        lines.reserveCapacity(drafts.count)
        lines.append(drafts[0].text.utf8.split(separator: ASCII.lineFeed))
        var carried = [Int](repeating: 0, count: drafts.count)
        var isHold = [Bool](repeating: false, count: drafts.count)
        var evidence = 0
        for index in 1..<drafts.count {
            // Both a carry and a hold start with a line of the cue before: without one, the
            // cue is neither, which is found without splitting it into lines.
            guard firstLineIsALine(of: drafts[index - 1].text, text: drafts[index].text) else {
                lines.append([])
                others += 1
                if others > othersAllowed { return (drafts, nil) }
                continue
            }
            if lines[index - 1].isEmpty { lines[index - 1] = drafts[index - 1].text.utf8.split(separator: ASCII.lineFeed) }
            let previous = lines[index - 1]
            let current = drafts[index].text.utf8.split(separator: ASCII.lineFeed)
            lines.append(current)
            if current.count <= previous.count, drafts[index].end - drafts[index].start <= maximumHoldSeconds,
               previous.suffix(current.count).elementsEqual(current, by: sameLine) {
                isHold[index] = true
                evidence += 1
                continue
            }
            var count = min(current.count - 1, previous.count)
            while count > 0, !previous.suffix(count).elementsEqual(current.prefix(count), by: sameLine) { count -= 1 }
            carried[index] = count
            if count > 0 {
                evidence += 1
            } else {
                others += 1
                if others > othersAllowed { return (drafts, nil) }
            }
        }
        guard evidence >= 2 else { return (drafts, nil) }
        var kept: [TranscriptReader.Draft] = []
        kept.reserveCapacity(drafts.count - evidence / 2)
        var summary = Summary(cuesBefore: drafts.count, cuesAfter: 0, holdsLeftOut: 0, linesLeftOut: 0)
        for index in drafts.indices {
            if isHold[index] {
                summary.holdsLeftOut += 1
                continue
            }
            var draft = drafts[index]
            if carried[index] > 0, carried[index] < lines[index].count {
                // The lines after the carried ones, as they are in the text.
                let kept = lines[index][carried[index]]
                draft.text = String(draft.text[kept.startIndex...])
                summary.linesLeftOut += carried[index]
            }
            kept.append(draft)
        }
        summary.cuesAfter = kept.count
        return (kept, summary)
    }
}

extension RollingCaptions {
    /// True when the first line of `text` is one of the lines of `previous` (compared as
    /// bytes, without allocating).
    static func firstLineIsALine(of previous: String, text: String) -> Bool {
        var (previous, text) = (previous, text)
        return text.withUTF8 { current in
            let firstEnd = current.firstIndex(of: ASCII.lineFeed) ?? current.count
            return previous.withUTF8 { lines in
                let first = UnsafeBufferPointer(rebasing: current[0..<firstEnd])
                var start = 0
                while start < lines.count {
                    let end = lines.firstIndex(of: ASCII.lineFeed, from: start) ?? lines.count
                    if end - start == firstEnd, UnsafeBufferPointer(rebasing: lines[start..<end]).elementsEqual(first) {
                        return true
                    }
                    start = end + 1
                }
                return false
            }
        }
    }

    /// True when two lines have the same bytes.
    static func sameLine(_ left: Substring.UTF8View, _ right: Substring.UTF8View) -> Bool {
        left.count == right.count && left.elementsEqual(right)
    }
}

extension RollingCaptions.Summary {
    /// "rolling captions: 3,032 cues → 1,516 lines (1,516 hold cues and 1,515 repeated lines left out)".
    var message: String {
        "rolling captions: \(Self.grouped(cuesBefore)) cues → \(Self.grouped(cuesAfter)) lines "
            + "(\(Self.grouped(holdsLeftOut)) hold cue\(holdsLeftOut == 1 ? "" : "s") and "
            + "\(Self.grouped(linesLeftOut)) repeated line\(linesLeftOut == 1 ? "" : "s") left out; each line is kept once, "
            + "at the cue that first shows it)"
    }

    /// `1234567` as "1,234,567".
    static func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var output = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { output.append(",") }
            output.append(digit)
        }
        return number < 0 ? "-" + output : output
    }
}
