/// The VarInt of the index format (unsigned LEB128, FORMAT.md "Encodings"): the one decoder
/// every reader of a segment file uses, and the encoder the writers share.
///
/// Why one: the readers used to carry eight hand-written decoders with five different
/// length limits (5, 6, 8 and 10 bytes, and none), so the same bytes could be a value for
/// one reader and damage for another. Here there is one limit, `maximumLength`, and the
/// decoder is fuzzed (`Fuzz/Sources/FuzzVarInt`).
///
/// The limit: a VarInt holds a `UInt64`, so it is at most 10 bytes (9 × 7 bits, and the
/// tenth byte carries only the top bit: it must be 0 or 1). Longer input, a tenth byte that
/// would overflow 64 bits, and input that ends inside a VarInt are all damage: `read`
/// returns nil. Encodings longer than needed (`80 00` for 0) are read as their value, as
/// they always were; the writers never produce them. Callers check the value's range
/// (a count, an offset, a document below the segment's count) themselves.
///
/// Speed: `read` is on the hot path of `PostingsCursor` (every document of every list a
/// query walks), so it is `@inlinable` and always inlined, reads through the buffer's raw
/// subscript after one bounds check per byte, and returns a one-byte VarInt (most
/// document deltas, frequencies and positions) after a single comparison.
public enum VarInt {
    /// The longest VarInt, in bytes: that of `UInt64.max`.
    public static let maximumLength = 10

    /// Decodes the VarInt at `offset` in `bytes`, not reading at or past `end`; on success
    /// moves `offset` past it. Returns nil (leaving `offset` unchanged) when the input ends
    /// first, or the VarInt is longer than `maximumLength` bytes or overflows 64 bits.
    @inlinable @inline(__always)
    public static func read(_ bytes: UnsafeRawBufferPointer, at offset: inout Int, end: Int) -> UInt64? {
        let limit = end < bytes.count ? end : bytes.count
        var position = offset
        guard position >= 0, position < limit else { return nil }
        var byte = bytes[position]
        position &+= 1
        if byte < 0x80 {
            offset = position
            return UInt64(byte)
        }
        var result = UInt64(byte & 0x7F)
        var shift: UInt64 = 7
        while position < limit {
            byte = bytes[position]
            position &+= 1
            if shift == 63 {
                // The tenth byte: only the top bit of a UInt64 is left for it.
                guard byte <= 1 else { return nil }
                offset = position
                return result | UInt64(byte) << 63
            }
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 {
                offset = position
                return result
            }
            shift &+= 7
        }
        return nil
    }

    /// Decodes the VarInt at `offset`, reading at most to the end of `bytes`.
    @inlinable @inline(__always)
    public static func read(_ bytes: UnsafeRawBufferPointer, at offset: inout Int) -> UInt64? {
        read(bytes, at: &offset, end: bytes.count)
    }

    /// Why `read` gave nil at `offset` (for error messages; not on any hot path): true when
    /// the input ends inside the VarInt, false when it is too long or overflows.
    public static func isTruncated(_ bytes: UnsafeRawBufferPointer, at offset: Int, end: Int) -> Bool {
        let limit = min(end, bytes.count)
        guard offset >= 0, offset < limit else { return true }
        let available = limit - offset
        for index in 0..<min(available, maximumLength) where bytes[offset + index] < 0x80 {
            return false
        }
        return available < maximumLength
    }

    /// Appends the shortest encoding of `value` (1 to 10 bytes).
    @inlinable @inline(__always)
    public static func append(_ value: UInt64, to bytes: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }
}
