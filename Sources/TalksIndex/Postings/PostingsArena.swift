#if canImport(Glibc)
import Glibc
#endif

/// The transcript postings of a segment being built: one byte chain per term in a few
/// large pages of raw memory, the way Lucene's and Tantivy's indexing buffers work.
///
/// Why: a Swift array per term and list (six per term before) costs a heap block each,
/// a uniqueness check on every append and twice its contents in spare capacity; at
/// several hundred thousand terms that was a third of the ingest time and the reason the
/// memory estimate missed by half. Here a term's chain is a run of blocks (16 bytes, then
/// twice as big each time, at most 32 KB) carved from 1 MB pages; a block's last 4 bytes
/// hold the address of the next. `memoryBytes` is the pages themselves: exact.
///
/// A chain holds, per cue in increasing order, `VarInt(delta << 1 | (tf == 1 ? 1 : 0))`,
/// `VarInt(tf)` when tf > 1, then the tf position deltas as VarInts: the document and
/// position encodings of the postings files interleaved (FORMAT.md, "Postings"), split
/// apart when the segment is written (`SegmentBuilder.serialize`).
///
/// Used by one thread at a time; a copy of the owning builder shares it (read-only).
final class PostingsArena {
    /// Per term: where its chain starts and where the next byte goes.
    struct Chain {
        var head: UInt32 = 0
        var write: UInt32 = 0
        var blockEnd: UInt32 = 0
        /// The index of the chain's current (last) block; `UInt32.max` before the first.
        var level: UInt32 = .max
        /// The last cue added, -1 before the first.
        var lastDocument: Int32 = -1
        var count: UInt32 = 0
    }

    static let pageShift: UInt32 = 20
    static let pageSize = 1 << 20
    static let pageMask: UInt32 = (1 << 20) - 1
    static let firstBlockSize = 16
    static let largestBlockSize = 32 << 10
    /// Addresses are `page << 20 | offset` in a UInt32: at most 4,095 pages (4 GB).
    static let maximumPages = 4095

    private(set) var pages: [UnsafeMutablePointer<UInt8>] = []
    private var pageUsed = PostingsArena.pageSize
    private(set) var chains: UnsafeMutablePointer<Chain>
    private(set) var chainCount = 0
    private var chainCapacity: Int

    /// One posting encoded before it is appended.
    private var scratch: UnsafeMutablePointer<UInt8>
    private var scratchCapacity = 1024

    init() {
        chainCapacity = 1024
        chains = .allocate(capacity: chainCapacity)
        scratch = .allocate(capacity: scratchCapacity)
    }

    deinit {
        for page in pages { page.deallocate() }
        chains.deinitialize(count: chainCount)
        chains.deallocate()
        scratch.deallocate()
    }

    /// Adds one cue's occurrences of term `id`: `document` must exceed the term's last
    /// one; the positions are the low 32 bits of `keys[from..<to]`, in increasing order.
    @inline(__always)
    func addDocument(_ id: Int, document: Int32, keys: UnsafeMutableBufferPointer<UInt64>, from: Int, to: Int) {
        let frequency = to - from
        let needed = 10 + 5 * frequency
        if needed > scratchCapacity {
            scratch.deallocate()
            scratchCapacity = max(needed, scratchCapacity * 2)
            scratch = .allocate(capacity: scratchCapacity)
        }
        let chain = chains + id
        let previous = chain.pointee.lastDocument < 0 ? 0 : chain.pointee.lastDocument
        let delta = UInt32(truncatingIfNeeded: document &- previous)
        var length = 0
        if frequency == 1 {
            length = Self.putVarInt(delta << 1 | 1, scratch, length)
        } else {
            length = Self.putVarInt(delta << 1, scratch, length)
            length = Self.putVarInt(UInt32(truncatingIfNeeded: frequency), scratch, length)
        }
        var lastPosition: UInt32 = 0
        for index in from..<to {
            let position = UInt32(truncatingIfNeeded: keys[index])
            length = Self.putVarInt(position &- lastPosition, scratch, length)
            lastPosition = position
        }
        chain.pointee.lastDocument = document
        chain.pointee.count &+= 1
        append(id, scratch, count: length)
    }

    @inline(__always)
    private static func putVarInt(_ value: UInt32, _ buffer: UnsafeMutablePointer<UInt8>, _ at: Int) -> Int {
        var value = value
        var at = at
        while value >= 0x80 {
            buffer[at] = UInt8(truncatingIfNeeded: value) | 0x80
            value >>= 7
            at &+= 1
        }
        buffer[at] = UInt8(truncatingIfNeeded: value)
        return at &+ 1
    }

    /// Pages plus chain records: what this arena holds on the heap.
    var memoryBytes: Int { pages.count * Self.pageSize + chainCapacity * MemoryLayout<Chain>.stride }

    /// Adds an empty chain for a new term; returns its index (the term id).
    @discardableResult
    func addChain() -> Int {
        if chainCount == chainCapacity {
            let capacity = chainCapacity * 2
            let grown = UnsafeMutablePointer<Chain>.allocate(capacity: capacity)
            grown.moveInitialize(from: chains, count: chainCount)
            chains.deallocate()
            chains = grown
            chainCapacity = capacity
        }
        (chains + chainCount).initialize(to: Chain())
        chainCount += 1
        return chainCount - 1
    }

    @inline(__always)
    private static func blockSize(level: UInt32) -> Int {
        firstBlockSize << Int(min(level, 11))
    }

    @inline(__always)
    private func pointer(_ address: UInt32) -> UnsafeMutablePointer<UInt8> {
        pages[Int(address >> Self.pageShift)] + Int(address & Self.pageMask)
    }

    /// A fresh block of `size` bytes; its address.
    private func allocateBlock(size: Int) -> UInt32 {
        if pageUsed + size > Self.pageSize {
            precondition(pages.count < Self.maximumPages, "postings arena over 4 GB: flush earlier")
            pages.append(.allocate(capacity: Self.pageSize))
            pageUsed = 0
        }
        let address = UInt32(pages.count - 1) << Self.pageShift | UInt32(pageUsed)
        pageUsed += size
        return address
    }

    /// Appends bytes to term `id`'s chain.
    @inline(__always)
    func append(_ id: Int, _ bytes: UnsafePointer<UInt8>, count: Int) {
        let chain = chains + id
        if chain.pointee.level == .max {
            // First bytes of this term: its first block.
            let size = Self.firstBlockSize
            let address = allocateBlock(size: size)
            chain.pointee.head = address
            chain.pointee.write = address
            chain.pointee.blockEnd = address + UInt32(size - 4)
            chain.pointee.level = 0
        }
        var source = bytes
        var remaining = count
        while remaining > 0 {
            var room = Int(chain.pointee.blockEnd &- chain.pointee.write)
            if room == 0 {
                let level = chain.pointee.level + 1
                let size = Self.blockSize(level: level)
                let address = allocateBlock(size: size)
                UnsafeMutableRawPointer(pointer(chain.pointee.blockEnd)).storeBytes(of: address, as: UInt32.self)
                chain.pointee.write = address
                chain.pointee.blockEnd = address + UInt32(size - 4)
                chain.pointee.level = level
                room = size - 4
            }
            let step = min(room, remaining)
            let target = pointer(chain.pointee.write)
            if step <= 16 {
                // Most postings are a few bytes: a loop beats a call to memmove.
                for index in 0..<step { target[index] = source[index] }
            } else {
                target.update(from: source, count: step)
            }
            chain.pointee.write &+= UInt32(step)
            source += step
            remaining -= step
        }
    }

    /// Copies term `id`'s chain into `buffer` (cleared first), contiguous.
    func copyChain(_ id: Int, into buffer: inout [UInt8]) {
        buffer.removeAll(keepingCapacity: true)
        guard id >= 0, id < chainCount else { return }
        let chain = chains[id]
        guard chain.level != .max else { return }
        var address = chain.head
        var level: UInt32 = 0
        while level < chain.level {
            let end = address + UInt32(Self.blockSize(level: level) - 4)
            buffer.append(contentsOf: UnsafeBufferPointer(start: pointer(address), count: Int(end - address)))
            address = UnsafeRawPointer(pointer(end)).loadUnaligned(as: UInt32.self)
            level += 1
        }
        buffer.append(contentsOf: UnsafeBufferPointer(start: pointer(address), count: Int(chain.write - address)))
    }
}
