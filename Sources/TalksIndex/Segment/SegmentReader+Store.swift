import TalksModel

/// Stored episodes and cues of a segment.
extension SegmentReader {
    /// The stored metadata of episode `ordinal` (deleted ones included).
    public func episode(_ ordinal: Int) throws(IndexError) -> Episode {
        try episodes.episode(ordinal)
    }

    /// Series, date, timestamp and speaker names of episode `ordinal` (what filters test),
    /// without decoding the rest of its record.
    public func episodeFilterFields(_ ordinal: Int) throws(IndexError) -> EpisodeFilterFields {
        try episodes.filterFields(ordinal)
    }

    /// The id of episode `ordinal`.
    public func episodeID(_ ordinal: Int) throws(IndexError) -> String {
        try episodes.identity(ordinal).id
    }

    /// The content hash the episode was ingested with (for incremental ingest).
    public func contentHash(ofEpisode ordinal: Int) throws(IndexError) -> String {
        try episodes.identity(ordinal).contentHash
    }

    /// The folder or file the episode was read from.
    public func sourcePath(ofEpisode ordinal: Int) throws(IndexError) -> String {
        try episodes.identity(ordinal).sourcePath
    }

    /// The ordinal of the episode with this id in this segment (deleted or not).
    public func episodeOrdinal(id: String) -> Int? {
        episodes.ordinal(ofID: id)
    }

    /// The cue ordinals of an episode (contiguous).
    public func cueRange(ofEpisode ordinal: Int) -> Range<Int> {
        episodes.cueRange(ordinal)
    }

    /// The episode owning cue `cue` (-1 when out of range).
    public func episodeOrdinal(ofCue cue: Int) -> Int {
        episodes.episodeOrdinal(ofCue: cue)
    }

    /// Start, end, speaker and plain text of a cue.
    public func cue(_ ordinal: Int) throws(IndexError) -> Cue {
        try store.cue(ordinal)
    }

    /// The UTF-8 bytes of a cue's text.
    public func cueText(_ ordinal: Int) throws(IndexError) -> [UInt8] {
        try store.text(ordinal)
    }
}

/// Who speaks each cue, read without decoding cue text (for `speaker:`).
extension SegmentReader {
    /// The distinct speaker names of this segment's cues; a cue's speaker number k ≥ 1
    /// (`cueSpeakerNumbers(in:)`) is name k − 1.
    public var cueSpeakerNames: [String] { store.speakers }

    /// The speaker number of each cue in `range`: 0 when the cue has no speaker, else
    /// 1 + its index in `cueSpeakerNames`.
    public func cueSpeakerNumbers(in range: Range<Int>) throws(IndexError) -> [Int] {
        try store.speakerNumbers(in: range)
    }
}
