/// 64-bit FNV-1a, for short stable ETags of responses and requests (not for security).
enum FNV1a {
    static func hash(_ text: String) -> UInt64 {
        hash(text.utf8)
    }

    static func hash<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01B3
        }
        return value
    }
}
