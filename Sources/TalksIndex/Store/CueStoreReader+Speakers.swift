/// Reading who speaks each cue without decoding its text: what `speaker:` needs to keep a
/// query to one person's cues.
extension CueStoreReader {
    /// The speaker number of every cue in `range` (0: none, k: `speakers[k − 1]`), in order.
    /// Walks the record headers block by block (each header once), never the coded text.
    func speakerNumbers(in range: Range<Int>) throws(IndexError) -> [Int] {
        guard range.lowerBound >= 0, range.upperBound <= cueCount else {
            throw .outOfRange("cue ordinals \(range) are outside 0..<\(cueCount) in \(file)")
        }
        var numbers: [Int] = []
        numbers.reserveCapacity(range.count)
        var block = range.lowerBound / Self.blockSize
        while block * Self.blockSize < range.upperBound {
            let start = Int(blockOffsets.unchecked(block))
            let end = Int(blockOffsets.unchecked(block + 1))
            guard start <= end, end <= records.count else {
                throw .corrupt(file: file, detail: "block \(block) has bounds \(start)..<\(end) outside the \(records.count)-byte record section")
            }
            var offset = start
            var index = block * Self.blockSize
            let blockEnd = min(index + Self.blockSize, cueCount)
            while index < blockEnd, index < range.upperBound {
                guard let length = VarInt.read(records, at: &offset, end: end), length <= UInt64(end - offset) else {
                    throw .corrupt(file: file, detail: "the record of cue \(index) runs past the end of its block")
                }
                let recordEnd = offset + Int(length)
                if index >= range.lowerBound {
                    var field = offset
                    guard VarInt.read(records, at: &field, end: recordEnd) != nil,
                          VarInt.read(records, at: &field, end: recordEnd) != nil,
                          let speaker = VarInt.read(records, at: &field, end: recordEnd),
                          speaker <= UInt64(speakers.count) else {
                        throw .corrupt(file: file, detail: "the speaker number of cue \(index) is missing or beyond the \(speakers.count) names")
                    }
                    numbers.append(Int(speaker))
                }
                offset = recordEnd
                index += 1
            }
            block += 1
        }
        return numbers
    }
}
