import TalksIndex
import TalksIngest

extension LoadedEpisode {
    /// The episode as the index takes it in: ingest's episode with the transcript's speakers
    /// merged into its own (`EpisodeSpeakers`), its cues, content hash and folder, without
    /// the diagnostics (which are reported, not stored).
    public var indexable: IndexableEpisode {
        let merged = EpisodeSpeakers.merge(episode, cues: transcript.cues)
        return IndexableEpisode(episode: merged.episode, cues: merged.cues, contentHash: contentHash, sourcePath: sourcePath)
    }
}
