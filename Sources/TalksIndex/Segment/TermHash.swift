import TalksModel

/// The hash a term is filed under in the in-memory term tables (`TermTable`): 64-bit
/// FNV-1a over its UTF-8 bytes, mixed at the end so the low bits, which pick the slot,
/// spread well.
enum TermHash {
    @inline(__always)
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash = FNV1a.hash(bytes)
        hash ^= hash >> 29
        hash = hash &* 0xbf58_476d_1ce4_e5b9
        return hash ^ (hash >> 32)
    }
}
