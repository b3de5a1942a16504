import TalksModel

/// One live episode of a generation with where it came from, as `talks list` shows it
/// (the server pages through episodes with `Searcher.episodes(offset:limit:)` instead).
public struct IndexedEpisode: Sendable {
    /// The episode's metadata as ingested.
    public var episode: Episode
    /// How many cues of its transcript are indexed.
    public var cueCount: Int
    /// The folder or file it was ingested from.
    public var source: String
}

extension IndexReader {
    /// Every live (not deleted) episode of this generation, sorted by date, then id, so
    /// listings read as a series' history and stay stable between runs.
    public func liveEpisodes() throws(IndexError) -> [IndexedEpisode] {
        var episodes: [IndexedEpisode] = []
        for segment in segments {
            for ordinal in 0..<segment.episodeCount where !segment.isDeleted(episode: ordinal) {
                episodes.append(IndexedEpisode(
                    episode: try segment.episode(ordinal),
                    cueCount: segment.cueRange(ofEpisode: ordinal).count,
                    source: try segment.sourcePath(ofEpisode: ordinal)))
            }
        }
        episodes.sort { ($0.episode.timestamp ?? 0, $0.episode.id) < ($1.episode.timestamp ?? 0, $1.episode.id) }
        return episodes
    }
}
