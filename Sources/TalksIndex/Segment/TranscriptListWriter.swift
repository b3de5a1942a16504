/// Writes a term's two transcript lists (stream 5, cues with positions, and stream 6,
/// episodes with the summed frequency) from the byte chains of the builders that were
/// joined into one segment.
///
/// Why here and not while building: stream 6 follows from stream 5 and the cue → episode
/// map, so the builders keep one chain per term and the episode list costs nothing until
/// the file is written. Each chain is decoded once; the documents are re-encoded with
/// skip entries (`PostingsEncoder`) and the positions are copied as they are (the chain
/// already holds them in the file encoding).
struct TranscriptListWriter {
    /// One builder's chains: its arena, our term id → its term id (nil = the same), and
    /// the shift of its cue ordinals in the joined segment.
    struct Part {
        var arena: PostingsArena
        var theirID: [Int32]?
        var cueShift: Int
    }

    let parts: [Part]
    /// The episode of every cue of the segment.
    private let cueEpisode: [UInt32]
    private var chain: [UInt8] = []
    private var cues = PostingsEncoder()
    private var episodes = PostingsEncoder()

    init(parts: [Part], cueStarts: [UInt32]) {
        self.parts = parts
        var map = [UInt32](repeating: 0, count: Int(cueStarts.last ?? 0))
        map.withUnsafeMutableBufferPointer { map in
            for episode in 0..<max(0, cueStarts.count - 1) {
                let end = min(Int(cueStarts[episode + 1]), map.count)
                var cue = Int(cueStarts[episode])
                while cue < end {
                    map[cue] = UInt32(truncatingIfNeeded: episode)
                    cue += 1
                }
            }
        }
        cueEpisode = map
    }

    /// Appends term `id`'s lists to the sections; nil for a list the term does not have.
    mutating func write(term id: Int, postings: inout [UInt8], positions: inout [UInt8])
        -> (cues: StreamInfo?, episodes: StreamInfo?) {
        cues.begin(positionsStart: positions.count)
        episodes.begin(positionsStart: 0)
        var episode = -1
        var episodeFrequency = 0
        let cueLimit = cueEpisode.count
        for part in parts {
            let theirs: Int
            if let map = part.theirID {
                guard id < map.count, map[id] >= 0 else { continue }
                theirs = Int(map[id])
            } else {
                theirs = id
            }
            part.arena.copyChain(theirs, into: &chain)
            chain.withUnsafeBufferPointer { bytes in
                let raw = UnsafeRawBufferPointer(bytes)
                var offset = 0
                var previous = 0
                let end = bytes.count
                while offset < end {
                    // The chain is this process's own encoding: a VarInt that does not
                    // decode (never written) ends it rather than inventing documents.
                    guard let code = VarInt.read(raw, at: &offset) else { break }
                    var frequency = 1
                    if code & 1 == 0 {
                        guard let value = VarInt.read(raw, at: &offset) else { break }
                        frequency = Int(truncatingIfNeeded: value)
                    }
                    previous += Int(truncatingIfNeeded: code >> 1)
                    let cue = previous + part.cueShift
                    cues.add(document: cue, frequency: frequency, positionsOffset: positions.count)
                    let start = offset
                    var left = frequency
                    while left > 0 && offset < end {
                        if bytes[offset] & 0x80 == 0 { left -= 1 }
                        offset += 1
                    }
                    positions.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<offset]))
                    let cueEpisode = cue < cueLimit ? Int(self.cueEpisode[cue]) : episode
                    if cueEpisode != episode {
                        if episode >= 0 {
                            episodes.add(document: episode, frequency: episodeFrequency, positionsOffset: 0)
                        }
                        episode = cueEpisode
                        episodeFrequency = 0
                    }
                    episodeFrequency += frequency
                }
            }
        }
        guard !cues.isEmpty else { return (nil, nil) }
        episodes.add(document: episode, frequency: episodeFrequency, positionsOffset: 0)
        let cueInfo = cues.finish(into: &postings, positionsEnd: positions.count)
        let episodeInfo = episodes.finish(into: &postings, positionsEnd: 0)
        return (cueInfo, episodeInfo)
    }
}
