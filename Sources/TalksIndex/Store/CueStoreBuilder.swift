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

    /// The bytes `sections()` will allocate for the coded records and the block table once
    /// `stores` are joined into one (with the code of their joint byte frequencies): what
    /// writing the store adds on top of the builders (`IndexWriter` projects a flush with it).
    static func codedBytes(of stores: [CueStoreBuilder]) -> Int {
        var frequencies = [Int](repeating: 0, count: 256)
        for store in stores {
            for byte in 0..<256 { frequencies[byte] &+= store.frequencies[byte] }
        }
        let code = HuffmanCode(frequencies: frequencies)
        let cues = stores.reduce(0) { $0 + $1.offsets.count - 1 }
        return stores.reduce(0) { $0 + $1.codedRecordBytes(code) } + (cues / CueStoreReader.blockSize + 2) * 4
    }

    /// At most the bytes of the coded records with `code`: the text takes the sum of its
    /// bytes' code lengths, the other fields at most what they take here plus 8 bytes per
    /// record (the record length and text length VarInts, a start that zigzag coding makes
    /// one byte longer, the padding of the last code byte).
    private func codedRecordBytes(_ code: HuffmanCode) -> Int {
        var bits = 0
        var textBytes = 0
        for byte in 0..<256 where frequencies[byte] > 0 {
            bits += frequencies[byte] * Int(code.lengths[byte])
            textBytes += frequencies[byte]
        }
        return (records.count - textBytes) + (bits + 7) / 8 + (offsets.count - 1) * 8
    }

    /// Appends a cue's plain record: `VarInt start`, `VarInt duration << 1 | hasWordTimes`,
    /// `VarInt speaker`, the word times when that bit is set (`WordTimeCoding`), the text.
    mutating func add(_ cue: Cue) {
        let start = Self.milliseconds(cue.start)
        // At most 10^15 ms, so the shifted duration fits a UInt64.
        let end = max(start, Self.milliseconds(cue.end))
        let words = WordTimeCoding.normalised(cue.wordTimes, textLength: cue.text.utf8.count,
                                              startMilliseconds: start, endMilliseconds: end)
        let timed: UInt64 = words.isEmpty ? 0 : 1
        reserveRecordBytes(30 + words.count * 20 + cue.text.utf8.count)
        records.appendVarInt(start)
        records.appendVarInt((end - start) << 1 | timed)
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
        if !words.isEmpty { WordTimeCoding.append(words, startMilliseconds: start, to: &records) }
        var text = cue.text
        text.withUTF8 { utf8 in
            records.append(UnsafeRawBufferPointer(utf8))
            frequencies.withUnsafeMutableBufferPointer { counts in
                for byte in utf8 { counts[Int(byte)] &+= 1 }
            }
        }
        offsets.append(UInt32(truncatingIfNeeded: records.count))
    }

    /// Grows the records by an eighth (at least 1 MB) when `needed` more bytes do not fit,
    /// instead of letting the array double. Why: the writer counts the records' capacity
    /// against the memory budget between batches, and a lane's store doubling (32 → 64 MB)
    /// made the builders jump 25 MB past the flush threshold at once at 20,000 episodes,
    /// and the flush that followed set the ingest's peak. The copies this costs add up to
    /// about eight times the store's bytes per segment (tens of ms).
    private mutating func reserveRecordBytes(_ needed: Int) {
        let capacity = records.bytes.capacity
        guard records.count + needed > capacity else { return }
        records.bytes.reserveCapacity(max(records.count + needed, capacity + max(1 << 20, capacity / 8)))
    }

    static func milliseconds(_ seconds: Double) -> UInt64 {
        guard seconds.isFinite, seconds > 0 else { return 0 }
        return UInt64(min(seconds * 1000, 1e15).rounded())
    }

    /// The four sections of the store file: block offsets, coded records, speakers,
    /// code lengths (see `CueStoreReader` for the record layout).
    func sections() -> [[UInt8]] {
        let code = HuffmanCode(frequencies: frequencies)
        var coded: [UInt8] = []
        // Reserved whole: a doubling array would hold up to three times the coded text while
        // it grows (the old copy and the new one).
        coded.reserveCapacity(codedRecordBytes(code))
        var table = ByteWriter(capacity: (offsets.count / CueStoreReader.blockSize + 2) * 4)
        var body: [UInt8] = []
        var previousEnd: Int64 = 0
        var fields = ByteWriter(capacity: 32)
        records.bytes.withUnsafeBytes { raw in
            for index in 0..<(offsets.count - 1) {
                if index % CueStoreReader.blockSize == 0 {
                    table.appendUInt32(UInt32(truncatingIfNeeded: coded.count))
                    previousEnd = 0
                }
                let record = UnsafeRawBufferPointer(rebasing: raw[Int(offsets[index])..<Int(offsets[index + 1])])
                var reader = ByteReader(record, file: "")
                let start = (try? reader.readVarInt()) ?? 0
                let durationField = (try? reader.readVarInt()) ?? 0
                let speaker = (try? reader.readVarInt()) ?? 0
                // The word times (written by `add`, so well formed) are copied as they are.
                let wordTimesStart = reader.offset
                if durationField & 1 == 1 {
                    var offset = wordTimesStart
                    let count = VarInt.read(record, at: &offset) ?? 0
                    for _ in 0..<(Int(min(count, UInt64(record.count))) * 2) { _ = VarInt.read(record, at: &offset) }
                    reader.offset = offset
                }
                let wordTimes = UnsafeRawBufferPointer(rebasing: record[wordTimesStart..<reader.offset])
                let text = UnsafeRawBufferPointer(rebasing: record[reader.offset...])
                body.removeAll(keepingCapacity: true)
                fields.bytes.removeAll(keepingCapacity: true)
                fields.appendVarInt(EpisodeCoding.zigzag(Int64(bitPattern: start) &- previousEnd))
                fields.appendVarInt(durationField)
                fields.appendVarInt(speaker)
                fields.appendVarInt(UInt64(text.count))
                body.append(contentsOf: fields.bytes)
                body.append(contentsOf: wordTimes)
                code.encode(text, into: &body)
                appendVarInt(UInt32(truncatingIfNeeded: body.count), to: &coded)
                coded.append(contentsOf: body)
                previousEnd = Int64(bitPattern: start &+ durationField >> 1)
            }
        }
        table.appendUInt32(UInt32(truncatingIfNeeded: coded.count))
        var speakers = ByteWriter()
        speakers.appendVarInt(speakerNames.count)
        for name in speakerNames { speakers.appendString(name) }
        return [table.bytes, coded, speakers.bytes, code.lengths]
    }
}
