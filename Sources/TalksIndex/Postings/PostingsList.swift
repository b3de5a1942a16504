/// One postings list with positions being built in memory: the metadata fields' lists
/// (title, description, speakers, tags, series), built when the segment is written.
/// Transcript lists are kept as chains (`PostingsArena`) instead. The documents are encoded
/// by the same `PostingsEncoder` as the transcript lists; this adds the positions beside them.
///
/// Call order (the serializer contract): for each document in increasing order,
/// `add(document:frequency:)` once, then `addPosition` exactly `frequency` times in
/// increasing order (lists without positions skip that).
struct PostingsList {
    private var encoder = PostingsEncoder()
    private var positions: [UInt8] = []
    private var lastPosition: UInt32 = 0

    init() {
        encoder.begin(positionsStart: 0)
    }

    @inline(__always)
    mutating func add(document: Int, frequency: Int) {
        encoder.add(document: document, frequency: frequency, positionsOffset: positions.count)
        lastPosition = 0
    }

    /// Positions of the current document, increasing; stored as deltas.
    @inline(__always)
    mutating func addPosition(_ position: UInt32) {
        appendVarInt(position &- lastPosition, to: &positions)
        lastPosition = position
    }

    /// Appends the list to the postings and positions sections; returns its info record.
    func write(postings: inout [UInt8], positionsOut: inout [UInt8]) -> StreamInfo {
        var info = encoder.finish(into: &postings, positionsEnd: positions.count)
        info.positionsOffset = positionsOut.count
        positionsOut.append(contentsOf: positions)
        return info
    }
}
