import TalksModel

/// Reads the `.store` file: every cue's times, speaker and plain text (FORMAT.md, "Store").
///
/// Sections: 0 block offsets (u32 × (⌈cues/32⌉+1)), 1 records, 2 speaker names, 3 Huffman
/// code lengths (256 bytes). Records come in blocks of 32 cues; a record is VarInt length
/// (of the rest of the record), VarInt start (zigzag milliseconds after the previous cue's
/// end in the block; from 0 for a block's first cue), VarInt duration (ms) << 1 |
/// hasWordTimes, VarInt speaker (0 = none, k = name k−1), VarInt text length in bytes, the
/// word times when the bit is set (`WordTimeCoding`), then the Huffman-coded text.
/// Reading cue k walks at most 31 record headers from its block's start.
struct CueStoreReader {
    static let blockSize = 32

    let file: String
    let blockOffsets: UInt32Table
    let records: UnsafeRawBufferPointer
    let speakers: [String]
    let decoder: HuffmanDecoder
    let cueCount: Int

    init(_ sections: [UnsafeRawBufferPointer], file: String, cueCount: Int) throws(IndexError) {
        guard sections.count == SegmentLayout.sectionCount(.store) else {
            throw .corrupt(file: file, detail: "expected \(SegmentLayout.sectionCount(.store)) sections, found \(sections.count)")
        }
        self.file = file
        self.cueCount = cueCount
        blockOffsets = UInt32Table(sections[0])
        records = sections[1]
        let blocks = (cueCount + Self.blockSize - 1) / Self.blockSize
        guard blockOffsets.count == blocks + 1, sections[0].count % 4 == 0,
              Int(blockOffsets.unchecked(blocks)) == records.count else {
            throw .corrupt(file: file, detail: "its block table does not match the \(cueCount) cues the episodes file lists")
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

    /// A cue's header fields and its coded text.
    struct Record {
        var start: UInt64
        var duration: UInt64
        var speaker: Int
        var textLength: Int
        /// When the words are said; empty for a cue without word times.
        var wordTimes: [WordTime]
        var codedText: UnsafeRawBufferPointer
    }

    /// The VarInt at `offset` below `end` (`VarInt.read` on the mapping: no `ByteReader`,
    /// whose file name would be retained and released per record); nil when damaged.
    @inline(__always)
    private func varInt(_ offset: inout Int, _ end: Int) -> UInt64? {
        VarInt.read(records, at: &offset, end: end)
    }

    func record(_ ordinal: Int) throws(IndexError) -> Record {
        guard ordinal >= 0, ordinal < cueCount else {
            throw .outOfRange("cue ordinal \(ordinal) is outside 0..<\(cueCount) in \(file)")
        }
        let block = ordinal / Self.blockSize
        let start = Int(blockOffsets.unchecked(block))
        let end = Int(blockOffsets.unchecked(block + 1))
        guard start <= end, end <= records.count else {
            throw .corrupt(file: file, detail: "block \(block) has bounds \(start)..<\(end) outside the \(records.count)-byte record section")
        }
        var offset = start
        var previousEnd: UInt64 = 0
        var index = block * Self.blockSize
        while true {
            guard let length = varInt(&offset, end), length <= UInt64(end - offset) else {
                throw .corrupt(file: file, detail: "the record of cue \(index) runs past the end of its block")
            }
            let recordEnd = offset + Int(length)
            guard let startCode = varInt(&offset, recordEnd), let durationField = varInt(&offset, recordEnd) else {
                throw .corrupt(file: file, detail: "the times of cue \(index) run past the end of its record")
            }
            let duration = durationField >> 1
            let cueStart = UInt64(max(0, Int64(bitPattern: previousEnd) &+ EpisodeCoding.unzigzag(startCode)))
            previousEnd = cueStart &+ duration
            if index == ordinal {
                guard let speaker = varInt(&offset, recordEnd), speaker <= UInt64(speakers.count) else {
                    throw .corrupt(file: file, detail: "the speaker number of cue \(ordinal) is missing or beyond the \(speakers.count) names")
                }
                // A code is at least one bit, so the text is at most 8 × the coded bytes.
                guard let textLength = varInt(&offset, recordEnd), textLength <= UInt64((recordEnd - offset) * 8) else {
                    throw .corrupt(file: file, detail: "the text length of cue \(ordinal) is missing or longer than its coded bytes allow")
                }
                var wordTimes: [WordTime] = []
                if durationField & 1 == 1 {
                    switch WordTimeCoding.decode(records, at: &offset, end: recordEnd, textLength: Int(textLength),
                                                 startMilliseconds: cueStart, durationMilliseconds: duration) {
                    case .success(let words): wordTimes = words
                    case .failure(let damage):
                        throw .corrupt(file: file, detail: "the word times of cue \(ordinal) do not decode (\(damage))")
                    }
                }
                return Record(start: cueStart, duration: duration, speaker: Int(speaker), textLength: Int(textLength),
                              wordTimes: wordTimes, codedText: UnsafeRawBufferPointer(rebasing: records[offset..<recordEnd]))
            }
            offset = recordEnd
            index += 1
        }
    }

    func cue(_ ordinal: Int) throws(IndexError) -> Cue {
        let record = try record(ordinal)
        let text = String(decoding: try decode(record, ordinal), as: UTF8.self)
        let speaker = record.speaker == 0 ? nil : speakers[record.speaker - 1]
        return Cue(start: Double(record.start) / 1000, end: Double(record.start &+ record.duration) / 1000,
                   speaker: speaker, text: text, wordTimes: record.wordTimes)
    }

    /// The UTF-8 bytes of a cue's text.
    func text(_ ordinal: Int) throws(IndexError) -> [UInt8] {
        try decode(try record(ordinal), ordinal)
    }

    private func decode(_ record: Record, _ ordinal: Int) throws(IndexError) -> [UInt8] {
        guard let text = decoder.decode(record.codedText, count: record.textLength) else {
            throw .corrupt(file: file, detail: "the text of cue \(ordinal) does not decode")
        }
        return text
    }
}
