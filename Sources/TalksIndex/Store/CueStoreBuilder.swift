import TalksModel

/// Builds the `.store` file: cue records and the speaker table (FORMAT.md, "Store").
struct CueStoreBuilder {
    var records = ByteWriter()
    var offsets: [UInt32] = [0]
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
        text.withUTF8 { records.append(UnsafeRawBufferPointer($0)) }
        offsets.append(UInt32(truncatingIfNeeded: records.count))
    }

    static func milliseconds(_ seconds: Double) -> UInt64 {
        guard seconds.isFinite, seconds > 0 else { return 0 }
        return UInt64(min(seconds * 1000, 1e15).rounded())
    }

    /// The three sections of the store file.
    func sections() -> [[UInt8]] {
        var table = ByteWriter(capacity: offsets.count * 4)
        for offset in offsets { table.appendUInt32(offset) }
        var speakers = ByteWriter()
        speakers.appendVarInt(speakerNames.count)
        for name in speakerNames { speakers.appendString(name) }
        return [table.bytes, records.bytes, speakers.bytes]
    }
}
