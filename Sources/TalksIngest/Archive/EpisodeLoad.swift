/// What loading an episode for an incremental ingest found
/// (`EpisodeLoader.load(_:unlessContentHashIs:)`).
public enum EpisodeLoad: Sendable {
    /// The files' content hash equals the indexed one: these very bytes are indexed already.
    /// The transcript was read and hashed, not parsed.
    case unchanged(contentHash: String)
    /// New or changed, read and validated.
    case loaded(LoadedEpisode)
    /// Not loadable, with every reason found.
    case rejected(EpisodeRejection)
}
