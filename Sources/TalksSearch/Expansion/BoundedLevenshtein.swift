/// Edit distance with a cut-off, for typo tolerance over the term dictionary.
///
/// Works on Unicode scalar values (so `å` → `a` is one edit, not two bytes' worth) and
/// returns nil as soon as every cell of a row exceeds the limit, so most dictionary terms
/// are rejected after a couple of rows. Rows are reused between calls: make one per search.
///
/// Typo search scans the dictionary with `PrefixSharingLevenshtein`, which gives the same
/// answers faster; this pair-at-a-time form is the plain algorithm it is tested against.
struct BoundedLevenshtein {
    private var previous: [Int] = []
    private var current: [Int] = []

    /// The Levenshtein distance between `source` and `target` if it is at most `limit`.
    mutating func distance(_ source: [UInt32], _ target: [UInt32], limit: Int) -> Int? {
        let sourceCount = source.count
        let targetCount = target.count
        if abs(sourceCount - targetCount) > limit { return nil }
        if sourceCount == 0 { return targetCount <= limit ? targetCount : nil }
        if targetCount == 0 { return sourceCount <= limit ? sourceCount : nil }
        if previous.count < targetCount + 1 {
            previous = Array(repeating: 0, count: targetCount + 1)
            current = Array(repeating: 0, count: targetCount + 1)
        }
        for column in 0...targetCount { previous[column] = column }
        for row in 1...sourceCount {
            current[0] = row
            var rowMinimum = row
            let sourceScalar = source[row - 1]
            for column in 1...targetCount {
                let substitution = previous[column - 1] + (sourceScalar == target[column - 1] ? 0 : 1)
                let deletion = previous[column] + 1
                let insertion = current[column - 1] + 1
                let best = min(substitution, min(deletion, insertion))
                current[column] = best
                if best < rowMinimum { rowMinimum = best }
            }
            if rowMinimum > limit { return nil }
            swap(&previous, &current)
        }
        let result = previous[targetCount]
        return result <= limit ? result : nil
    }

    /// The scalars of `text`, the form `distance` compares.
    static func scalars(_ text: String) -> [UInt32] {
        text.unicodeScalars.map(\.value)
    }

    /// Scalars decoded from a dictionary term's UTF-8 bytes into `buffer`, as the generic
    /// `decode` does: one- and two-byte sequences (ASCII and Latin letters such as å, ä, ö)
    /// decoded inline, the rest (from the first other lead byte, a scalar boundary) by the
    /// standard library's decoder.
    static func decode(_ bytes: UnsafeRawBufferPointer, into buffer: inout [UInt32]) {
        buffer.removeAll(keepingCapacity: true)
        let count = bytes.count
        var index = 0
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                buffer.append(UInt32(byte))
                index += 1
            } else if byte >= 0xC2, byte <= 0xDF, index + 1 < count, bytes[index + 1] & 0xC0 == 0x80 {
                buffer.append(UInt32(byte & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F))
                index += 2
            } else {
                var rest: [UInt32] = []
                decode(bytes[index...], into: &rest)
                buffer.append(contentsOf: rest)
                return
            }
        }
    }

    /// Scalars decoded from UTF-8 bytes (invalid sequences become U+FFFD) into `buffer`.
    static func decode<Bytes: Collection>(_ bytes: Bytes, into buffer: inout [UInt32]) where Bytes.Element == UInt8 {
        buffer.removeAll(keepingCapacity: true)
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): buffer.append(scalar.value)
            case .emptyInput: return
            case .error: buffer.append(0xFFFD)
            }
        }
    }
}
