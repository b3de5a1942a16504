import TalksTranscript

/// Every hard limit TalksIngest applies to the files of an archive, in one place.
///
/// Archive folders are written by hand, exported by tools or imported from feeds, so any
/// file may be broken or hostile. Sizes are checked with `fstat` before a byte is read, so an
/// oversized file costs nothing; each limit is far above any real file and produces a
/// message naming the file and the limit. Transcript content limits (cue length) live in
/// `TranscriptLimits`.
public enum IngestLimits {
    /// The largest `episode.json` or `episode.html` read, in bytes (8 MiB). A real
    /// `episode.json` is a few KB; a saved event page with inline scripts and styles is
    /// rarely over 2 MB. Over the limit: the episode is rejected, naming the file.
    public static let maximumMetadataFileBytes: Int64 = 8 << 20

    /// The largest transcript file read, in bytes: the same as
    /// `TranscriptLimits.maximumFileBytes` (64 MiB, about a thousand hours of speech), so a
    /// file refused by the parser is never read in the first place. Over the limit: the
    /// episode is rejected, naming the file.
    public static let maximumTranscriptFileBytes = Int64(TranscriptLimits.maximumFileBytes)

    /// The largest `chapters.vtt` read, in bytes (1 MiB): a chapter track of a few hundred
    /// chapters is a few KB. Over the limit: a warning naming the file, and no chapters.
    public static let maximumChaptersFileBytes: Int64 = 1 << 20

    /// The largest yt-dlp `.info.json` read by `talks import-ytdlp`, in bytes (32 MiB). They
    /// carry every format and thumbnail of the video, typically 100–600 KB. Over the limit:
    /// a warning naming the file, and that video is not imported.
    public static let maximumInfoJSONBytes: Int64 = 32 << 20

    /// The largest RSS/podcast feed read by `talks import-feed`, in bytes (64 MiB). Feeds with
    /// full show notes for hundreds of items reach a few MB.
    public static let maximumFeedFileBytes: Int64 = 64 << 20

    /// The most text one field of a feed or an event page may hold once entity references
    /// are expanded, in UTF-8 bytes (1 MiB): an element's text (a title, a description, a
    /// page's main text) or an attribute's value (a transcript URL). Real descriptions are a
    /// few KB. XML entities make a small feed expand without bound (a 100 KB entity
    /// referenced 2,000 times is 200 MB), so text is counted as it is read and reading stops
    /// here. Over the limit: `import-feed` refuses the feed, `check`/`ingest` reject the
    /// episode of an `episode.html`, naming the file, the line and the field.
    public static let maximumFieldTextBytes = 1 << 20

    /// The most text readers may take out of one feed or event page in all, in UTF-8 bytes:
    /// 4 MiB plus twice the document's size. Without entities a feed or page yields less text
    /// than its own size, and the fields talks reads overlap little; entity references used in
    /// many fields, or elements nested so that the same text is read once per level, pass it.
    /// Over the limit: as for `maximumFieldTextBytes`.
    public static func maximumDocumentTextBytes(documentBytes: Int) -> Int {
        let allowance = 4 << 20
        let size = max(documentBytes, 0)
        return size > (Int.max - allowance) / 2 ? Int.max : allowance + 2 * size
    }

    /// The deepest nesting of arrays and objects in `episode.json` (64). The format nests
    /// two deep (speakers); the bound keeps the recursive parser's stack small.
    public static let maximumJSONDepth = 64

    /// The most `episode.json` bytes an archive scan keeps parsed for loading (64 MiB, some
    /// 80,000 typical files). The scan reads every `episode.json` for its id and keeps the
    /// parsed file so loading does not read it again; past this total it keeps only the id,
    /// and those episodes' metadata is read again when they are loaded. Nothing is
    /// rejected: the bound only keeps an archive of huge metadata files from filling memory.
    public static let maximumScanKeptMetadataBytes = 64 << 20

    /// The longest episode id, in UTF-8 bytes (128): ids become folder names and URL paths.
    public static let maximumEpisodeIDBytes = 128
}
