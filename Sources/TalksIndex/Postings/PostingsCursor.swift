/// Walks one postings list: the documents containing a term in one field, in increasing
/// order, with the term's frequency and (on demand) its positions in each.
///
/// Call `next()` to move to the first and each following document, or `advance(to:)` to
/// skip ahead (it uses the skip table stored every 128 documents, so intersecting a rare
/// term with a common one does not decode the common list). Positions are decoded only
/// when asked for. Every byte read is bounds-checked: a damaged list ends early and sets
/// `isCorrupt` instead of reading outside the file.
///
/// Layout (FORMAT.md, "Postings"): VarInt skip count, skip entries (last document before
/// the block u32, doc-data offset u32, positions offset u32, index of the block's first
/// document u32), then per document VarInt(delta << 1 | (tf == 1 ? 1 : 0)) and, when the
/// low bit is 0, VarInt(tf).
public struct PostingsCursor {
    /// Keeps the mapped files alive while the cursor exists.
    private let owner: AnyObject?
    private let skips: UInt32Table
    private let docs: UnsafeRawBufferPointer
    private let positionData: UnsafeRawBufferPointer
    /// The number of documents in the list (the document frequency).
    public let count: Int
    /// Documents are below this (the segment's cue or episode count).
    private let documentLimit: Int

    private var consumed = 0
    private var offset = 0
    private var previous = 0
    /// Byte offset in `positionData` where positions of documents not yet skipped begin.
    private var positionOffset = 0
    /// Position VarInts to skip before the current document's positions.
    private var pendingPositions = 0

    /// The current document (cue or episode ordinal); -1 before the first `next()`,
    /// `Int.max` after the end.
    public private(set) var document: Int = -1
    /// The term's frequency in the current document.
    public private(set) var frequency: Int = 0
    /// True when the list turned out to be damaged (the cursor then acts exhausted).
    public private(set) var isCorrupt = false

    /// An empty cursor (the term does not occur in the field).
    public static var empty: PostingsCursor {
        PostingsCursor(owner: nil, skips: UInt32Table(UnsafeRawBufferPointer(start: nil, count: 0)),
                       docs: UnsafeRawBufferPointer(start: nil, count: 0),
                       positionData: UnsafeRawBufferPointer(start: nil, count: 0), count: 0, documentLimit: 0)
    }

    init(owner: AnyObject?, skips: UInt32Table, docs: UnsafeRawBufferPointer,
         positionData: UnsafeRawBufferPointer, count: Int, documentLimit: Int) {
        self.owner = owner
        self.skips = skips
        self.docs = docs
        self.positionData = positionData
        self.count = count
        self.documentLimit = documentLimit
    }

    static let blockSize = 128

    @inline(__always)
    private mutating func readVarInt() -> Int? {
        var result = 0
        var shift = 0
        while offset < docs.count {
            let byte = docs[offset]
            offset &+= 1
            result |= Int(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
            if shift > 35 { return nil }
        }
        return nil
    }

    mutating func markCorrupt() {
        isCorrupt = true
    }

    private mutating func fail() -> Bool {
        isCorrupt = true
        return finish()
    }

    private mutating func finish() -> Bool {
        consumed = count
        document = Int.max
        frequency = 0
        return false
    }

    /// Moves to the next document; false at the end of the list.
    @inline(__always)
    public mutating func next() -> Bool {
        guard consumed < count else { return finish() }
        if !positionsRead { pendingPositions &+= frequency }
        positionsRead = false
        guard let code = readVarInt() else { return fail() }
        let delta = code >> 1
        let tf: Int
        if code & 1 == 1 {
            tf = 1
        } else {
            guard let value = readVarInt(), value >= 2 else { return fail() }
            tf = value
        }
        let doc = previous &+ delta
        guard doc < documentLimit, delta > 0 || consumed == 0 else { return fail() }
        previous = doc
        document = doc
        frequency = tf
        consumed &+= 1
        return true
    }

    /// Moves to the first document ≥ `target` (staying put if already there); false when
    /// the list has none.
    public mutating func advance(to target: Int) -> Bool {
        if consumed > 0 && document >= target { return document != Int.max }
        // The last skip entry whose previous document is below the target.
        var low = 0
        var high = skips.count / 4
        var best = -1
        while low < high {
            let middle = (low + high) / 2
            if Int(skips.unchecked(middle * 4)) < target {
                best = middle
                low = middle + 1
            } else {
                high = middle
            }
        }
        if best >= 0, Int(skips.unchecked(best * 4 + 3)) > consumed {
            let lastDoc = Int(skips.unchecked(best * 4))
            let docOffset = Int(skips.unchecked(best * 4 + 1))
            let positionsAt = Int(skips.unchecked(best * 4 + 2))
            let index = Int(skips.unchecked(best * 4 + 3))
            guard docOffset <= docs.count, positionsAt <= positionData.count, index < count,
                  lastDoc >= previous else { return fail() }
            offset = docOffset
            previous = lastDoc
            positionOffset = positionsAt
            pendingPositions = 0
            frequency = 0
            positionsRead = true
            consumed = index
        }
        while next() {
            if document >= target { return true }
        }
        return false
    }

    /// The positions of the term in the current document (token positions within the cue
    /// for the transcript, within the field for the others). Empty for lists without
    /// positions (`episodePostings`).
    public mutating func positions() -> [UInt32] {
        var result: [UInt32] = []
        positions(into: &result)
        return result
    }

    /// Like `positions()`, reusing `buffer` (cleared first) to avoid allocation.
    public mutating func positions(into buffer: inout [UInt32]) {
        buffer.removeAll(keepingCapacity: true)
        guard positionData.count > 0, consumed > 0, document != Int.max else { return }
        if positionsRead {
            positionOffset = currentPositionsStart
        } else {
            while pendingPositions > 0 {
                guard positionOffset < positionData.count else { isCorrupt = true; return }
                if positionData[positionOffset] & 0x80 == 0 { pendingPositions -= 1 }
                positionOffset += 1
            }
            currentPositionsStart = positionOffset
            positionsRead = true
        }
        var position: UInt32 = 0
        for _ in 0..<frequency {
            var value: UInt32 = 0
            var shift: UInt32 = 0
            while true {
                guard positionOffset < positionData.count, shift < 35 else { isCorrupt = true; return }
                let byte = positionData[positionOffset]
                positionOffset += 1
                value |= UInt32(byte & 0x7F) << shift
                if byte & 0x80 == 0 { break }
                shift += 7
            }
            position &+= value
            buffer.append(position)
        }
    }

    /// Whether the current document's positions were decoded (so `positionOffset` is past them).
    private var positionsRead = false
    private var currentPositionsStart = 0
}
