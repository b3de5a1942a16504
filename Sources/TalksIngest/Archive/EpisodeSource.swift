/// Where one episode's files are: the unit `ArchiveScanner` finds and `EpisodeLoader` reads.
///
/// Scanning only looks at names (and, for duplicate detection, the `id` field of
/// `episode.json`), so it is cheap to run over a whole archive before deciding what to load.
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
    /// The archive the folder was found in: its files are read only when their real paths
    /// lie inside it.
    public var archive: ArchiveRoot

    public init(id: String, folder: String, metadataPath: String, transcriptPath: String?, archive: ArchiveRoot) {
        self.id = id
        self.folder = folder
        self.metadataPath = metadataPath
        self.transcriptPath = transcriptPath
        self.archive = archive
    }
}
