/// Walks one postings list: the documents containing a term in one field, in increasing
/// order, with the term's frequency and (on demand) its positions in each.
///
/// Call `next()` to move to the first and each following document, or `advance(to:)` to
/// skip ahead (it uses the skip table stored every 128 documents, every 32 in long lists, so intersecting a rare
/// term with a common one does not decode the common list). Positions are decoded only
/// when asked for. Every byte read is bounds-checked (`VarInt.read`): a damaged list ends
/// early and records what was damaged (`isCorrupt`, `damageError`) instead of reading
/// outside the file. Whoever walks a cursor must check `damageError` (or call
/// `checkIntact()`) when it stops, or a damaged list silently looks shorter than it is.
///
/// Layout (FORMAT.md, "Postings"): VarInt skip count, skip entries (last document before
/// the block u32, doc-data offset u32, positions offset u32, index of the block's first
/// document u32), then per document VarInt(delta << 1 | (tf == 1 ? 1 : 0)) and, when the
/// low bit is 0, VarInt(tf).
public struct PostingsCursor {
    /// What a cursor found damaged; it names the file to blame.
    @usableFromInline
    enum Damage: UInt8 {
        /// The term's dictionary record points outside the postings or positions section.
        case record
        /// The skip table does not fit the list, or an entry points outside it (`.postings`).
        case skipTable
        /// The document data does not decode (`.postings`).
        case documents
        /// The positions of a document do not decode (`.positions`).
        case positions
    }

    /// The segment whose mapped files this cursor reads (kept alive while the cursor
    /// exists); nil for `.empty`.
    @usableFromInline let segment: SegmentReader?
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

    /// The first skip entry not yet behind the cursor (advanced lazily by `advance(to:)`).
    private var nextSkip = 0
    private var currentPositionsStart = 0

    // Small fields last, so they share one word (cursors are copied by value).
    /// The term (its ordinal) and stream, to name them when the list turns out damaged.
    @usableFromInline let term: UInt32
    /// Where the damage was found (see `record`).
    @usableFromInline private(set) var damageAt: UInt32 = 0
    @usableFromInline let stream: Stream
    /// What turned out to be damaged, nil while the list reads fine.
    @usableFromInline private(set) var damage: Damage?
    /// Whether the current document's positions were decoded (so `positionOffset` is past them).
    private var positionsRead = false

    /// True when the list turned out to be damaged (the cursor then acts exhausted).
    @inlinable
    public var isCorrupt: Bool { damage != nil }

    /// An empty cursor (the term does not occur in the field).
    public static var empty: PostingsCursor {
        PostingsCursor(segment: nil, term: -1, stream: .title, skips: UInt32Table(UnsafeRawBufferPointer(start: nil, count: 0)),
                       docs: UnsafeRawBufferPointer(start: nil, count: 0),
                       positionData: UnsafeRawBufferPointer(start: nil, count: 0), count: 0, documentLimit: 0)
    }

    /// An exhausted cursor for a list found damaged before its first document.
    static func damaged(_ damage: Damage, segment: SegmentReader, term: Int, stream: Stream) -> PostingsCursor {
        var cursor = PostingsCursor(segment: segment, term: term, stream: stream, skips: UInt32Table(UnsafeRawBufferPointer(start: nil, count: 0)),
                                    docs: UnsafeRawBufferPointer(start: nil, count: 0),
                                    positionData: UnsafeRawBufferPointer(start: nil, count: 0), count: 0, documentLimit: 0)
        cursor.damage = damage
        return cursor
    }

    init(segment: SegmentReader?, term: Int, stream: Stream, skips: UInt32Table, docs: UnsafeRawBufferPointer,
         positionData: UnsafeRawBufferPointer, count: Int, documentLimit: Int) {
        self.segment = segment
        self.term = UInt32(truncatingIfNeeded: max(0, term))
        self.stream = stream
        self.skips = skips
        self.docs = docs
        self.positionData = positionData
        self.count = count
        self.documentLimit = documentLimit
    }

    /// The largest frequency a document can have: one position takes at least a byte, so
    /// no more than the list's position bytes; `UInt32.max` for lists without positions.
    @inline(__always)
    private var frequencyLimit: UInt64 {
        positionData.isEmpty ? UInt64(UInt32.max) : UInt64(positionData.count)
    }

    /// The damage found, as the error to report: `IndexError.corrupt` naming the segment
    /// file, the term and the stream. nil while the list reads fine.
    public var damageError: IndexError? {
        guard let damage else { return nil }
        return Self.error(damage, segment: segment, term: term, stream: stream, at: damageAt, documents: count)
    }

    /// Throws `damageError` when the list turned out to be damaged: call it when a walk
    /// stops, so that damage found mid-query fails the query instead of dropping results.
    /// Inlinable, reading single fields: an intact cursor costs one comparison, not a call
    /// and a copy of the cursor.
    @inlinable @inline(__always)
    public func checkIntact() throws(IndexError) {
        if let damage {
            throw Self.error(damage, segment: segment, term: term, stream: stream, at: damageAt, documents: count)
        }
    }

    @usableFromInline @inline(never)
    static func error(_ damage: Damage, segment: SegmentReader?, term: UInt32, stream: Stream, at: UInt32,
                      documents: Int) -> IndexError {
        guard let segment else { return .corrupt(file: "a segment file", detail: "a postings list does not decode") }
        return segment.damageError(damage, term: Int(term), stream: stream, at: Int(at), documents: documents)
    }

    static let blockSize = 128

    /// The number of skip entries in the list's table (FORMAT.md, "Postings").
    var skipEntryCount: Int { skips.count / Self.skipEntryFields }
    /// A skip entry is four u32 fields: last document before the block, document-data
    /// offset, positions offset, index of the block's first document.
    static let skipEntryFields = 4
    static let skipEntryBytes = skipEntryFields * 4

    /// Records `damage` (the first one found wins): the one place a cursor is marked
    /// damaged. `at` is the number of documents read (list damage) or the document whose
    /// positions do not decode (position damage).
    @inline(never)
    private mutating func record(_ damage: Damage, at: Int) {
        guard self.damage == nil else { return }
        self.damage = damage
        damageAt = UInt32(truncatingIfNeeded: max(0, at))
    }

    /// Records document damage found after `read` documents and ends the walk; false.
    private mutating func fail(_ damage: Damage, after read: Int) -> Bool {
        record(damage, at: read)
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
        guard let code = VarInt.read(docs, at: &offset) else { return fail(.documents, after: consumed) }
        var tf = 1
        if code & 1 == 0 {
            guard let value = VarInt.read(docs, at: &offset), value >= 2, value <= frequencyLimit else {
                return fail(.documents, after: consumed)
            }
            tf = Int(truncatingIfNeeded: value)
        }
        // The delta is below 2^63, so it converts; a sum beyond Int.max wraps negative,
        // which the unsigned comparison with the limit refuses along with too large ones.
        // Only a list's first document may repeat its base (delta 0).
        let delta = Int(truncatingIfNeeded: code >> 1)
        let doc = previous &+ delta
        guard UInt(bitPattern: doc) < UInt(bitPattern: documentLimit), delta > 0 || consumed == 0 else {
            return fail(.documents, after: consumed)
        }
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
        let skipCount = skips.count / Self.skipEntryFields
        // Skip entry fields: 0 last document before the block, 1 document-data offset,
        // 2 positions offset, 3 index of the block's first document.
        @inline(__always) func field(_ entry: Int, _ field: Int) -> Int {
            Int(skips.unchecked(entry &* Self.skipEntryFields &+ field))
        }
        // Skip entries at or before the current document are behind us for good.
        while nextSkip < skipCount && field(nextSkip, 3) <= consumed { nextSkip += 1 }
        if nextSkip < skipCount && field(nextSkip, 0) < target {
            // The target lies beyond the current block: gallop over the skip entries, then
            // binary-search the last one whose previous document is below the target.
            var low = nextSkip
            var step = 1
            var high = nextSkip + 1
            while high < skipCount && field(high, 0) < target {
                low = high
                step <<= 1
                high = min(skipCount, high + step)
            }
            while high - low > 1 {
                let middle = (low + high) >> 1
                if field(middle, 0) < target { low = middle } else { high = middle }
            }
            let lastDoc = field(low, 0)
            let docOffset = field(low, 1)
            let positionsAt = field(low, 2)
            let index = field(low, 3)
            guard docOffset <= docs.count, positionsAt <= positionData.count, index < count,
                  lastDoc >= previous else { return fail(.skipTable, after: consumed) }
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
        let limit = UInt(bitPattern: documentLimit)
        while used < count {
            guard let code = VarInt.read(docs, at: &position) else { return fail(.documents, after: used) }
            var tf = 1
            if code & 1 == 0 {
                guard let value = VarInt.read(docs, at: &position), value >= 2, value <= frequencyLimit else {
                    return fail(.documents, after: used)
                }
                tf = Int(truncatingIfNeeded: value)
            }
            // As in `next()`: the unsigned comparison refuses documents past the limit and
            // sums that wrapped; only a list's first document may repeat its base.
            let delta = Int(truncatingIfNeeded: code >> 1)
            let doc = previousDocument &+ delta
            guard UInt(bitPattern: doc) < limit, delta != 0 || used == 0 else { return fail(.documents, after: used) }
            previousDocument = doc
            used &+= 1
            if doc >= target {
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
        guard positionData.count > 0, consumed > 0, document != Int.max, seekPositions() else { return }
        var position: UInt32 = 0
        for _ in 0..<frequency {
            guard let delta = nextPosition() else { return }
            position &+= delta
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
        guard seekPositions() else { return 0 }
        var position: UInt32 = 0
        for written in 0..<frequency {
            guard let delta = nextPosition() else { return written }
            position &+= delta
            buffer[written] = position
        }
        return frequency
    }

    /// Moves `positionOffset` to the current document's positions; false (the damage
    /// recorded) when the position data ends before them.
    @inline(__always)
    private mutating func seekPositions() -> Bool {
        if positionsRead {
            positionOffset = currentPositionsStart
            return true
        }
        skipPendingPositions()
        guard pendingPositions == 0 else {
            record(.positions, at: document)
            return false
        }
        currentPositionsStart = positionOffset
        positionsRead = true
        return true
    }

    /// The next position delta of the current document; nil (the damage recorded) when it
    /// does not decode or does not fit a u32 position.
    @inline(__always)
    private mutating func nextPosition() -> UInt32? {
        guard let value = VarInt.read(positionData, at: &positionOffset), value <= UInt64(UInt32.max) else {
            record(.positions, at: document)
            return nil
        }
        return UInt32(truncatingIfNeeded: value)
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
}
