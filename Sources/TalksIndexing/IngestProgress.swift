/// Progress of an ingest, reported after each batch of episodes.
public struct IngestProgress: Sendable {
    public var episodesDone: Int
    public var episodesTotal: Int
    /// Cues indexed so far (unchanged episodes not counted).
    public var cues: Int
    /// Cue-text bytes indexed so far.
    public var bytes: Int
}
