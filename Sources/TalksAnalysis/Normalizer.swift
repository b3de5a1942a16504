import Foundation

/// Unicode normalisation for terms: NFC, then lowercase mapping.
///
/// Query terms and field values go through the same function as indexed tokens, so a
/// decomposed `a` + U+030A and a precomposed `å`, or `Östergötland` and `östergötland`,
/// meet in one term. "Case folding" here is Unicode's default lowercase mapping, which
/// leaves `ß` as `ß` (full case folding would give `ss`); Swedish text is unaffected.
public enum Normalizer {
    /// Returns `text` in NFC with every letter lowercased. ASCII and precomposed Latin-1
    /// text take a byte-level fast path; anything else goes through Foundation.
    public static func normalize(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in normalize(utf8: bytes) }
    }

    /// Normalises a run of valid UTF-8 bytes.
    static func normalize(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String {
        if let fast = lowercaseLatin1(bytes) { return fast }
        return slowNormalize(String(decoding: bytes, as: UTF8.self))
    }

    /// The general path: NFC, lowercase, NFC again (lowercasing can in rare cases
    /// produce a sequence that composes further).
    static func slowNormalize(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping.lowercased().precomposedStringWithCanonicalMapping
    }

    /// Lowercases bytes that are all ASCII or two-byte Latin-1 (U+0080–U+00FF) scalars,
    /// none followed by a combining mark; returns nil when any other scalar occurs so the
    /// caller takes the general path. Latin-1 text is already NFC.
    @inline(__always)
    static func lowercaseLatin1(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let count = bytes.count
        var index = 0
        var changes = false
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte &- 0x41 < 26 { changes = true }
                index += 1
            } else if byte == 0xC3 || byte == 0xC2, index + 1 < count {
                if byte == 0xC3 && bytes[index + 1] < 0x9F && bytes[index + 1] != 0x97 { changes = true }
                index += 2
            } else {
                return nil
            }
        }
        if !changes { return String(decoding: bytes, as: UTF8.self) }
        return String(unsafeUninitializedCapacity: count) { output in
            var index = 0
            while index < count {
                let byte = bytes[index]
                if byte < 0x80 {
                    output[index] = byte &- 0x41 < 26 ? byte | 0x20 : byte
                    index += 1
                } else {
                    output[index] = byte
                    let next = bytes[index + 1]
                    output[index + 1] = byte == 0xC3 && next < 0x9F && next != 0x97 ? next | 0x20 : next
                    index += 2
                }
            }
            return count
        }
    }
}
