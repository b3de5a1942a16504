/// Counts and sizes of one generation, for `talks stats`.
public struct IndexStatistics: Sendable {
    public var generation: UInt64
    public var segments: Int
    public var episodes: Int
    public var deletedEpisodes: Int
    public var cues: Int
    /// Distinct terms over all segments.
    public var terms: Int
    public var bytes: [FileKind: Int]

    public var totalBytes: Int { bytes.values.reduce(0, +) }

    public static func compute(_ reader: IndexReader) -> IndexStatistics {
        var bytes: [FileKind: Int] = [:]
        var deleted = 0
        for segment in reader.segments {
            for (kind, size) in segment.fileSizes { bytes[kind, default: 0] += size }
            deleted += segment.episodeCount - segment.liveEpisodeCount
        }
        let terms: Int
        if reader.segments.count == 1, let only = reader.segments.first {
            terms = only.termCount
        } else {
            var distinct = Set<String>()
            for segment in reader.segments {
                for ordinal in 0..<segment.termCount { distinct.insert(segment.term(at: ordinal)) }
            }
            terms = distinct.count
        }
        return IndexStatistics(generation: reader.generation, segments: reader.segments.count,
                               episodes: reader.episodeCount, deletedEpisodes: deleted, cues: reader.cueCount,
                               terms: terms, bytes: bytes)
    }
}
