/// A bounds-checked cursor over bytes read from an index file.
///
/// Every read checks the remaining length first and throws `IndexError.corrupt` naming the
/// file, so a damaged file can never make talks read outside its mapping.
struct ByteReader {
    let bytes: UnsafeRawBufferPointer
    var offset: Int
    /// The file name used in errors.
    let file: String

    init(_ bytes: UnsafeRawBufferPointer, file: String, offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
        self.file = file
    }

    var isAtEnd: Bool { offset >= bytes.count }
    var remaining: Int { max(0, bytes.count - offset) }

    func corrupt(_ detail: String) -> IndexError {
        .corrupt(file: file, detail: detail)
    }

    mutating func readByte() throws(IndexError) -> UInt8 {
        guard offset >= 0, offset < bytes.count else { throw corrupt("unexpected end of data at byte \(offset)") }
        let byte = bytes[offset]
        offset += 1
        return byte
    }

    /// A VarInt (`VarInt.read`: at most 10 bytes).
    mutating func readVarInt() throws(IndexError) -> UInt64 {
        if let value = VarInt.read(bytes, at: &offset) { return value }
        if VarInt.isTruncated(bytes, at: offset, end: bytes.count) {
            throw corrupt("unexpected end of data inside the VarInt at byte \(offset)")
        }
        throw corrupt("the VarInt at byte \(offset) is longer than \(VarInt.maximumLength) bytes or overflows 64 bits")
    }

    /// A VarInt that must fit in `0...limit` (counts, lengths, ordinals). `what` names the
    /// value in the error; it is an autoclosure so that hot loops (the cue store walks record
    /// headers per cue read) do not build an interpolated string for every value read.
    mutating func readVarInt(atMost limit: Int, _ what: @autoclosure () -> String) throws(IndexError) -> Int {
        let value = try readVarInt()
        guard value <= UInt64(max(0, limit)) else { throw corrupt("\(what()) is \(value), more than the limit \(limit)") }
        return Int(value)
    }

    mutating func readUInt32() throws(IndexError) -> UInt32 {
        guard offset >= 0, bytes.count - offset >= 4, let base = bytes.baseAddress else {
            throw corrupt("unexpected end of data at byte \(offset)")
        }
        let value = base.loadUnaligned(fromByteOffset: offset, as: UInt32.self).littleEndian
        offset += 4
        return value
    }

    mutating func readUInt64() throws(IndexError) -> UInt64 {
        guard offset >= 0, bytes.count - offset >= 8, let base = bytes.baseAddress else {
            throw corrupt("unexpected end of data at byte \(offset)")
        }
        let value = base.loadUnaligned(fromByteOffset: offset, as: UInt64.self).littleEndian
        offset += 8
        return value
    }

    mutating func readBytes(_ count: Int) throws(IndexError) -> UnsafeRawBufferPointer {
        guard count >= 0, offset >= 0, bytes.count - offset >= count else {
            throw corrupt("a \(count)-byte field runs past the end of its section at byte \(offset)")
        }
        let slice = UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + count)])
        offset += count
        return slice
    }

    mutating func readString() throws(IndexError) -> String {
        let length = try readVarInt(atMost: remaining, "string length")
        let slice = try readBytes(length)
        return String(decoding: slice, as: UTF8.self)
    }

    mutating func readOptionalString() throws(IndexError) -> String? {
        switch try readByte() {
        case 0: return nil
        case 1: return try readString()
        case let other: throw corrupt("optional-string marker \(other) is neither 0 nor 1 at byte \(offset - 1)")
        }
    }
}

/// A little-endian UInt32 array inside a mapped section, with checked element access.
struct UInt32Table {
    let bytes: UnsafeRawBufferPointer
    let count: Int

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
        self.count = bytes.count / 4
    }

    /// The element at `index`, or nil outside the table.
    @inline(__always)
    subscript(index: Int) -> UInt32? {
        guard index >= 0, index < count, let base = bytes.baseAddress else { return nil }
        return base.loadUnaligned(fromByteOffset: index &* 4, as: UInt32.self).littleEndian
    }

    /// The element at an index already known to be in range (callers check `count`).
    @inline(__always)
    func unchecked(_ index: Int) -> UInt32 {
        guard let base = bytes.baseAddress, index >= 0, index < count else { return 0 }
        return base.loadUnaligned(fromByteOffset: index &* 4, as: UInt32.self).littleEndian
    }
}
