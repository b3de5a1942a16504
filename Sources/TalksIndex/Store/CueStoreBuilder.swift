import TalksModel

/// Builds the `.store` file: cue records, the speaker table and the Huffman code of the
/// cue text (FORMAT.md, "Store").
///
/// Records are kept with plain text while episodes arrive (the code depends on the byte
/// frequencies of all of them); `sections()` codes the text.
struct CueStoreBuilder {
    var records = ByteWriter()
    var offsets: [UInt32] = [0]
    var frequencies = [Int](repeating: 0, count: 256)
    var speakerNumbers: [String: Int] = [:]
    var speakerNames: [String] = []

    var memoryBytes: Int { records.count + offsets.count * 4 }

    mutating func add(_ cue: Cue) {
        let start = Self.milliseconds(cue.start)
        let end = max(start, Self.milliseconds(cue.end))
        records.appendVarInt(start)
        records.appendVarInt(end - start)
        if let speaker = cue.speaker {
            let number: Int
            if let known = speakerNumbers[speaker] {
                number = known
            } else {
                speakerNames.append(speaker)
                number = speakerNames.count
                speakerNumbers[speaker] = number
            }
            records.appendVarInt(number)
        } else {
            records.appendVarInt(UInt64(0))
        }
        var text = cue.text
        text.withUTF8 { utf8 in
            records.append(UnsafeRawBufferPointer(utf8))
            frequencies.withUnsafeMutableBufferPointer { counts in
                for byte in utf8 { counts[Int(byte)] &+= 1 }
            }
        }
        offsets.append(UInt32(truncatingIfNeeded: records.count))
    }

    static func milliseconds(_ seconds: Double) -> UInt64 {
        guard seconds.isFinite, seconds > 0 else { return 0 }
        return UInt64(min(seconds * 1000, 1e15).rounded())
    }

    /// The four sections of the store file: offsets, coded records, speakers, code lengths.
    func sections() -> [[UInt8]] {
        let code = HuffmanCode(frequencies: frequencies)
        var coded: [UInt8] = []
        coded.reserveCapacity(records.count * 5 / 8 + offsets.count * 2)
        var table = ByteWriter(capacity: offsets.count * 4)
        table.appendUInt32(0)
        records.bytes.withUnsafeBytes { raw in
            for index in 0..<(offsets.count - 1) {
                let record = UnsafeRawBufferPointer(rebasing: raw[Int(offsets[index])..<Int(offsets[index + 1])])
                // Copy the three header VarInts, then the text length and the coded text.
                var position = 0
                var varInts = 0
                while varInts < 3 && position < record.count {
                    if record[position] & 0x80 == 0 { varInts += 1 }
                    position += 1
                }
                coded.append(contentsOf: record[0..<position])
                let text = UnsafeRawBufferPointer(rebasing: record[position...])
                appendVarInt(UInt32(truncatingIfNeeded: text.count), to: &coded)
                code.encode(text, into: &coded)
                table.appendUInt32(UInt32(truncatingIfNeeded: coded.count))
            }
        }
        var speakers = ByteWriter()
        speakers.appendVarInt(speakerNames.count)
        for name in speakerNames { speakers.appendString(name) }
        return [table.bytes, coded, speakers.bytes, code.lengths]
    }
}
