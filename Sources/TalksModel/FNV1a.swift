/// 64-bit FNV-1a: a tiny, fast, stable hash (the same value on every run and machine,
/// unlike `Hasher`), for hash tables and short tags. Not for security, not for content
/// hashes of files (TalksIngest uses XXH64 for those).
///
/// One definition for every layer: the index files its in-memory terms under it
/// (`TermHash` mixes the result), the server derives its ETags from it.
public enum FNV1a {
    /// The offset basis and prime of the 64-bit variant.
    @usableFromInline static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    @usableFromInline static let prime: UInt64 = 0x0000_0100_0000_01B3

    /// The hash of raw bytes.
    @inlinable @inline(__always)
    public static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var value = offsetBasis
        for byte in bytes {
            value = (value ^ UInt64(byte)) &* prime
        }
        return value
    }

    /// The hash of a byte sequence.
    @inlinable
    public static func hash<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var value = offsetBasis
        for byte in bytes {
            value = (value ^ UInt64(byte)) &* prime
        }
        return value
    }

    /// The hash of a string's UTF-8 bytes.
    @inlinable
    public static func hash(_ text: String) -> UInt64 {
        hash(text.utf8)
    }
}
