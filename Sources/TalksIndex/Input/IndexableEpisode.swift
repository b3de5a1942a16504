import TalksModel

/// One episode as the index takes it in: its facts, its cues, and where it came from.
///
/// The index's one input type, whatever produced the episode: TalksIndexing makes it from
/// an archive folder, a merge makes it from a stored segment, tests make it in code. The
/// index stores `contentHash` and `sourcePath` beside the episode without interpreting
/// them; an incremental ingest compares the hash to tell an unchanged episode from a
/// changed one.
public struct IndexableEpisode: Sendable, Hashable {
    public var episode: Episode
    /// The transcript's cues, in order.
    public var cues: [Cue]
    /// A digest of the files the episode was read from (any text; TalksIngest writes XXH64 hex).
    public var contentHash: String
    /// Where the episode was read from, as the user named it (e.g. "archive/landet-lar-55").
    public var sourcePath: String

    public init(episode: Episode, cues: [Cue], contentHash: String, sourcePath: String) {
        self.episode = episode
        self.cues = cues
        self.contentHash = contentHash
        self.sourcePath = sourcePath
    }
}
