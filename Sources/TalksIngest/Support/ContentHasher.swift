/// XXH64, a fast non-cryptographic 64-bit hash, fed incrementally.
///
/// Incremental ingest compares an episode's `contentHash` with the one stored in the
/// index to skip unchanged episodes, so the hash must be fast on megabytes of transcript
/// and stable across runs and machines (no per-process seed, unlike `Hasher`). XXH64
/// (Yann Collet's xxHash, 64-bit variant, seed 0) runs at several GB/s, and its published
/// test vectors pin the implementation down. It is not a defence against tampering.
public struct ContentHasher: Sendable {
    private static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let prime3: UInt64 = 0x1656_67B1_9E37_79F9
    private static let prime4: UInt64 = 0x85EB_CA77_C2B2_AE63
    private static let prime5: UInt64 = 0x27D4_EB2F_1656_67C5

    private var accumulators: (UInt64, UInt64, UInt64, UInt64)
    private var buffer: [UInt8] = []
    private var totalLength: UInt64 = 0
    private let seed: UInt64

    public init(seed: UInt64 = 0) {
        self.seed = seed
        accumulators = (
            seed &+ Self.prime1 &+ Self.prime2, seed &+ Self.prime2, seed, seed &- Self.prime1
        )
        buffer.reserveCapacity(32)
    }

    /// Adds bytes to the hash.
    public mutating func update(_ bytes: some Collection<UInt8>) {
        let handled: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            update(UnsafeRawBufferPointer(buffer))
        }
        if handled == nil {
            let copy = Array(bytes)
            copy.withUnsafeBytes { update($0) }
        }
    }

    /// Adds bytes to the hash: whole 32-byte stripes straight from memory, the rest buffered.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        totalLength &+= UInt64(bytes.count)
        var offset = 0
        if !buffer.isEmpty {
            let taken = min(32 - buffer.count, bytes.count)
            buffer.append(contentsOf: bytes[0..<taken])
            offset = taken
            if buffer.count < 32 { return }
            buffer.withUnsafeBytes { consumeStripe($0, at: 0) }
            buffer.removeAll(keepingCapacity: true)
        }
        while bytes.count - offset >= 32 {
            consumeStripe(bytes, at: offset)
            offset += 32
        }
        buffer.append(contentsOf: bytes[offset...])
    }

    /// Adds a string's UTF-8 bytes followed by a zero byte, so adjacent strings cannot run together.
    public mutating func update(field: String) {
        update(Array(field.utf8))
        update([0])
    }

    /// Adds a 64-bit number in little-endian order.
    public mutating func update(length: Int) {
        let value = UInt64(length)
        update((0..<8).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) })
    }

    /// The hash of everything added so far.
    public func finalize() -> UInt64 {
        var hash: UInt64
        if totalLength >= 32 {
            let (v1, v2, v3, v4) = accumulators
            hash = Self.rotate(v1, 1) &+ Self.rotate(v2, 7) &+ Self.rotate(v3, 12) &+ Self.rotate(v4, 18)
            hash = Self.merge(hash, v1)
            hash = Self.merge(hash, v2)
            hash = Self.merge(hash, v3)
            hash = Self.merge(hash, v4)
        } else {
            hash = seed &+ Self.prime5
        }
        hash &+= totalLength
        var rest = buffer[...]
        while rest.count >= 8 {
            hash ^= Self.round(0, Self.littleEndian64(rest.prefix(8)))
            hash = Self.rotate(hash, 27) &* Self.prime1 &+ Self.prime4
            rest = rest.dropFirst(8)
        }
        if rest.count >= 4 {
            var word: UInt64 = 0
            for (shift, byte) in rest.prefix(4).enumerated() { word |= UInt64(byte) << (8 * shift) }
            hash ^= word &* Self.prime1
            hash = Self.rotate(hash, 23) &* Self.prime2 &+ Self.prime3
            rest = rest.dropFirst(4)
        }
        for byte in rest {
            hash ^= UInt64(byte) &* Self.prime5
            hash = Self.rotate(hash, 11) &* Self.prime1
        }
        hash ^= hash >> 33
        hash &*= Self.prime2
        hash ^= hash >> 29
        hash &*= Self.prime3
        hash ^= hash >> 32
        return hash
    }

    /// The hash as 16 lowercase hex digits.
    public func hexDigest() -> String {
        let digits = String(finalize(), radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// XXH64 of one byte string, as 16 lowercase hex digits.
    public static func hexDigest(of bytes: [UInt8]) -> String {
        var hasher = ContentHasher()
        hasher.update(bytes)
        return hasher.hexDigest()
    }

    private mutating func consumeStripe(_ bytes: UnsafeRawBufferPointer, at offset: Int) {
        accumulators.0 = Self.round(accumulators.0, Self.word(bytes, offset))
        accumulators.1 = Self.round(accumulators.1, Self.word(bytes, offset + 8))
        accumulators.2 = Self.round(accumulators.2, Self.word(bytes, offset + 16))
        accumulators.3 = Self.round(accumulators.3, Self.word(bytes, offset + 24))
    }

    /// The little-endian 64-bit word at `offset`; callers guarantee 8 bytes are there.
    private static func word(_ bytes: UnsafeRawBufferPointer, _ offset: Int) -> UInt64 {
        UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    private static func littleEndian64(_ bytes: some Collection<UInt8>) -> UInt64 {
        var value: UInt64 = 0
        for (shift, byte) in bytes.enumerated() { value |= UInt64(byte) << (8 * UInt64(shift)) }
        return value
    }

    private static func round(_ accumulator: UInt64, _ input: UInt64) -> UInt64 {
        rotate(accumulator &+ input &* prime2, 31) &* prime1
    }

    private static func merge(_ accumulator: UInt64, _ value: UInt64) -> UInt64 {
        (accumulator ^ round(0, value)) &* prime1 &+ prime4
    }

    private static func rotate(_ value: UInt64, _ count: UInt64) -> UInt64 {
        (value << count) | (value >> (64 - count))
    }
}

/// Two hashers are equal when they have taken in the same bytes (in the same state), so a
/// value holding a hash in progress (`EpisodeSource`) can be compared.
extension ContentHasher: Hashable {
    public static func == (left: ContentHasher, right: ContentHasher) -> Bool {
        left.accumulators == right.accumulators && left.buffer == right.buffer
            && left.totalLength == right.totalLength && left.seed == right.seed
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(finalize())
    }
}
