import TalksModel

/// One `<item>` of a podcast feed, reduced to what becomes an episode folder.
struct FeedItem: Sendable, Hashable {
    /// A transcript the item points at with `<podcast:transcript>`.
    struct TranscriptLink: Sendable, Hashable {
        var url: String
        var type: String?
    }

    var line: Int?
    var episode: Episode
    var transcripts: [TranscriptLink]
}
