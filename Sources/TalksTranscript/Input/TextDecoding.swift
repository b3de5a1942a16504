/// Turns transcript bytes into the normalised UTF-8 the WebVTT parser algorithm reads.
///
/// The W3C parser first runs the WHATWG "UTF-8 decode" (one leading byte order mark is
/// dropped, malformed sequences become U+FFFD), then replaces NUL by U+FFFD and CRLF or a
/// lone CR by LF. Everything after this step works on bytes, so the result is kept as UTF-8
/// bytes rather than a `String`; the common case (valid UTF-8 without NUL or CR) costs one
/// validation pass and one copy.
enum TextDecoding {
    /// The UTF-8 encoding of U+FFFD REPLACEMENT CHARACTER.
    static let replacementCharacter: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// Decodes `bytes` with replacement, drops one leading BOM, and normalises NUL and line
    /// endings as the WebVTT parser algorithm's first step requires.
    static func normalizedUTF8(_ bytes: [UInt8]) -> [UInt8] {
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            start = 3
        }
        let decoded: [UInt8] = bytes.withUnsafeBufferPointer { buffer in
            let body = UnsafeBufferPointer(rebasing: buffer[start...])
            // `String(decoding:)` validates and repairs with U+FFFD per maximal subpart,
            // which is what the WHATWG decoder does.
            var text = String(decoding: body, as: UTF8.self)
            return text.withUTF8 { Array($0) }
        }
        return replacingNullAndCarriageReturn(decoded)
    }

    /// Replaces NUL by U+FFFD and CRLF / CR by LF; returns the input untouched when it has
    /// neither (the common case).
    static func replacingNullAndCarriageReturn(_ bytes: [UInt8]) -> [UInt8] {
        let needsWork = bytes.withUnsafeBufferPointer { buffer in
            buffer.firstIndex(of: 0, from: 0) != nil || buffer.firstIndex(of: ASCII.carriageReturn, from: 0) != nil
        }
        guard needsWork else { return bytes }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 16)
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            switch byte {
            case 0:
                output.append(contentsOf: replacementCharacter)
            case 0x0D:
                output.append(0x0A)
                if index + 1 < count, bytes[index + 1] == 0x0A { index += 1 }
            default:
                output.append(byte)
            }
            index += 1
        }
        return output
    }
}
