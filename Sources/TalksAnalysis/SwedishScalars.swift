/// Scalar-level helpers shared by the stemmer and the inflection rules: Swedish letter
/// classes as Snowball defines them, suffix tests on scalar buffers, and conversion back
/// to `String`.
enum SwedishScalars {
    /// a e i o u y ä å ö: Snowball Swedish's vowel grouping.
    @inline(__always)
    static func isVowel(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x61, 0x65, 0x69, 0x6F, 0x75, 0x79, 0xE4, 0xE5, 0xF6: return true
        default: return false
        }
    }

    /// b c d f g h j k l m n o p r t v y: letters after which a final -s is removed.
    @inline(__always)
    static func isSEnding(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x62, 0x63, 0x64, 0x66, 0x67, 0x68, 0x6A, 0x6B, 0x6C, 0x6D, 0x6E, 0x6F, 0x70, 0x72, 0x74, 0x76, 0x79: return true
        default: return false
        }
    }

    /// i k l n p r t u v: letters before `-öst` that make it `-ös`.
    @inline(__always)
    static func isOstEnding(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x69, 0x6B, 0x6C, 0x6E, 0x70, 0x72, 0x74, 0x75, 0x76: return true
        default: return false
        }
    }

    static func scalars(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }

    /// Whether `word[0..<length]` ends with `suffix`.
    @inline(__always)
    static func hasSuffix(_ word: UnsafeMutableBufferPointer<UInt32>, length: Int, _ suffix: [UInt32]) -> Bool {
        let count = suffix.count
        guard count <= length else { return false }
        var offset = 1
        while offset <= count {
            if word[length - offset] != suffix[count - offset] { return false }
            offset += 1
        }
        return true
    }

    /// The UTF-8 string of `scalars[0..<length]` (valid scalar values, as decoded from a `String`).
    static func string(_ scalars: UnsafeMutableBufferPointer<UInt32>, length: Int) -> String {
        String(unsafeUninitializedCapacity: length * 4) { output in
            var written = 0
            for index in 0..<length {
                let value = scalars[index]
                if value < 0x80 {
                    output[written] = UInt8(value)
                    written += 1
                } else if value < 0x800 {
                    output[written] = UInt8(0xC0 | value >> 6)
                    output[written + 1] = UInt8(0x80 | value & 0x3F)
                    written += 2
                } else if value < 0x10000 {
                    output[written] = UInt8(0xE0 | value >> 12)
                    output[written + 1] = UInt8(0x80 | value >> 6 & 0x3F)
                    output[written + 2] = UInt8(0x80 | value & 0x3F)
                    written += 3
                } else {
                    output[written] = UInt8(0xF0 | value >> 18 & 0x07)
                    output[written + 1] = UInt8(0x80 | value >> 12 & 0x3F)
                    output[written + 2] = UInt8(0x80 | value >> 6 & 0x3F)
                    output[written + 3] = UInt8(0x80 | value & 0x3F)
                    written += 4
                }
            }
            return written
        }
    }
}
