import TalksModel

/// One episode analysed for indexing: the episode plus the token streams of its fields,
/// ready for a `SegmentBuilder`.
///
/// Made by `EpisodeAnalyzer` (on any thread); built into a segment by `IndexWriter.add`
/// or, in a parallel ingest, by `LaneBatch.build`. Its contents are the index's business:
/// outside TalksIndex only its size can be read (for progress and summaries).
public struct AnalysedEpisode: Sendable {
    var episode: Episode
    var cues: [Cue]
    var contentHash: String
    var sourcePath: String
    /// All transcript tokens; positions restart at 0 in every cue.
    var transcript: TokenStream
    /// For each cue, the index one past its last token in `transcript`.
    var cueTokenEnds: [UInt32]
    /// The metadata fields, in `Field.episodeFields` order (title … series, chapters).
    var fields: [TokenStream]
    /// UTF-8 bytes of cue text (for progress and memory accounting).
    public internal(set) var textBytes: Int

    /// The episode's id.
    public var id: String { episode.id }
    /// The number of cues.
    public var cueCount: Int { cues.count }
}
