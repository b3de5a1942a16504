/// Fuzzes the index's one VarInt decoder, `VarInt.read` (every reader of a segment file
/// decodes its VarInts with it, `PostingsCursor` on its hot path), and the encoder
/// `VarInt.append`.
///
/// The input is read as a run of VarInts, the way the readers walk a section, each read
/// also under a cut-off `end` taken from the input. Beyond "never traps", it checks: a read
/// consumes 1 to `VarInt.maximumLength` bytes, all below `end`, and gives the value a
/// plain reference decoder gives; a failed read leaves the offset alone, and
/// `VarInt.isTruncated` tells a cut-off VarInt from an overlong one as the reference does;
/// a read cut off before the VarInt's last byte fails as truncated; re-encoding the value
/// gives the shortest form, no longer than what was read, which decodes back to the value.
/// The same input is also read as a cue's word times (`WordTimeCoding.decode`, built on
/// `VarInt.read`).
import FuzzSupport
import TalksIndex
import TalksModel

/// The reference: LEB128 as FORMAT.md words it, one byte at a time, with no shortcuts.
/// Returns (value, length), or nil with whether the input ran out first.
func reference(_ bytes: [UInt8], from start: Int, end: Int) -> (value: UInt64, length: Int)?? {
    var value: UInt64 = 0
    for index in 0..<VarInt.maximumLength {
        let at = start + index
        guard at < end else { return .some(nil) }  // ran out: truncated
        let byte = bytes[at]
        let group = UInt64(byte & 0x7F)
        if index == VarInt.maximumLength - 1 {
            // Bits 63 and up: only bit 63 exists, and no further byte may follow.
            guard byte <= 1 else { return nil }
            return (value | group << 63, index + 1)
        }
        value |= group << UInt64(7 * index)
        if byte & 0x80 == 0 { return (value, index + 1) }
    }
    return nil  // ten bytes, all with the continuation bit: too long
}

runFuzzer { bytes in
    bytes.withUnsafeBytes { raw in
        var offset = 0
        var step = 0
        while offset < bytes.count {
            // A cut-off for this read, from the input itself: mostly none, sometimes inside.
            let cut = Int(bytes[(offset + step) % bytes.count])
            let end = cut < 200 ? bytes.count : min(bytes.count, offset + (cut - 200) % 12)
            step += 1
            let before = offset
            let result = VarInt.read(raw, at: &offset, end: end)
            let expected = reference(bytes, from: before, end: end)
            switch (result, expected) {
            case (let value?, let expectedResult??):
                check(value == expectedResult.value, "read \(value), reference \(expectedResult.value) at \(before)")
                check(offset - before == expectedResult.length, "consumed \(offset - before), reference \(expectedResult.length)")
                check(offset <= end, "read past end \(end): offset \(offset)")
                // The shortest encoding: no longer than what was read, and it reads back.
                var encoded: [UInt8] = []
                VarInt.append(value, to: &encoded)
                check(encoded.count <= offset - before, "encoding \(encoded.count) bytes is longer than the \(offset - before) read")
                check(encoded.count == 1 || encoded.last != 0, "encoding \(encoded) is not the shortest")
                encoded.withUnsafeBytes { again in
                    var position = 0
                    check(VarInt.read(again, at: &position) == value && position == encoded.count, "\(encoded) does not read back")
                }
                // Cut off before its last byte, the same VarInt is truncated.
                if offset - before > 1 {
                    var shortOffset = before
                    check(VarInt.read(raw, at: &shortOffset, end: offset - 1) == nil && shortOffset == before,
                          "a VarInt cut off at \(offset - 1) still read")
                    check(VarInt.isTruncated(raw, at: before, end: offset - 1), "a cut-off VarInt is not called truncated")
                }
            case (nil, let expectedResult?):
                check(expectedResult == nil, "read failed where the reference gives \(String(describing: expectedResult))")
                check(offset == before, "a failed read moved the offset from \(before) to \(offset)")
                check(VarInt.isTruncated(raw, at: before, end: end), "a VarInt cut off at \(end) is not called truncated")
                offset += 1
            case (nil, nil):
                check(offset == before, "a failed read moved the offset from \(before) to \(offset)")
                check(!VarInt.isTruncated(raw, at: before, end: end), "an overlong VarInt is called truncated")
                offset += 1
            case (let value?, _):
                check(false, "read \(value) where the reference refuses the bytes at \(before)")
            }
        }
        // The word times of a cue (`WordTimeCoding.decode`, format version 2), read from the
        // same bytes after a 3-byte preamble giving the cue's text length and duration: never
        // reads outside its range, and what it returns lies inside the cue, ascending.
        if bytes.count > 3 {
            let textLength = Int(bytes[0]) * 4
            let duration = UInt64(bytes[1]) * 97
            let end = bytes.count - Int(bytes[2]) % 4
            var position = 3
            if case .success(let words) = WordTimeCoding.decode(raw, at: &position, end: end, textLength: textLength,
                                                                startMilliseconds: 60_000, durationMilliseconds: duration) {
                check(position <= max(3, end), "word times read past \(end): \(position)")
                var previous: WordTime?
                for word in words {
                    check(Int(word.utf8Offset) < textLength, "word offset \(word.utf8Offset) outside \(textLength) bytes")
                    check(word.milliseconds >= 60_000 && UInt64(word.milliseconds) <= 60_000 + duration, "word time \(word.milliseconds) outside the cue")
                    if let previous {
                        check(word.utf8Offset > previous.utf8Offset && word.milliseconds >= previous.milliseconds, "word times not ascending")
                    }
                    previous = word
                }
            } else {
                check(position == 3, "a refused list of word times moved the offset")
            }
        }
        // Offsets outside the buffer are refused, not read.
        var outside = -1
        check(VarInt.read(raw, at: &outside) == nil && outside == -1, "a negative offset was read")
        outside = bytes.count
        check(VarInt.read(raw, at: &outside, end: bytes.count + 8) == nil, "an offset at the end was read")
    }
}
