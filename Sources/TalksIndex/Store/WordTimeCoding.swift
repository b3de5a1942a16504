import TalksModel

/// The word times of one cue in the `.store` file (FORMAT.md, "Store", format version 2):
/// when each word of the cue's text is said, so a hit can link to its word rather than to
/// the start of its cue.
///
/// A cue record says whether it has word times in the low bit of its duration field, so a
/// cue without them (most transcripts) costs no byte (unless its duration is 64–127 ms or
/// 8,192–16,383 ms, …, where the shift adds one). With them, the record carries
/// `VarInt count` and `count` pairs `VarInt offsetDelta, VarInt millisecondDelta`: each
/// word's UTF-8 offset in the text minus the previous word's (the first from 0), and its
/// time minus the previous word's (the first from the cue's start). Both only grow, so the
/// deltas are unsigned and mostly one byte each: about 3 bytes a timed word.
///
/// The writer makes any list fit that shape (`normalised`): entries at or past the end of
/// the text or not after the previous one are dropped, and times are clamped into the cue
/// and made non-decreasing. The reader (`decode`) checks every entry against its record and
/// reports damage rather than returning a time outside the cue; it is fuzzed by
/// `Fuzz/Sources/FuzzVarInt`.
public enum WordTimeCoding {
    /// `wordTimes` as the store keeps them for a cue of `textLength` UTF-8 bytes from
    /// `startMilliseconds` to `endMilliseconds` (see the type's doc comment).
    static func normalised(
        _ wordTimes: [WordTime], textLength: Int, startMilliseconds: UInt64, endMilliseconds: UInt64
    ) -> [(offset: UInt64, milliseconds: UInt64)] {
        // A word time is a UInt32 of milliseconds: a cue ending past that keeps none.
        guard !wordTimes.isEmpty, endMilliseconds <= UInt64(UInt32.max) else { return [] }
        var kept: [(offset: UInt64, milliseconds: UInt64)] = []
        kept.reserveCapacity(wordTimes.count)
        for word in wordTimes {
            let offset = UInt64(word.utf8Offset)
            guard offset < UInt64(max(0, textLength)) else { continue }
            if let last = kept.last, offset <= last.offset { continue }
            let floor = kept.last?.milliseconds ?? startMilliseconds
            kept.append((offset, min(max(UInt64(word.milliseconds), floor), max(floor, endMilliseconds))))
        }
        return kept
    }

    /// Appends the count and delta pairs of a normalised list (not called for an empty one).
    static func append(_ words: [(offset: UInt64, milliseconds: UInt64)], startMilliseconds: UInt64, to writer: inout ByteWriter) {
        writer.appendVarInt(UInt64(words.count))
        var previousOffset: UInt64 = 0
        var previousTime = startMilliseconds
        for word in words {
            writer.appendVarInt(word.offset &- previousOffset)
            writer.appendVarInt(word.milliseconds &- previousTime)
            previousOffset = word.offset
            previousTime = word.milliseconds
        }
    }

    /// Why a list of word times does not decode.
    public enum Damage: Error, Equatable {
        /// The count, or a VarInt of an entry, runs past the end of the bytes given.
        case truncated
        /// The count is more than the bytes could hold (two bytes an entry at least).
        case countTooLarge(UInt64)
        /// A word starts at or past the end of the cue's text, or not after the previous one.
        case offsetOutOfRange(entry: Int)
        /// A word's time is after the cue's end.
        case timeOutOfRange(entry: Int)
    }

    /// Decodes the word times at `offset` (moved past them) and before `end` in `bytes`, of a
    /// cue whose text is `textLength` bytes and which starts at `startMilliseconds` and lasts
    /// `durationMilliseconds`. Never reads outside `bytes[offset..<end]`.
    public static func decode(
        _ bytes: UnsafeRawBufferPointer, at offset: inout Int, end: Int,
        textLength: Int, startMilliseconds: UInt64, durationMilliseconds: UInt64
    ) -> Result<[WordTime], Damage> {
        let limit = min(end, bytes.count)
        var position = offset
        guard let count = VarInt.read(bytes, at: &position, end: limit) else { return .failure(.truncated) }
        guard count <= UInt64(max(0, limit - position) / 2) else { return .failure(.countTooLarge(count)) }
        var words: [WordTime] = []
        words.reserveCapacity(Int(count))
        var wordOffset: UInt64 = 0
        var elapsed: UInt64 = 0
        for entry in 0..<Int(count) {
            guard let offsetDelta = VarInt.read(bytes, at: &position, end: limit),
                  let timeDelta = VarInt.read(bytes, at: &position, end: limit) else { return .failure(.truncated) }
            guard offsetDelta < UInt64(Int32.max), entry == 0 || offsetDelta > 0 else {
                return .failure(.offsetOutOfRange(entry: entry))
            }
            wordOffset &+= offsetDelta
            guard wordOffset < UInt64(max(0, textLength)) else { return .failure(.offsetOutOfRange(entry: entry)) }
            guard timeDelta <= durationMilliseconds, elapsed + timeDelta <= durationMilliseconds else {
                return .failure(.timeOutOfRange(entry: entry))
            }
            elapsed += timeDelta
            let time = startMilliseconds &+ elapsed
            guard time <= UInt64(UInt32.max) else { return .failure(.timeOutOfRange(entry: entry)) }
            words.append(WordTime(utf8Offset: UInt32(wordOffset), milliseconds: UInt32(time)))
        }
        offset = position
        return .success(words)
    }
}
