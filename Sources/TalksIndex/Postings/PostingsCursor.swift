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
        // Fast path: a one-byte VarInt (most deltas and frequencies), one bounds check.
        if offset < docs.count {
            let byte = docs[offset]
            if byte & 0x80 == 0 {
                offset &+= 1
                return Int(byte)
            }
        }
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
        let skipCount = skips.count / 4
        // Skip entries at or before the current document are behind us for good.
        while nextSkip < skipCount && Int(skips.unchecked(nextSkip * 4 + 3)) <= consumed { nextSkip += 1 }
        if nextSkip < skipCount && Int(skips.unchecked(nextSkip * 4)) < target {
            // The target lies beyond the current block: gallop over the skip entries, then
            // binary-search the last one whose previous document is below the target.
            var low = nextSkip
            var step = 1
            var high = nextSkip + 1
            while high < skipCount && Int(skips.unchecked(high * 4)) < target {
                low = high
                step <<= 1
                high = min(skipCount, high + step)
            }
            while high - low > 1 {
                let middle = (low + high) >> 1
                if Int(skips.unchecked(middle * 4)) < target { low = middle } else { high = middle }
            }
            let lastDoc = Int(skips.unchecked(low * 4))
            let docOffset = Int(skips.unchecked(low * 4 + 1))
            let positionsAt = Int(skips.unchecked(low * 4 + 2))
            let index = Int(skips.unchecked(low * 4 + 3))
            guard docOffset <= docs.count, positionsAt <= positionData.count, index < count,
                  lastDoc >= previous else { return fail() }
            offset = docOffset
            previous = lastDoc
            positionOffset = positionsAt
            pendingPositions = 0
            frequency = 0
            positionsRead = true
            consumed = index
            nextSkip = low + 1
        }
        return scan(to: target)
    }

    /// Decodes forward to the first document ≥ `target` with the cursor's state in locals
    /// (one store of each field at the end, not per document), adding skipped documents'
    /// frequencies to the positions still to skip.
    @inline(__always)
    private mutating func scan(to target: Int) -> Bool {
        var pending = pendingPositions
        if !positionsRead { pending &+= frequency }
        var position = offset
        var previousDocument = previous
        var used = consumed
        let end = docs.count
        while used < count {
            guard position < end else { return fail() }
            var code = Int(docs[position])
            position &+= 1
            if code & 0x80 != 0 {
                offset = position - 1
                guard let long = readVarInt() else { return fail() }
                code = long
                position = offset
            }
            var tf = 1
            if code & 1 == 0 {
                guard position < end else { return fail() }
                let byte = docs[position]
                if byte & 0x80 == 0 {
                    position &+= 1
                    tf = Int(byte)
                } else {
                    offset = position
                    guard let long = readVarInt() else { return fail() }
                    tf = long
                    position = offset
                }
                guard tf >= 2 else { return fail() }
            }
            let delta = code >> 1
            // Only a list's first document may repeat its base (delta 0). Documents only
            // grow, so checking the limit on the one returned (or the last) covers all.
            if delta == 0 && used != 0 { return fail() }
            let doc = previousDocument &+ delta
            previousDocument = doc
            used &+= 1
            if doc >= target {
                guard doc < documentLimit else { return fail() }
                offset = position
                previous = doc
                document = doc
                frequency = tf
                consumed = used
                pendingPositions = pending
                positionsRead = false
                return true
            }
            pending &+= tf
        }
        guard previousDocument < documentLimit || used == 0 else { return fail() }
        offset = position
        previous = previousDocument
        consumed = used
        pendingPositions = pending
        positionsRead = true
        frequency = 0
        return finish()
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
            skipPendingPositions()
            guard pendingPositions == 0 else { isCorrupt = true; return }
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

    /// Decodes the current document's positions into `buffer` when it has room for
    /// `frequency` of them (no array appends: the phrase matcher's hot loop). Returns how
    /// many were written, or nil when `capacity` is below `frequency` (nothing is consumed;
    /// grow the buffer and call again). Lists without positions give 0.
    public mutating func positions(into buffer: UnsafeMutablePointer<UInt32>, capacity: Int) -> Int? {
        guard positionData.count > 0, consumed > 0, document != Int.max else { return 0 }
        guard frequency <= capacity else { return nil }
        if positionsRead {
            positionOffset = currentPositionsStart
        } else {
            skipPendingPositions()
            guard pendingPositions == 0 else { isCorrupt = true; return 0 }
            currentPositionsStart = positionOffset
            positionsRead = true
        }
        let end = positionData.count
        var position: UInt32 = 0
        for written in 0..<frequency {
            var value: UInt32 = 0
            var shift: UInt32 = 0
            while true {
                guard positionOffset < end, shift < 35 else {
                    isCorrupt = true
                    return written
                }
                let byte = positionData[positionOffset]
                positionOffset &+= 1
                value |= UInt32(byte & 0x7F) << shift
                if byte & 0x80 == 0 { break }
                shift &+= 7
            }
            position &+= value
            buffer[written] = position
        }
        return frequency
    }

    /// Moves `positionOffset` past `pendingPositions` VarInts (leaving `pendingPositions`
    /// above 0 only when the data ends first). Counts VarInt terminators (bytes below 0x80)
    /// eight bytes at a time while more than a word's worth remain to skip, then byte by byte.
    @inline(__always)
    private mutating func skipPendingPositions() {
        let count = positionData.count
        if let base = positionData.baseAddress {
            while pendingPositions >= 8 && count - positionOffset >= 8 {
                let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: positionOffset, as: UInt64.self))
                let terminators = (~word & 0x8080_8080_8080_8080).nonzeroBitCount
                // Strictly fewer: the word then ends inside the positions being skipped.
                guard terminators < pendingPositions else { break }
                pendingPositions -= terminators
                positionOffset += 8
            }
        }
        while pendingPositions > 0 && positionOffset < count {
            if positionData[positionOffset] & 0x80 == 0 { pendingPositions -= 1 }
            positionOffset += 1
        }
    }

    /// The first skip entry not yet behind the cursor (advanced lazily by `advance(to:)`).
    private var nextSkip = 0

    /// Whether the current document's positions were decoded (so `positionOffset` is past them).
    private var positionsRead = false
    private var currentPositionsStart = 0
}
