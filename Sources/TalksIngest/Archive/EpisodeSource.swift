/// Where one episode's files are: the unit `ArchiveScanner` finds and `EpisodeLoader` reads.
///
/// The scan reads `episode.json` once (its `id` decides duplicates and the ingest order) and
/// keeps what it read here, hashed and parsed, so loading reads only the transcript (and
/// `episode.html`, whose id is always the folder name, so the scan leaves it unread).
/// Every file is read through `archive`, which refuses files whose real path leaves it.
public struct EpisodeSource: Sendable, Hashable {
    /// The episode id: `episode.json`'s `id`, or the folder name.
    public var id: String
    /// The episode folder, as the user named it (e.g. "archive/55-vreta-kluster").
    public var folder: String
    /// `episode.json` or `episode.html` in the folder.
    public var metadataPath: String
    /// `transcript.vtt` or `transcript.srt` in the folder; nil when there is none.
    public var transcriptPath: String?
    /// `chapters.vtt` in the folder (a WebVTT chapters track); nil when there is none.
    public var chaptersPath: String?
    /// The archive the folder was found in: its files are read only when their real paths
    /// lie inside it.
    public var archive: ArchiveRoot
    /// The metadata file as the scan read it; nil when loading reads it (`episode.html`,
    /// or past `IngestLimits.maximumScanKeptMetadataBytes`).
    var metadataFile: MetadataFile?

    /// Drops the parsed `episode.json` the scan kept (a later load reads the file again):
    /// an ingest calls it once the episode is loaded, so what the scan kept shrinks as the
    /// ingest goes instead of staying beside the builders to the end.
    public mutating func releaseKeptMetadata() {
        metadataFile = nil
    }
    /// The line of the `id` field in `episode.json`, when it has one (for the duplicate-id message).
    var declaredIDLine: Int?

    public init(id: String, folder: String, metadataPath: String, transcriptPath: String?, archive: ArchiveRoot) {
        self.id = id
        self.folder = folder
        self.metadataPath = metadataPath
        self.transcriptPath = transcriptPath
        self.archive = archive
    }
}
