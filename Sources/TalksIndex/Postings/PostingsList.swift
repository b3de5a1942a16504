/// One postings list being built in memory, already in its final on-disk encoding.
///
/// Call order (the serializer contract): for each document in increasing order,
/// `add(document:frequency:)` once, then `addPosition` exactly `frequency` times in
/// increasing order (lists without positions skip that). A skip entry is recorded every
/// 128 documents as they arrive, so writing the list is a copy. `append(_:shift:)`
/// concatenates a list built elsewhere (another core's builder) without decoding it: only
/// its first document is re-encoded, and its skip entries are shifted (FORMAT.md,
/// "Postings").
struct PostingsList {
    var docs: [UInt8] = []
    var positions: [UInt8] = []
    /// Quadruples: last document before the block, doc-data offset of the block, positions
    /// offset of the block, index of the block's first document.
    var skips: [UInt32] = []
    var last: Int = 0
    var count: Int = 0
    private var sinceSkip = 0
    private var lastPosition: UInt32 = 0

    static let blockSize = PostingsCursor.blockSize

    @inline(__always)
    mutating func add(document: Int, frequency: Int) {
        if sinceSkip >= Self.blockSize {
            recordSkip()
        }
        let delta = UInt32(truncatingIfNeeded: document - (count == 0 ? 0 : last))
        if frequency == 1 {
            appendVarInt(delta << 1 | 1, to: &docs)
        } else {
            appendVarInt(delta << 1, to: &docs)
            appendVarInt(UInt32(truncatingIfNeeded: frequency), to: &docs)
        }
        last = document
        count += 1
        sinceSkip += 1
        lastPosition = 0
    }

    private mutating func recordSkip() {
        skips.append(UInt32(truncatingIfNeeded: last))
        skips.append(UInt32(truncatingIfNeeded: docs.count))
        skips.append(UInt32(truncatingIfNeeded: positions.count))
        skips.append(UInt32(truncatingIfNeeded: count))
        sinceSkip = 0
    }

    /// Positions of the current document, increasing; stored as deltas.
    @inline(__always)
    mutating func addPosition(_ position: UInt32) {
        appendVarInt(position &- lastPosition, to: &positions)
        lastPosition = position
    }

    /// Appends `other`, whose documents all become `document + shift` and must follow this
    /// list's last document.
    mutating func append(_ other: PostingsList, shift: Int) {
        guard other.count > 0 else { return }
        // The first document of `other` is coded relative to 0; re-code it relative to
        // this list's last document. Everything after it is relative and copies as is.
        var offset = 0
        var code: UInt32 = 0
        var bitShift: UInt32 = 0
        while offset < other.docs.count {
            let byte = other.docs[offset]
            offset += 1
            code |= UInt32(byte & 0x7F) << bitShift
            if byte & 0x80 == 0 { break }
            bitShift += 7
        }
        let firstDocument = Int(code >> 1) + shift
        // A skip entry at the join only when the block there would exceed 128 documents.
        let leadingBlock = other.skips.count >= 4 ? Int(other.skips[3]) : other.count
        let joinedSkip = count > 0 && sinceSkip + leadingBlock > Self.blockSize
        if joinedSkip { recordSkip() }
        let carried = sinceSkip
        let docsBase = docs.count
        let positionsBase = positions.count
        let countBase = count
        let delta = UInt32(truncatingIfNeeded: firstDocument - (count == 0 ? 0 : last))
        appendVarInt(delta << 1 | (code & 1), to: &docs)
        let growth = docs.count - docsBase - offset
        docs.append(contentsOf: other.docs[offset...])
        positions.append(contentsOf: other.positions)
        var index = 0
        while index + 3 < other.skips.count {
            skips.append(other.skips[index] &+ UInt32(truncatingIfNeeded: shift))
            skips.append(UInt32(truncatingIfNeeded: Int(other.skips[index + 1]) + docsBase + growth))
            skips.append(other.skips[index + 2] &+ UInt32(truncatingIfNeeded: positionsBase))
            skips.append(other.skips[index + 3] &+ UInt32(truncatingIfNeeded: countBase))
            index += 4
        }
        count += other.count
        last = other.last + shift
        sinceSkip = other.skips.isEmpty ? (joinedSkip ? 0 : carried) + other.count : other.sinceSkip
        lastPosition = 0
    }

    var memoryBytes: Int { docs.capacity + positions.capacity + skips.capacity * 4 + 64 }

    /// Appends the list to the postings and positions sections; returns its info record.
    /// Layout: VarInt skip count, the skip entries (4 × u32 each), the document data.
    func write(postings: inout [UInt8], positionsOut: inout [UInt8]) -> StreamInfo {
        let postingsOffset = postings.count
        appendVarInt(UInt32(truncatingIfNeeded: skips.count / 4), to: &postings)
        for value in skips {
            postings.append(UInt8(truncatingIfNeeded: value))
            postings.append(UInt8(truncatingIfNeeded: value >> 8))
            postings.append(UInt8(truncatingIfNeeded: value >> 16))
            postings.append(UInt8(truncatingIfNeeded: value >> 24))
        }
        postings.append(contentsOf: docs)
        let positionsOffset = positionsOut.count
        positionsOut.append(contentsOf: positions)
        return StreamInfo(documentFrequency: count, postingsOffset: postingsOffset,
                          postingsLength: postings.count - postingsOffset,
                          positionsOffset: positionsOffset, positionsLength: positions.count)
    }
}
