import TalksModel
import TalksSystem

/// Building one long episode piece by piece: its cues are analysed and added a slice at a
/// time, and each slice's text is freed once it is in the cue store.
///
/// Why: `add(_:)` takes an episode analysed whole, and the token stream of a whole
/// transcript costs about four times its text (bytes, ends, positions and hashes of every
/// token), on top of the parsed cues and of what the builder keeps. For a 60 MB transcript
/// that was most of a 450 MB peak. Here the stream only ever holds one slice (about
/// `sliceBytes` of text), and the parsed text is given back as the store takes it, so a
/// long episode costs the builder's own bytes and little more. The segment is the same as
/// `add(_:)` would build: terms get their ids in order of first occurrence either way.
extension SegmentBuilder {
    /// Text per analysed slice of a long episode: big enough that the per-slice work is
    /// noise, small enough that the slice's token stream is.
    static let sliceBytes = 1 << 20

    /// Adds an episode from its parsed cues, a slice at a time, emptying `cues` as it goes.
    /// With two workers or more, one analyses the next slice while another adds the current one. After each
    /// slice `shouldContinue(builder, remainingCueBytes)` may stop it: it then returns nil
    /// and the builder holds part of an episode, so it must be discarded (the writer builds
    /// long episodes in a builder of their own for this reason). Returns the episode's
    /// ordinal when it was added whole.
    mutating func add(
        streaming episode: Episode, cues: inout [Cue], contentHash: String, sourcePath: String,
        analyzer: EpisodeAnalyzer, sliceBytes: Int = Self.sliceBytes, workers: Int = Parallel.defaultWorkers,
        shouldContinue: (SegmentBuilder, Int) -> Bool
    ) -> Int? {
        // The array's slots stay until the end; each cue's strings go as it is built.
        var remaining = cues.capacity * MemoryLayout<Cue>.stride
        var textTotal = 0
        for cue in cues {
            remaining += Self.heapBytes(of: cue)
            textTotal += cue.text.utf8.count
        }
        // The store gets the whole text: one allocation of the right size, not a doubling
        // array that holds twice the text while it grows.
        cueStore.records.bytes.reserveCapacity(cueStore.records.count + textTotal + cues.count * 12)
        cueStore.offsets.reserveCapacity(cueStore.offsets.count + cues.count)
        let ordinal = addRecord(episode, contentHash: contentHash, sourcePath: sourcePath)
        let slices = Self.slices(of: cues, bytes: sliceBytes)
        var length: UInt32 = 0
        var analysed: (TokenStream, [UInt32])? = slices.first.map { analyzer.analyseTranscript(cues[$0], textBytes: sliceBytes) }
        for (number, slice) in slices.enumerated() {
            guard let current = analysed else { break }
            analysed = nil
            let next = number + 1 < slices.count ? slices[number + 1] : nil
            // One thread analyses the next slice while another adds this one.
            let (following, added) = Parallel.both(workers: workers, {
                next.map { analyzer.analyseTranscript(cues[$0], textBytes: sliceBytes) }
            }, { () -> UInt32 in
                for index in slice { self.cueStore.add(cues[index]) }
                return self.addTranscript(current.0, cueTokenEnds: current.1)
            })
            analysed = following
            length &+= added
            for index in slice {
                remaining -= Self.heapBytes(of: cues[index])
                cues[index] = Cue(start: 0, end: 0, text: "")
            }
            if !shouldContinue(self, remaining) { return nil }
        }
        endCues(count: cues.count)
        endTranscript(length: length)
        addMetadata(analyzer.analyseFields(of: episode), episode: ordinal)
        textBytes += textTotal
        cues = []
        return ordinal
    }

    /// The cues cut into runs of about `bytes` of text (at least one cue each).
    static func slices(of cues: [Cue], bytes: Int) -> [Range<Int>] {
        var slices: [Range<Int>] = []
        var start = 0
        while start < cues.count {
            var end = start
            var text = 0
            while end < cues.count && (end == start || text < bytes) {
                text += cues[end].text.utf8.count
                end += 1
            }
            slices.append(start..<end)
            start = end
        }
        return slices
    }

    /// Heap bytes a parsed cue's strings hold (a String of more than 15 UTF-8 bytes has a
    /// heap buffer with a 32-byte header), beside its slot in the array.
    static func heapBytes(of cue: Cue) -> Int {
        func heap(_ text: String?) -> Int {
            guard let text else { return 0 }
            let count = text.utf8.count
            return count > 15 ? (count + 32 + 15) & ~15 : 0
        }
        return heap(cue.text) + heap(cue.speaker) + heap(cue.id)
    }
}
