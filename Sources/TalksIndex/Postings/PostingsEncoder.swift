/// Encodes one postings list at a time into the `.postings` section, in the layout of
/// FORMAT.md ("Postings"): skip count, skip entries, document data.
///
/// Why a separate encoder: the builder keeps transcript postings as byte chains
/// (`PostingsArena`) and only decodes them when the segment is written; this turns the
/// decoded documents into the file encoding with a skip entry every 128 documents, or
/// every 32 in a long list (`denseListMinimum` documents or more), reusing its buffers
/// from one term to the next so writing allocates nothing per term.
///
/// Why denser skips for long lists: a phrase of common words ("det är", "i och med att")
/// walks lists holding 20–30 % of all cues to targets a few hundred cues apart (the next
/// episode, once one has matched often enough); a block of 128 documents of such a list
/// spans most of an episode, so each jump decoded ~64 documents. A short list is jumped
/// over whole and keeps the cheaper table. Entries are recorded every 32 documents and
/// thinned to every fourth at `finish` when the list turns out short, so short lists are
/// byte for byte what they were.
///
/// Call order: `begin(positionsStart:)`, then `add(document:frequency:positionsOffset:)`
/// per document in increasing order (the caller appends the document's positions itself
/// after calling `add`), then `finish(into:positionsEnd:)`.
struct PostingsEncoder {
    private var documents: [UInt8] = []
    private var skips: [UInt32] = []
    private var count = 0
    private var last = 0
    private var sinceSkip = 0
    private var positionsStart = 0

    static let blockSize = PostingsCursor.blockSize
    /// The block of a long list.
    static let denseBlockSize = 32
    /// Lists with at least this many documents get a skip entry every `denseBlockSize`.
    static let denseListMinimum = 4096

    var isEmpty: Bool { count == 0 }

    mutating func begin(positionsStart: Int) {
        documents.removeAll(keepingCapacity: true)
        skips.removeAll(keepingCapacity: true)
        count = 0
        last = 0
        sinceSkip = 0
        self.positionsStart = positionsStart
    }

    /// Adds the next document; `positionsOffset` is where its positions will start in the
    /// positions section (absolute; ignored for lists without positions).
    @inline(__always)
    mutating func add(document: Int, frequency: Int, positionsOffset: Int) {
        if sinceSkip >= Self.denseBlockSize {
            skips.append(UInt32(truncatingIfNeeded: last))
            skips.append(UInt32(truncatingIfNeeded: documents.count))
            skips.append(UInt32(truncatingIfNeeded: positionsOffset - positionsStart))
            skips.append(UInt32(truncatingIfNeeded: count))
            sinceSkip = 0
        }
        let delta = UInt32(truncatingIfNeeded: document - last)
        if frequency == 1 {
            appendVarInt(delta << 1 | 1, to: &documents)
        } else {
            appendVarInt(delta << 1, to: &documents)
            appendVarInt(UInt32(truncatingIfNeeded: frequency), to: &documents)
        }
        last = document
        count += 1
        sinceSkip += 1
    }

    /// Appends the list to `postings`; returns its info record (positions from
    /// `positionsStart` to `positionsEnd`).
    func finish(into postings: inout [UInt8], positionsEnd: Int) -> StreamInfo {
        let postingsOffset = postings.count
        // Entry k starts the block at document 32·(k+1); a short list keeps every fourth
        // (documents 128, 256, …).
        let stride = count >= Self.denseListMinimum ? 1 : Self.blockSize / Self.denseBlockSize
        let entries = skips.count / 4
        appendVarInt(UInt32(truncatingIfNeeded: entries / stride), to: &postings)
        var entry = stride - 1
        while entry < entries {
            for value in skips[(entry * 4)..<(entry * 4 + 4)] {
                postings.append(UInt8(truncatingIfNeeded: value))
                postings.append(UInt8(truncatingIfNeeded: value >> 8))
                postings.append(UInt8(truncatingIfNeeded: value >> 16))
                postings.append(UInt8(truncatingIfNeeded: value >> 24))
            }
            entry += stride
        }
        postings.append(contentsOf: documents)
        return StreamInfo(documentFrequency: count, postingsOffset: postingsOffset,
                          postingsLength: postings.count - postingsOffset,
                          positionsOffset: positionsStart, positionsLength: positionsEnd - positionsStart)
    }
}
