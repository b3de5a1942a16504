/// Edit distance with a cut-off, for typo tolerance over the term dictionary.
///
/// Works on Unicode scalar values (so `å` → `a` is one edit, not two bytes' worth) and
/// returns nil as soon as every cell of a row exceeds the limit, so most dictionary terms
/// are rejected after a couple of rows. Rows are reused between calls: make one per search.
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
