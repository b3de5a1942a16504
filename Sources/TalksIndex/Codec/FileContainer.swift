/// The frame every segment file shares: header, sections, section table, CRC footer.
///
/// ```
/// header  32 bytes  "TALKSIDX" | kind (4 ASCII) | version u32 | segment generation u64 |
///                   segment number u32 | reserved u32 = 0
/// sections          the kind's sections, back to back
/// table             section count u32, then per section: offset u64, length u64
/// footer  16 bytes  table offset u64 | "TEND" | CRC-32C u32 of every byte before it
/// ```
/// All integers little-endian. Opening checks magic, kind, version, segment id and the
/// section bounds (cheap); readers then check the CRC (reads every byte) unless
/// `checked.json` vouches for the file (`CheckedStamps`), `verify` always does.
enum FileContainer {
    static let magic: [UInt8] = Array("TALKSIDX".utf8)
    static let footerMagic: [UInt8] = Array("TEND".utf8)
    static let headerSize = 32
    static let footerSize = 16
    /// The format version this build writes and reads.
    static let formatVersion: UInt32 = 2

    /// Builds a complete file from its sections.
    static func build(kind: FileKind, segment: SegmentID, sections: [[UInt8]]) -> [UInt8] {
        var total = headerSize + footerSize + 4 + sections.count * 16
        for section in sections { total += section.count }
        var writer = ByteWriter(capacity: total)
        writer.append(magic)
        writer.append(kind.tag)
        writer.appendUInt32(formatVersion)
        writer.appendUInt64(segment.generation)
        writer.appendUInt32(segment.number)
        writer.appendUInt32(0)
        var offsets: [(Int, Int)] = []
        for section in sections {
            offsets.append((writer.count, section.count))
            writer.append(section)
        }
        let tableOffset = writer.count
        writer.appendUInt32(UInt32(sections.count))
        for (offset, length) in offsets {
            writer.appendUInt64(UInt64(offset))
            writer.appendUInt64(UInt64(length))
        }
        writer.appendUInt64(UInt64(tableOffset))
        writer.append(footerMagic)
        let crc = CRC32C.checksum(writer.bytes)
        writer.appendUInt32(crc)
        return writer.bytes
    }

    /// Checks the frame of a mapped file and returns its sections. Throws naming `file`.
    static func open(
        _ bytes: UnsafeRawBufferPointer, file: String, kind: FileKind, segment: SegmentID?,
        expectedSections: Int
    ) throws(IndexError) -> [UnsafeRawBufferPointer] {
        guard bytes.count >= headerSize + footerSize + 4 else {
            throw .corrupt(file: file, detail: "it is \(bytes.count) bytes, shorter than an empty index file (52 bytes); it was probably truncated")
        }
        var reader = ByteReader(bytes, file: file)
        let foundMagic = Array(try reader.readBytes(8))
        guard foundMagic == magic else {
            throw .corrupt(file: file, detail: "it does not start with the index magic \"TALKSIDX\"; it is not a talks index file")
        }
        let foundKind = Array(try reader.readBytes(4))
        guard foundKind == kind.tag else {
            throw .corrupt(file: file, detail: "its kind is \"\(String(decoding: foundKind, as: UTF8.self))\", expected \"\(String(decoding: kind.tag, as: UTF8.self))\"")
        }
        let version = try reader.readUInt32()
        guard version == formatVersion else {
            throw .unsupportedVersion(file: file, found: version, supported: formatVersion)
        }
        let generation = try reader.readUInt64()
        let number = try reader.readUInt32()
        if let segment, segment.generation != generation || segment.number != number {
            throw .corrupt(file: file, detail: "its header names segment seg-\(generation)-\(number), expected \(segment)")
        }
        var footer = ByteReader(bytes, file: file, offset: bytes.count - footerSize)
        let tableOffset = try footer.readUInt64()
        let foundFooter = Array(try footer.readBytes(4))
        guard foundFooter == footerMagic else {
            throw .corrupt(file: file, detail: "it does not end with the footer \"TEND\"; it was probably truncated")
        }
        let tableLimit = UInt64(bytes.count - footerSize)
        guard tableOffset >= UInt64(headerSize), tableOffset <= tableLimit, tableLimit - tableOffset >= 4 else {
            throw .corrupt(file: file, detail: "the section table offset \(tableOffset) is outside the file")
        }
        var table = ByteReader(bytes, file: file, offset: Int(tableOffset))
        let count = Int(try table.readUInt32())
        guard count == expectedSections, UInt64(count) * 16 + tableOffset + 4 == tableLimit else {
            throw .corrupt(file: file, detail: "the section table lists \(count) sections, expected \(expectedSections)")
        }
        var sections: [UnsafeRawBufferPointer] = []
        for index in 0..<count {
            let offset = try table.readUInt64()
            let length = try table.readUInt64()
            guard offset >= UInt64(headerSize), length <= tableOffset, offset <= tableOffset - length else {
                throw .corrupt(file: file, detail: "section \(index) (offset \(offset), length \(length)) lies outside the file body")
            }
            sections.append(UnsafeRawBufferPointer(rebasing: bytes[Int(offset)..<Int(offset + length)]))
        }
        return sections
    }

    /// Recomputes the CRC-32C footer; throws `checksumMismatch` naming `file`.
    static func verifyChecksum(_ bytes: UnsafeRawBufferPointer, file: String) throws(IndexError) {
        guard bytes.count >= footerSize else {
            throw .corrupt(file: file, detail: "it is \(bytes.count) bytes, too short for a footer")
        }
        var footer = ByteReader(bytes, file: file, offset: bytes.count - 4)
        let stored = try footer.readUInt32()
        let computed = CRC32C.checksum(UnsafeRawBufferPointer(rebasing: bytes[0..<(bytes.count - 4)]))
        guard stored == computed else {
            throw .checksumMismatch(file: file, stored: stored, computed: computed)
        }
    }
}
