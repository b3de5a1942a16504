import XCTest
@testable import TalksIndex

/// CRC-32C, VarInts, the bounds-checked reader, the file container and the Huffman code.
final class CodecTests: XCTestCase {
    func testCRC32CMatchesTheCheckValueAndContinues() {
        XCTAssertEqual(CRC32C.checksum(Array("123456789".utf8)), 0xE306_9283)
        XCTAssertEqual(CRC32C.checksum([]), 0)
        XCTAssertEqual(CRC32C.checksum([UInt8](repeating: 0, count: 32)), 0x8A91_36AA)
        let text = Array("The quick brown fox jumps over the lazy dog, och så vidare.".utf8)
        let whole = CRC32C.checksum(text)
        let first = text.withUnsafeBytes { CRC32C.checksum(UnsafeRawBufferPointer(rebasing: $0[0..<13])) }
        let both = text.withUnsafeBytes { CRC32C.checksum(UnsafeRawBufferPointer(rebasing: $0[13...]), continuing: first) }
        XCTAssertEqual(both, whole)
    }

    func testVarIntRoundTripAndBounds() throws {
        var writer = ByteWriter()
        let values: [UInt64] = [0, 1, 127, 128, 300, 16_383, 16_384, UInt64(UInt32.max), UInt64.max]
        for value in values { writer.appendVarInt(value) }
        XCTAssertEqual(Array(writer.bytes[2...3]), [0x7F, 0x80])
        try writer.bytes.withUnsafeBytes { raw in
            var reader = ByteReader(raw, file: "test.bin")
            for value in values { XCTAssertEqual(try reader.readVarInt(), value) }
            XCTAssertThrowsError(try reader.readVarInt()) { error in
                XCTAssertTrue("\(error)".contains("test.bin"), "\(error)")
            }
        }
        let endless = [UInt8](repeating: 0xFF, count: 12)
        try endless.withUnsafeBytes { raw in
            var reader = ByteReader(raw, file: "x")
            XCTAssertThrowsError(try reader.readVarInt())
        }
        let truncatedString: [UInt8] = [0x05, 0x41]
        try truncatedString.withUnsafeBytes { raw in
            var reader = ByteReader(raw, file: "x")
            XCTAssertThrowsError(try reader.readString())
        }
    }

    /// The one decoder's one limit (FORMAT.md "Encodings"): at most 10 bytes, the tenth
    /// holding only bit 63; truncated and overlong input refused with the offset unchanged.
    func testVarIntDecoderLimitAndRefusals() throws {
        func read(_ bytes: [UInt8], end: Int? = nil) -> (value: UInt64?, offset: Int) {
            bytes.withUnsafeBytes { raw in
                var offset = 0
                let value = VarInt.read(raw, at: &offset, end: end ?? bytes.count)
                return (value, offset)
            }
        }
        XCTAssertEqual(VarInt.maximumLength, 10)
        XCTAssertEqual(read([0x05]).value, 5)
        XCTAssertEqual(read([0xAC, 0x02]).value, 300, "FORMAT.md's example")
        XCTAssertEqual(read([0xAC, 0x02]).offset, 2)
        let largest: [UInt8] = Array(repeating: 0xFF, count: 9) + [0x01]
        XCTAssertEqual(read(largest).value, UInt64.max)
        XCTAssertEqual(read(largest).offset, 10)
        XCTAssertEqual(read(Array(repeating: 0x80, count: 9) + [0x01]).value, 1 << 63)
        XCTAssertEqual(read([0x80, 0x00]).value, 0, "a longer encoding than needed still reads")

        let overflow: [UInt8] = Array(repeating: 0xFF, count: 9) + [0x02]
        let eleven: [UInt8] = Array(repeating: 0x80, count: 10) + [0x00]
        let truncated: [UInt8] = [0xAC]
        for bad in [overflow, eleven, truncated, []] {
            XCTAssertNil(read(bad).value, "\(bad)")
            XCTAssertEqual(read(bad).offset, 0, "a refused VarInt leaves the offset alone")
        }
        XCTAssertNil(read([0xAC, 0x02], end: 1).value, "end cuts the VarInt off")
        XCTAssertEqual(read([0x05, 0xAC, 0x02], end: 1).value, 5)
        let isTruncated = { (bytes: [UInt8]) in bytes.withUnsafeBytes { VarInt.isTruncated($0, at: 0, end: bytes.count) } }
        XCTAssertTrue(isTruncated(truncated))
        XCTAssertFalse(isTruncated(overflow))
        XCTAssertFalse(isTruncated(eleven))

        // ByteReader names the file and tells the two apart.
        for (bytes, words) in [(truncated, "unexpected end of data"), (overflow, "longer than 10 bytes or overflows")] {
            try bytes.withUnsafeBytes { raw in
                var reader = ByteReader(raw, file: "seg-1-0.episodes")
                XCTAssertThrowsError(try reader.readVarInt()) { error in
                    XCTAssertTrue("\(error)".contains("seg-1-0.episodes"), "\(error)")
                    XCTAssertTrue("\(error)".contains(words), "\(error)")
                }
            }
        }
        var encoded: [UInt8] = []
        for value: UInt64 in [0, 127, 128, 300, UInt64(UInt32.max), UInt64.max] { VarInt.append(value, to: &encoded) }
        XCTAssertEqual(encoded.count, 1 + 1 + 2 + 2 + 5 + 10)
    }

    func testFileContainerRoundTripAndChecks() throws {
        let segment = SegmentID(generation: 3, number: 1)
        let bytes = FileContainer.build(kind: .lengths, segment: segment, sections: [[1, 2, 3], [], [9]])
        try bytes.withUnsafeBytes { raw in
            let sections = try FileContainer.open(raw, file: "seg-3-1.lengths", kind: .lengths, segment: segment, expectedSections: 3)
            XCTAssertEqual(sections.map { Array($0) }, [[1, 2, 3], [], [9]])
            try FileContainer.verifyChecksum(raw, file: "seg-3-1.lengths")
            XCTAssertThrowsError(try FileContainer.open(raw, file: "f", kind: .terms, segment: segment, expectedSections: 3))
            XCTAssertThrowsError(try FileContainer.open(raw, file: "f", kind: .lengths,
                                                         segment: SegmentID(generation: 3, number: 2), expectedSections: 3))
        }
        var flipped = bytes
        flipped[33] ^= 0x10
        try flipped.withUnsafeBytes { raw in
            XCTAssertThrowsError(try FileContainer.verifyChecksum(raw, file: "seg-3-1.lengths")) { error in
                guard case IndexError.checksumMismatch(let file, _, _) = error else { return XCTFail("\(error)") }
                XCTAssertEqual(file, "seg-3-1.lengths")
            }
        }
        var newer = bytes
        newer[12] = 3
        try newer.withUnsafeBytes { raw in
            XCTAssertThrowsError(try FileContainer.open(raw, file: "seg-3-1.lengths", kind: .lengths, segment: segment, expectedSections: 3)) { error in
                XCTAssertEqual(error as? IndexError, .unsupportedVersion(file: "seg-3-1.lengths", found: 3, supported: 2))
            }
        }
        for cut in [0, 10, 40, bytes.count - 1] {
            try Array(bytes[0..<cut]).withUnsafeBytes { raw in
                XCTAssertThrowsError(try FileContainer.open(raw, file: "cut", kind: .lengths, segment: segment, expectedSections: 3))
            }
        }
    }

    func testHuffmanRoundTrips() throws {
        let texts = ["Östergötlands livsmedelsstrategi är viktig för oss.", "", "aaaa", "a",
                     "Emoji 🌾 och CJK 日本 och \u{0}nul", String(repeating: "xyz", count: 500)]
        var frequencies = [Int](repeating: 0, count: 256)
        for text in texts { for byte in text.utf8 { frequencies[Int(byte)] += 1 } }
        let code = HuffmanCode(frequencies: frequencies)
        XCTAssertTrue(HuffmanCode.isValid(code.lengths))
        let decoder = HuffmanDecoder(code: code)
        for text in texts {
            var coded: [UInt8] = []
            Array(text.utf8).withUnsafeBytes { code.encode($0, into: &coded) }
            let decoded = coded.withUnsafeBytes { decoder.decode($0, count: text.utf8.count) }
            XCTAssertEqual(decoded.map { String(decoding: $0, as: UTF8.self) }, text)
        }
        // A skewed distribution needs flattening to stay within 12 bits.
        var skewed = [Int](repeating: 0, count: 256)
        for index in 0..<40 { skewed[index] = 1 << min(index, 40) }
        let limited = HuffmanCode(frequencies: skewed)
        XCTAssertLessThanOrEqual(Int(limited.lengths.max() ?? 0), HuffmanCode.maximumLength)
        XCTAssertTrue(HuffmanCode.isValid(limited.lengths))
        XCTAssertFalse(HuffmanCode.isValid([UInt8](repeating: 1, count: 256)), "over-subscribed")
        let single = HuffmanCode(frequencies: [Int](repeating: 0, count: 97) + [5] + [Int](repeating: 0, count: 158))
        var coded: [UInt8] = []
        Array("aaaaa".utf8).withUnsafeBytes { single.encode($0, into: &coded) }
        XCTAssertEqual(coded.withUnsafeBytes { HuffmanDecoder(code: single).decode($0, count: 5) }, Array("aaaaa".utf8))
        XCTAssertNil(coded.withUnsafeBytes { HuffmanDecoder(code: single).decode($0, count: 50) }, "more text than bits")
    }

    func testSegmentIDNames() {
        XCTAssertEqual(SegmentID(generation: 12, number: 3).fileName(.postings), "seg-12-3.postings")
        XCTAssertEqual(SegmentID(name: "seg-12-3"), SegmentID(generation: 12, number: 3))
        XCTAssertNil(SegmentID(name: "seg-12"))
        XCTAssertNil(SegmentID(name: "seg-x-1"))
    }
}
