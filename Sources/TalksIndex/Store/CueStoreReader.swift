import TalksModel

/// Reads the `.store` file: every cue's times, speaker and plain text (FORMAT.md, "Store").
///
/// Sections: 0 record offsets (u32 × (cues+1)), 1 records, 2 speaker names, 3 Huffman
/// code lengths (256 bytes). A record is VarInt start (ms), VarInt duration (ms), VarInt
/// speaker (0 = none, k = name k−1), VarInt text length in bytes, then the Huffman-coded
/// UTF-8 text to the end of the record.
struct CueStoreReader {
    let file: String
    let offsets: UInt32Table
    let records: UnsafeRawBufferPointer
    let speakers: [String]
    let decoder: HuffmanDecoder

    init(_ sections: [UnsafeRawBufferPointer], file: String, cueCount: Int) throws(IndexError) {
        guard sections.count == 4 else { throw .corrupt(file: file, detail: "expected 4 sections") }
        self.file = file
        offsets = UInt32Table(sections[0])
        records = sections[1]
        guard offsets.count == cueCount + 1, sections[0].count % 4 == 0,
              Int(offsets.unchecked(cueCount)) == records.count else {
            throw .corrupt(file: file, detail: "its cue offset table does not match the \(cueCount) cues the episodes file lists")
        }
        var reader = ByteReader(sections[2], file: file)
        let count = try reader.readVarInt(atMost: sections[2].count, "speaker count")
        var speakers: [String] = []
        speakers.reserveCapacity(count)
        for _ in 0..<count { speakers.append(try reader.readString()) }
        self.speakers = speakers
        let lengths = Array(sections[3])
        guard HuffmanCode.isValid(lengths) else {
            throw .corrupt(file: file, detail: "the text code lengths do not form a prefix code of at most \(HuffmanCode.maximumLength) bits")
        }
        decoder = HuffmanDecoder(code: HuffmanCode(lengths: lengths))
    }

    func record(_ ordinal: Int) throws(IndexError) -> UnsafeRawBufferPointer {
        guard ordinal >= 0, ordinal + 1 < offsets.count else {
            throw .outOfRange("cue ordinal \(ordinal) is outside 0..<\(offsets.count - 1) in \(file)")
        }
        let start = Int(offsets.unchecked(ordinal))
        let end = Int(offsets.unchecked(ordinal + 1))
        guard start <= end, end <= records.count else {
            throw .corrupt(file: file, detail: "cue \(ordinal) has record bounds \(start)..<\(end) outside the \(records.count)-byte record section")
        }
        return UnsafeRawBufferPointer(rebasing: records[start..<end])
    }

    func cue(_ ordinal: Int) throws(IndexError) -> Cue {
        var reader = ByteReader(try record(ordinal), file: file)
        let start = try reader.readVarInt()
        let duration = try reader.readVarInt()
        let speakerNumber = try reader.readVarInt(atMost: speakers.count, "speaker number of cue \(ordinal)")
        let text = String(decoding: try decodeText(&reader, ordinal), as: UTF8.self)
        let speaker = speakerNumber == 0 ? nil : speakers[speakerNumber - 1]
        return Cue(start: Double(start) / 1000, end: Double(start &+ duration) / 1000, speaker: speaker, text: text)
    }

    /// The UTF-8 bytes of a cue's text.
    func text(_ ordinal: Int) throws(IndexError) -> [UInt8] {
        var reader = ByteReader(try record(ordinal), file: file)
        _ = try reader.readVarInt()
        _ = try reader.readVarInt()
        _ = try reader.readVarInt()
        return try decodeText(&reader, ordinal)
    }

    private func decodeText(_ reader: inout ByteReader, _ ordinal: Int) throws(IndexError) -> [UInt8] {
        // A code is at least one bit, so the text is at most 8 × the coded bytes.
        let length = try reader.readVarInt(atMost: reader.remaining * 8, "text length of cue \(ordinal)")
        guard let text = decoder.decode(try reader.readBytes(reader.remaining), count: length) else {
            throw .corrupt(file: file, detail: "the text of cue \(ordinal) does not decode")
        }
        return text
    }
}
