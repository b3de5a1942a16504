/// The tokens of one field of one episode as flat arrays: UTF-8 bytes back to back, the
/// end of each token, its position and its hash.
///
/// Analysis runs on both cores and fills these; the single-threaded segment builder then
/// only hashes into its term table. Flat arrays avoid a `String` per token on the way.
struct TokenStream {
    var bytes: [UInt8] = []
    var ends: [UInt32] = []
    var positions: [UInt32] = []
    var hashes: [UInt64] = []

    var count: Int { ends.count }

    init(expectedTokens: Int = 0) {
        if expectedTokens > 0 {
            bytes.reserveCapacity(expectedTokens * 7)
            ends.reserveCapacity(expectedTokens)
            positions.reserveCapacity(expectedTokens)
            hashes.reserveCapacity(expectedTokens)
        }
    }

    mutating func append(term: String, position: Int) {
        var term = term
        term.withUTF8 { utf8 in
            bytes.append(contentsOf: utf8)
            hashes.append(TermHash.hash(UnsafeRawBufferPointer(utf8)))
        }
        ends.append(UInt32(truncatingIfNeeded: bytes.count))
        positions.append(UInt32(truncatingIfNeeded: max(0, position)))
    }

    func start(_ index: Int) -> Int { index == 0 ? 0 : Int(ends[index - 1]) }
}
