import TalksIndex

/// Collection-wide figures BM25F needs, summed over every segment of one reader, so that a
/// document scores the same whichever segment holds it.
struct CollectionStatistics: Sendable {
    /// Live episodes over all segments: the N of IDF.
    let liveEpisodes: Int
    /// Mean tokens per episode for each metadata field, indexed by `Field.rawValue`.
    let averageFieldLength: [Double]
    /// Mean transcript tokens per episode.
    let averageTranscriptLength: Double
    /// Mean tokens per cue.
    let averageCueLength: Double

    init(segments: [SegmentReader]) {
        var live = 0
        var episodes = 0
        var cues = 0
        var fieldTotals = [Double](repeating: 0, count: Field.allCases.count)
        var transcriptTotal = 0.0
        for segment in segments {
            live += segment.liveEpisodeCount
            episodes += segment.episodeCount
            cues += segment.cueCount
            for field in Field.episodeFields {
                fieldTotals[Int(field.rawValue)] += segment.averageFieldLength(field) * Double(segment.episodeCount)
            }
            transcriptTotal += segment.averageEpisodeTranscriptLength * Double(segment.episodeCount)
            fieldTotals[Int(Field.transcript.rawValue)] += segment.averageFieldLength(.transcript) * Double(segment.cueCount)
        }
        liveEpisodes = live
        averageFieldLength = fieldTotals.enumerated().map { index, total in
            let documents = index == Int(Field.transcript.rawValue) ? cues : episodes
            return documents > 0 ? max(total / Double(documents), 1e-9) : 1
        }
        averageTranscriptLength = episodes > 0 ? max(transcriptTotal / Double(episodes), 1e-9) : 1
        averageCueLength = averageFieldLength[Int(Field.transcript.rawValue)]
    }
}

/// Per-segment values computed once per reader: for each field and episode the BM25 length
/// factor 1 / (1 − b + b·length/average), so scoring a posting is a load and a multiply.
final class SegmentContext: @unchecked Sendable {
    let segment: SegmentReader
    /// `inverseNorms[field.rawValue][episode]` for metadata fields; the transcript slot holds
    /// the whole-transcript (episode-level) factor.
    let inverseNorms: [[Double]]
    let cueNormBase: Double
    let cueNormSlope: Double

    init(segment: SegmentReader, statistics: CollectionStatistics, parameters: RankingParameters) {
        self.segment = segment
        let b = parameters.b
        var norms: [[Double]] = []
        for field in Field.allCases {
            var row = [Double](repeating: 1, count: segment.episodeCount)
            for episode in 0..<segment.episodeCount {
                let length: Int
                let average: Double
                if field == .transcript {
                    length = segment.episodeTranscriptLength(episode: episode)
                    average = statistics.averageTranscriptLength
                } else {
                    length = segment.fieldLength(field, document: episode)
                    average = statistics.averageFieldLength[Int(field.rawValue)]
                }
                row[episode] = 1 / (1 - b + b * Double(length) / average)
            }
            norms.append(row)
        }
        inverseNorms = norms
        cueNormBase = 1 - b
        cueNormSlope = b / statistics.averageCueLength
    }

    /// The BM25 length factor of a cue (computed on demand; there are many cues).
    @inline(__always)
    func cueInverseNorm(_ cue: Int) -> Double {
        1 / (cueNormBase + cueNormSlope * Double(segment.fieldLength(.transcript, document: cue)))
    }
}
