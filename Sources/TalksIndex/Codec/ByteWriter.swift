/// An append-only byte buffer with the encodings the format uses: little-endian fixed
/// integers, LEB128 VarInts and length-prefixed UTF-8 strings.
///
/// Writers build a whole file body in one of these, then `FileContainer` adds the header,
/// section table and CRC footer (see FORMAT.md, "Encodings").
struct ByteWriter {
    var bytes: [UInt8] = []

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    var count: Int { bytes.count }

    @inline(__always)
    mutating func appendVarInt(_ value: UInt64) {
        VarInt.append(value, to: &bytes)
    }

    @inline(__always)
    mutating func appendVarInt(_ value: Int) {
        appendVarInt(UInt64(max(0, value)))
    }

    mutating func appendUInt16(_ value: UInt16) {
        bytes.append(UInt8(truncatingIfNeeded: value))
        bytes.append(UInt8(truncatingIfNeeded: value >> 8))
    }

    mutating func appendUInt32(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) {
            bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift)))
        }
    }

    mutating func appendUInt64(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) {
            bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift)))
        }
    }

    mutating func append(_ other: [UInt8]) {
        bytes.append(contentsOf: other)
    }

    mutating func append(_ other: UnsafeRawBufferPointer) {
        bytes.append(contentsOf: other)
    }

    /// VarInt byte length, then the UTF-8 bytes.
    mutating func appendString(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            appendVarInt(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    /// 0 for nil, else 1 + the string (see FORMAT.md, "optional string").
    mutating func appendOptionalString(_ text: String?) {
        if let text {
            bytes.append(1)
            appendString(text)
        } else {
            bytes.append(0)
        }
    }
}

/// Appends a VarInt to a raw byte array (the hot path of postings building).
@inline(__always)
func appendVarInt(_ value: UInt32, to bytes: inout [UInt8]) {
    VarInt.append(UInt64(value), to: &bytes)
}
