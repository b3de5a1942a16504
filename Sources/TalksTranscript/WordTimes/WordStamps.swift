import TalksModel

/// The word timings of one cue on their way through `TranscriptReader`: which word (by
/// ordinal) is said when, until the cue's final text is known and they become `WordTime`s.
///
/// A timestamp tag times the word that starts at or after it: in YouTube's
/// `det<00:00:00.640><c> här</c>` the tag before " här" is when "här" is said. A tag inside a
/// word (karaoke syllables, `ka<…>ra`) adds nothing, since the word started earlier, and a
/// tag after the last word times nothing. Tags must lie within the cue and not go back in
/// time; one that does is ignored and reported. Words before the first tag, like the first
/// word of a YouTube line, start at the cue's start, which `Cue.start(ofWordAtUTF8Offset:)`
/// gives without an entry.
struct WordStamps: Sendable, Hashable {
    /// One timed word: its ordinal among the words of the text the tags were read from.
    struct Entry: Sendable, Hashable {
        var word: Int
        var milliseconds: UInt32
    }

    /// Ascending by word and by time.
    var entries: [Entry]
    /// The number of words in the text the tags were read from.
    var wordCount: Int

    /// The timings of a cue whose plain text is `text`, with the first problem found (a
    /// sentence fragment for a warning), if any.
    static func make(text: String, timestamps: [CueText.TextTimestamp], cueStart: Double,
                     cueEnd: Double) -> (stamps: WordStamps?, problem: String?) {
        let words = Words.ranges(in: text)
        var entries: [Entry] = []
        var problem: String? = nil
        var latest = cueStart
        var wordIndex = 0
        for timestamp in timestamps {
            let seconds = timestamp.seconds
            guard seconds >= cueStart, seconds <= cueEnd, seconds <= TranscriptLimits.maximumCueSeconds else {
                problem = problem ?? "timestamp tag at \(TranscriptReader.seconds(seconds)) is outside the cue "
                    + "(\(TranscriptReader.seconds(cueStart)) to \(TranscriptReader.seconds(cueEnd))); that word timing is ignored"
                continue
            }
            guard seconds >= latest else {
                problem = problem ?? "timestamp tag at \(TranscriptReader.seconds(seconds)) is earlier than the one "
                    + "before it (\(TranscriptReader.seconds(latest))); that word timing is ignored"
                continue
            }
            // The first word that does not end at or before the tag.
            while wordIndex < words.count, words[wordIndex].upperBound <= timestamp.utf8Offset { wordIndex += 1 }
            guard wordIndex < words.count, words[wordIndex].lowerBound >= timestamp.utf8Offset else { continue }
            latest = seconds
            let entry = Entry(word: wordIndex, milliseconds: UInt32((seconds * 1000).rounded()))
            if let last = entries.last, last.word == wordIndex {
                entries[entries.count - 1] = entry  // two tags before one word: the later one
            } else {
                entries.append(entry)
            }
        }
        return (entries.isEmpty ? nil : WordStamps(entries: entries, wordCount: words.count), problem)
    }

    /// The timings as `WordTime`s in `text`, the cue's final text: the same words counted
    /// from the end, since only whitespace and whole leading words were removed. Empty when
    /// the counts show words were removed elsewhere (never expected; nothing is guessed).
    func wordTimes(in text: String) -> [WordTime] {
        let words = Words.ranges(in: text)
        let removed = wordCount - words.count
        guard removed >= 0 else { return [] }
        var times: [WordTime] = []
        times.reserveCapacity(entries.count)
        for entry in entries {
            let word = entry.word - removed
            guard word >= 0, word < words.count else { continue }
            times.append(WordTime(utf8Offset: UInt32(truncatingIfNeeded: words[word].lowerBound),
                                  milliseconds: entry.milliseconds))
        }
        return times
    }
}
