/// A canonical Huffman code over bytes, limited to 12-bit codes: the compression of
/// stored cue text (FORMAT.md, "Store").
///
/// Each segment builds its code from the byte frequencies of its own cue texts and stores
/// only the 256 code lengths. Every cue is coded on its own, so reading one cue for a
/// snippet decodes ~60 bytes with one table lookup per byte: random access stays cheap,
/// while Swedish text shrinks to about 55–60% of its size.
struct HuffmanCode {
    static let maximumLength = 12
    /// Code length per byte value; 0 = the byte does not occur.
    let lengths: [UInt8]
    /// Canonical code per byte value (right-aligned in `lengths[b]` bits).
    let codes: [UInt16]

    /// The optimal code for `frequencies` (256 counts), flattened until no code exceeds
    /// 12 bits.
    init(frequencies: [Int]) {
        var counts = frequencies
        var lengths = Self.huffmanLengths(counts)
        while (lengths.max() ?? 0) > UInt8(Self.maximumLength) {
            counts = counts.map { $0 == 0 ? 0 : max(1, $0 >> 1) }
            lengths = Self.huffmanLengths(counts)
        }
        self.init(lengths: lengths)
    }

    /// The canonical code for given lengths (as read from a file; call `isValid` first).
    init(lengths: [UInt8]) {
        self.lengths = lengths
        var codes = [UInt16](repeating: 0, count: 256)
        var code = 0
        for length in 1...Self.maximumLength {
            for symbol in 0..<256 where Int(lengths[symbol]) == length {
                codes[symbol] = UInt16(code)
                code += 1
            }
            code <<= 1
        }
        self.codes = codes
    }

    /// Whether lengths describe a prefix code (Kraft sum ≤ 1) within the limit.
    static func isValid(_ lengths: [UInt8]) -> Bool {
        guard lengths.count == 256 else { return false }
        var kraft = 0
        for length in lengths where length > 0 {
            guard length <= UInt8(maximumLength) else { return false }
            kraft += 1 << (maximumLength - Int(length))
        }
        return kraft <= 1 << maximumLength
    }

    private static func huffmanLengths(_ counts: [Int]) -> [UInt8] {
        var lengths = [UInt8](repeating: 0, count: 256)
        let used = (0..<256).filter { counts[$0] > 0 }
        if used.count == 1 {
            lengths[used[0]] = 1
            return lengths
        }
        guard used.count > 1 else { return lengths }
        // Nodes: leaves 0..<256, internal nodes after; a simple O(n²) merge is plenty for 256.
        var weight: [Int] = counts
        var parent = [Int](repeating: -1, count: 512)
        var active = used
        while active.count > 1 {
            active.sort { weight[$0] != weight[$1] ? weight[$0] < weight[$1] : $0 < $1 }
            let first = active.removeFirst()
            let second = active.removeFirst()
            let node = weight.count
            weight.append(weight[first] + weight[second])
            parent[first] = node
            parent[second] = node
            active.append(node)
        }
        for symbol in used {
            var depth = 0
            var node = symbol
            while parent[node] >= 0 {
                node = parent[node]
                depth += 1
            }
            lengths[symbol] = UInt8(min(depth, 255))
        }
        return lengths
    }

    /// Appends the code of every byte of `text`, padded with 0 bits to a whole byte.
    func encode(_ text: UnsafeRawBufferPointer, into output: inout [UInt8]) {
        var buffer: UInt64 = 0
        var bits = 0
        for byte in text {
            let length = Int(lengths[Int(byte)])
            buffer = buffer << UInt64(length) | UInt64(codes[Int(byte)])
            bits += length
            while bits >= 8 {
                bits -= 8
                output.append(UInt8(truncatingIfNeeded: buffer >> UInt64(bits)))
            }
        }
        if bits > 0 {
            output.append(UInt8(truncatingIfNeeded: buffer << UInt64(8 - bits)))
        }
    }
}

/// Decodes cue text coded with a `HuffmanCode`: a 4096-entry table indexed by the next
/// 12 bits gives the byte and its code length.
struct HuffmanDecoder: Sendable {
    /// symbol << 4 | length; length 0 marks bit patterns no code starts with.
    private let table: [UInt16]

    init(code: HuffmanCode) {
        var table = [UInt16](repeating: 0, count: 1 << HuffmanCode.maximumLength)
        for symbol in 0..<256 {
            let length = Int(code.lengths[symbol])
            guard length > 0 else { continue }
            let shift = HuffmanCode.maximumLength - length
            let first = Int(code.codes[symbol]) << shift
            for index in first..<(first + (1 << shift)) where index < table.count {
                table[index] = UInt16(symbol) << 4 | UInt16(length)
            }
        }
        self.table = table
    }

    /// `count` bytes decoded from `bits`, or nil when the bits do not decode (corruption).
    /// Writes straight into the result's storage (no append per byte).
    func decode(_ bits: UnsafeRawBufferPointer, count: Int) -> [UInt8]? {
        guard count > 0 else { return count == 0 ? [] : nil }
        var valid = true
        let output = table.withUnsafeBufferPointer { table in
            [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
                var bitBuffer: UInt64 = 0
                var available = 0
                var index = 0
                let limit = HuffmanCode.maximumLength
                let bitCount = bits.count
                var written = 0
                while written < count {
                    while available <= 56 {
                        if index >= bitCount {
                            if available >= limit { break }
                            // Past the record: pad with zero bits (checked below).
                            available += 8
                            index += 1
                            continue
                        }
                        bitBuffer |= UInt64(bits[index]) << UInt64(56 - available)
                        available += 8
                        index += 1
                    }
                    let entry = table[Int(bitBuffer >> UInt64(64 - limit))]
                    let length = Int(entry & 0xF)
                    guard length > 0, length <= available else {
                        valid = false
                        break
                    }
                    buffer[written] = UInt8(truncatingIfNeeded: entry >> 4)
                    written += 1
                    bitBuffer <<= UInt64(length)
                    available -= length
                }
                // Every coded bit must lie inside the record.
                if valid && index - (available / 8) > bitCount { valid = false }
                initialized = written
            }
        }
        return valid ? output : nil
    }
}
