import TalksModel

/// Where a hit points in its recording: the second its first matched word is said, and
/// the second its link opens the player at.
///
/// A cue can last several seconds (YouTube's automatic captions hold a line up to 5 s or
/// more), so the start of the cue can be well before the word a viewer searched for. Where
/// the transcript says when each word is said (`Cue.wordTimes`, kept by the index since
/// format version 2), the hit's time is that of its first matched word
/// (`Cue.start(ofWordAtUTF8Offset:)`), and the link opens `leadIn` earlier so the player
/// starts just before the word, never before the cue: links are whole seconds (floor), so
/// the player lands at most 2 s before the word (more than 1 s only when the word is within
/// 1 s of the cue's start), never after it. Without word times both are the cue's start,
/// as before.
enum HitMoment {
    /// How long before its word a link starts the player (before the whole-second floor).
    static let leadIn = 1.0

    /// When the word starting at UTF-8 offset `firstMatch` of the cue is said; the cue's
    /// start when no word matched (nil) or the cue has no word times.
    static func wordTime(in cue: Cue, firstMatch: Int?) -> Double {
        guard let firstMatch, !cue.wordTimes.isEmpty else { return cue.start }
        return cue.start(ofWordAtUTF8Offset: firstMatch)
    }

    /// The second the link opens at, for a word said at `wordTime` in a cue starting at
    /// `cueStart` (before the link's floor to whole seconds).
    static func linkSeconds(wordTime: Double, cueStart: Double) -> Double {
        max(cueStart, wordTime - leadIn)
    }
}
