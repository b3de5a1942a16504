#if canImport(Glibc)
import Glibc
#endif

/// Where one term's postings list for one stream lies.
struct StreamInfo: Equatable {
    var documentFrequency: Int
    var postingsOffset: Int
    var postingsLength: Int
    var positionsOffset: Int
    var positionsLength: Int
}

/// Reads the `.terms` file: a sorted string table of terms with, per term, where its
/// postings lie in each stream (FORMAT.md, "Terms").
///
/// Sections: 0 term offsets (u32 × (n+1)), 1 term bytes, 2 info offsets (u32 × (n+1)),
/// 3 info records. Terms are sorted by their UTF-8 bytes, so exact lookup and prefix
/// ranges are binary searches on the mapping, and ordinal → term is two table reads.
struct TermDictionaryReader {
    let file: String
    let offsets: UInt32Table
    let bytes: UnsafeRawBufferPointer
    let infoOffsets: UInt32Table
    let info: UnsafeRawBufferPointer
    let count: Int
    /// No count or offset in a segment comes near 2^48; anything larger is damage.
    static let limit = 1 << 48

    init(_ sections: [UnsafeRawBufferPointer], file: String) throws(IndexError) {
        guard sections.count == SegmentLayout.sectionCount(.terms) else {
            throw .corrupt(file: file, detail: "expected \(SegmentLayout.sectionCount(.terms)) sections, found \(sections.count)")
        }
        self.file = file
        offsets = UInt32Table(sections[0])
        bytes = sections[1]
        infoOffsets = UInt32Table(sections[2])
        info = sections[3]
        guard offsets.count >= 1, sections[0].count % 4 == 0 else {
            throw .corrupt(file: file, detail: "the term offset table is \(sections[0].count) bytes, not a whole number of u32 entries")
        }
        count = offsets.count - 1
        guard infoOffsets.count == offsets.count else {
            throw .corrupt(file: file, detail: "\(count) terms but \(infoOffsets.count - 1) term info records")
        }
        guard Int(offsets.unchecked(count)) == bytes.count, Int(infoOffsets.unchecked(count)) == info.count else {
            throw .corrupt(file: file, detail: "the last term offset does not match the size of the term data")
        }
    }

    /// The UTF-8 bytes of term `ordinal`, or an empty buffer when out of range or damaged.
    @inline(__always)
    func termBytes(_ ordinal: Int) -> UnsafeRawBufferPointer {
        guard ordinal >= 0, ordinal < count else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        let start = Int(offsets.unchecked(ordinal))
        let end = Int(offsets.unchecked(ordinal + 1))
        guard start <= end, end <= bytes.count else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(rebasing: bytes[start..<end])
    }

    /// Byte-wise comparison of term `ordinal` with `key`: <0, 0, >0.
    @inline(__always)
    func compare(_ ordinal: Int, _ key: UnsafeRawBufferPointer) -> Int {
        let term = termBytes(ordinal)
        let shared = min(term.count, key.count)
        if shared > 0, let left = term.baseAddress, let right = key.baseAddress {
            let result = memcmp(left, right, shared)
            if result != 0 { return Int(result) }
        }
        return term.count - key.count
    }

    /// The first ordinal whose term is ≥ `key`.
    func lowerBound(_ key: UnsafeRawBufferPointer) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) >> 1
            if compare(middle, key) < 0 { low = middle + 1 } else { high = middle }
        }
        return low
    }

    func find(_ key: UnsafeRawBufferPointer) -> Int? {
        let ordinal = lowerBound(key)
        return ordinal < count && compare(ordinal, key) == 0 ? ordinal : nil
    }

    /// The ordinals of terms starting with `prefix` (a contiguous range in sorted order).
    func prefixRange(_ prefix: UnsafeRawBufferPointer) -> Range<Int> {
        let start = lowerBound(prefix)
        var low = start
        var high = count
        while low < high {
            let middle = (low + high) >> 1
            if hasPrefix(middle, prefix) { low = middle + 1 } else { high = middle }
        }
        return start..<low
    }

    private func hasPrefix(_ ordinal: Int, _ prefix: UnsafeRawBufferPointer) -> Bool {
        let term = termBytes(ordinal)
        guard term.count >= prefix.count else { return false }
        if prefix.count == 0 { return true }
        guard let left = term.baseAddress, let right = prefix.baseAddress else { return false }
        return memcmp(left, right, prefix.count) == 0
    }

    /// The info record of `ordinal` for `stream`, or nil when the term does not occur in
    /// that stream (or the record is damaged).
    func streamInfo(_ ordinal: Int, _ stream: Stream) -> StreamInfo? {
        if case .present(let info) = entry(ordinal, stream) { return info }
        return nil
    }

    /// What the dictionary holds for one term and stream.
    enum Entry {
        /// The term does not occur in the stream (or the ordinal is out of range).
        case absent
        case present(StreamInfo)
        /// The term's record says it occurs, but the record does not decode.
        case damaged
    }

    /// The info record of `ordinal` for `stream`. Decoded with raw loads: this runs for
    /// every variant, field and document-frequency look-up of a query.
    func entry(_ ordinal: Int, _ stream: Stream) -> Entry {
        guard ordinal >= 0, ordinal < count else { return .absent }
        let start = Int(infoOffsets.unchecked(ordinal))
        let end = Int(infoOffsets.unchecked(ordinal + 1))
        guard start < end, end <= info.count else { return .damaged }
        let mask = Int(info[start])
        guard mask & (1 << stream.rawValue) != 0 else { return .absent }
        var offset = start + 1
        var fields = (0, 0, 0, 0, 0)
        for candidate in 0...stream.rawValue where mask & (1 << candidate) != 0 {
            let positions = candidate != Stream.episodeTranscript.rawValue
            guard let frequency = varInt(&offset, end), let postingsOffset = varInt(&offset, end),
                  let postingsLength = varInt(&offset, end) else { return .damaged }
            fields = (frequency, postingsOffset, postingsLength, 0, 0)
            if positions {
                guard let positionsOffset = varInt(&offset, end), let positionsLength = varInt(&offset, end) else { return .damaged }
                fields.3 = positionsOffset
                fields.4 = positionsLength
            }
        }
        return .present(StreamInfo(documentFrequency: fields.0, postingsOffset: fields.1, postingsLength: fields.2,
                                   positionsOffset: fields.3, positionsLength: fields.4))
    }

    /// A VarInt of the info section at `offset` (below `end`), at most `limit`; nil when it
    /// does not decode or exceeds the limit.
    @inline(__always)
    private func varInt(_ offset: inout Int, _ end: Int) -> Int? {
        guard let value = VarInt.read(info, at: &offset, end: end), value <= UInt64(Self.limit) else { return nil }
        return Int(value)
    }
}
