/// CRC-32C (Castagnoli, polynomial 0x1EDC6F41, reflected 0x82F63B78), slicing-by-8.
///
/// Every index file ends with the CRC-32C of all bytes before the checksum field; `talks
/// verify` recomputes it. Castagnoli rather than zlib's CRC-32 because it detects more
/// error patterns in long messages (and it is what ext4, iSCSI and LevelDB use).
/// Check value: CRC-32C("123456789") = 0xE3069283.
public enum CRC32C {
    /// Eight 256-entry tables, flat: table k at k*256.
    static let table: [UInt32] = {
        var tables = Array(repeating: Array(repeating: UInt32(0), count: 256), count: 8)
        for index in 0..<256 {
            var crc = UInt32(index)
            for _ in 0..<8 {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1
            }
            tables[0][index] = crc
        }
        for index in 0..<256 {
            var crc = tables[0][index]
            for slice in 1..<8 {
                crc = tables[0][Int(crc & 0xFF)] ^ (crc >> 8)
                tables[slice][index] = crc
            }
        }
        return tables.flatMap { $0 }
    }()

    /// The CRC-32C of `bytes`, continuing from `crc` (pass the previous result to checksum
    /// a file in pieces; start with 0).
    public static func checksum(_ bytes: UnsafeRawBufferPointer, continuing crc: UInt32 = 0) -> UInt32 {
        var crc = ~crc
        let count = bytes.count
        guard count > 0, let base = bytes.baseAddress else { return ~crc }
        Self.table.withUnsafeBufferPointer { table in
            var index = 0
            while index + 8 <= count {
                let low = base.loadUnaligned(fromByteOffset: index, as: UInt32.self).littleEndian ^ crc
                let high = base.loadUnaligned(fromByteOffset: index + 4, as: UInt32.self).littleEndian
                crc = table[7 * 256 + Int(low & 0xFF)]
                    ^ table[6 * 256 + Int((low >> 8) & 0xFF)]
                    ^ table[5 * 256 + Int((low >> 16) & 0xFF)]
                    ^ table[4 * 256 + Int(low >> 24)]
                    ^ table[3 * 256 + Int(high & 0xFF)]
                    ^ table[2 * 256 + Int((high >> 8) & 0xFF)]
                    ^ table[1 * 256 + Int((high >> 16) & 0xFF)]
                    ^ table[0 * 256 + Int(high >> 24)]
                index += 8
            }
            while index < count {
                let byte = base.load(fromByteOffset: index, as: UInt8.self)
                crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
                index += 1
            }
        }
        return ~crc
    }

    public static func checksum(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBytes { checksum($0) }
    }
}
