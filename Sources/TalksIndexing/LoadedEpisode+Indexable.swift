import TalksIndex
import TalksIngest

extension LoadedEpisode {
    /// The episode as the index takes it in: ingest's episode, cues, content hash and
    /// folder, without the diagnostics (which are reported, not stored).
    public var indexable: IndexableEpisode {
        IndexableEpisode(episode: episode, cues: transcript.cues, contentHash: contentHash, sourcePath: sourcePath)
    }
}
