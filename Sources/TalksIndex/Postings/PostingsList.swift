/// One postings list being built in memory, already in its final on-disk encoding.
///
/// Call order (the serializer contract): for each document in increasing order,
/// `add(document:frequency:)` once, then `addPosition` exactly `frequency` times in
/// increasing order (lists without positions skip that). A skip entry is recorded every
/// 128 documents as they arrive, so writing the list is a copy (FORMAT.md, "Postings").
struct PostingsList {
    var docs: [UInt8] = []
    var positions: [UInt8] = []
    /// Triples: last document of the previous block, doc-data offset, positions offset.
    var skips: [UInt32] = []
    var last: Int = 0
    var count: Int = 0
    private var lastPosition: UInt32 = 0

    static let blockSize = PostingsCursor.blockSize

    @inline(__always)
    mutating func add(document: Int, frequency: Int) {
        if count > 0 && count % Self.blockSize == 0 {
            skips.append(UInt32(truncatingIfNeeded: last))
            skips.append(UInt32(truncatingIfNeeded: docs.count))
            skips.append(UInt32(truncatingIfNeeded: positions.count))
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
        lastPosition = 0
    }

    /// Positions of the current document, increasing; stored as deltas.
    @inline(__always)
    mutating func addPosition(_ position: UInt32) {
        appendVarInt(position &- lastPosition, to: &positions)
        lastPosition = position
    }

    var memoryBytes: Int { docs.capacity + positions.capacity + skips.capacity * 4 + 64 }

    /// Appends the list to the postings and positions sections; returns its info record.
    func write(postings: inout [UInt8], positionsOut: inout [UInt8]) -> StreamInfo {
        let postingsOffset = postings.count
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
