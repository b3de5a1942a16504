/// Reads the `.lengths` file: the number of tokens of every field of every document,
/// which BM25 needs (FORMAT.md, "Lengths").
///
/// Sections: 0 episode-field lengths (u32 × episodes × 6, field-major: title, description,
/// speakers, tags, series, chapters), 1 whole-transcript length per episode (u32 × episodes),
/// 2 cue lengths (u16 × cues, saturating at 65535), 3 one u64 total per stream (8), indexed
/// by `Stream.rawValue` (the per-episode transcript's is the total of section 1).
struct FieldLengthsReader {
    /// Section 0 holds one u32 length per episode for each of these fields.
    static let episodeFieldCount = Field.episodeFields.count
    /// Section 3 holds one u64 total per stream (the per-episode transcript's is the sum of
    /// section 1).
    static let totalCount = Stream.count

    let episodeFields: UInt32Table
    let episodeTranscript: UInt32Table
    let cues: UnsafeRawBufferPointer
    let totals: [UInt64]
    let episodeCount: Int
    let cueCount: Int

    init(_ sections: [UnsafeRawBufferPointer], file: String, episodeCount: Int, cueCount: Int) throws(IndexError) {
        guard sections.count == SegmentLayout.sectionCount(.lengths) else {
            throw .corrupt(file: file, detail: "expected \(SegmentLayout.sectionCount(.lengths)) sections, found \(sections.count)")
        }
        guard sections[0].count == episodeCount * Self.episodeFieldCount * 4, sections[1].count == episodeCount * 4,
              sections[2].count == cueCount * 2, sections[3].count == Self.totalCount * 8 else {
            throw .corrupt(file: file, detail: "section sizes do not match \(episodeCount) episodes and \(cueCount) cues")
        }
        episodeFields = UInt32Table(sections[0])
        episodeTranscript = UInt32Table(sections[1])
        cues = sections[2]
        var reader = ByteReader(sections[3], file: file)
        var totals: [UInt64] = []
        for _ in 0..<Self.totalCount { totals.append(try reader.readUInt64()) }
        self.totals = totals
        self.episodeCount = episodeCount
        self.cueCount = cueCount
    }

    func length(_ field: Field, document: Int) -> Int {
        if field == .transcript {
            guard document >= 0, document < cueCount, let base = cues.baseAddress else { return 0 }
            return Int(base.loadUnaligned(fromByteOffset: document * 2, as: UInt16.self).littleEndian)
        }
        guard document >= 0, document < episodeCount else { return 0 }
        return Int(episodeFields.unchecked(field.episodeFieldSlot * episodeCount + document))
    }

    func episodeTranscriptLength(_ episode: Int) -> Int {
        guard episode >= 0, episode < episodeCount else { return 0 }
        return Int(episodeTranscript.unchecked(episode))
    }
}
