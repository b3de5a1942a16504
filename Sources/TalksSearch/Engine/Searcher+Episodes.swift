import TalksIndex
import TalksModel

/// A page of the episode list.
public struct EpisodePage: Sendable {
    /// Live episodes in all.
    public var total: Int
    /// The requested slice, newest first.
    public var episodes: [Episode]

    public init(total: Int, episodes: [Episode]) {
        self.total = total
        self.episodes = episodes
    }
}

/// Browsing without a query: episode lists, one episode, one transcript (for `talks list`
/// and the server's `/episodes` endpoints).
extension Searcher {
    /// Live episodes, newest first (by the date as written; then by id), `limit` of them
    /// after skipping `offset`.
    public func episodes(offset: Int = 0, limit: Int = 50) throws(IndexError) -> EpisodePage {
        var all: [(date: Int, id: String, segment: Int, ordinal: Int)] = []
        for (index, segment) in reader.segments.enumerated() {
            let dates = facts(index).dates
            for ordinal in 0..<segment.episodeCount where !segment.isDeleted(episode: ordinal) {
                let id = try segment.episodeID(ordinal)
                all.append((ordinal < dates.count ? dates[ordinal] ?? 0 : 0, id, index, ordinal))
            }
        }
        all.sort { $0.date != $1.date ? $0.date > $1.date : $0.id < $1.id }
        var page: [Episode] = []
        for entry in all.dropFirst(max(0, offset)).prefix(max(0, limit)) {
            page.append(try reader.segments[entry.segment].episode(entry.ordinal))
        }
        return EpisodePage(total: all.count, episodes: page)
    }

    /// The live episode with this id, or nil.
    public func episode(id: String) throws(IndexError) -> Episode? {
        guard let location = reader.locate(episodeID: id) else { return nil }
        return try reader.segments[location.segment].episode(location.ordinal)
    }

    /// The cues of the live episode with this id in time order, or nil when there is none.
    public func transcript(id: String) throws(IndexError) -> [Cue]? {
        guard let cues = transcriptCues(id: id) else { return nil }
        var all: [Cue] = []
        all.reserveCapacity(cues.count)
        for index in 0..<cues.count {
            all.append(try cues.cue(index))
        }
        return all
    }

    /// The cues of the live episode with this id, to be read one at a time, or nil when
    /// there is none.
    public func transcriptCues(id: String) -> TranscriptCues? {
        guard let location = reader.locate(episodeID: id) else { return nil }
        let segment = reader.segments[location.segment]
        return TranscriptCues(segment: segment, ordinals: segment.cueRange(ofEpisode: location.ordinal))
    }
}
