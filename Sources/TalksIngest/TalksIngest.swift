/// TalksIngest: from an organiser's folders to validated episodes ready for indexing.
///
/// Reads `archive/<id>/episode.json` (or `episode.html`, via libxml2) and the transcript
/// beside it (and a `chapters.vtt`, `Chapters/`), imports RSS/podcast feeds (`Feed/`) and
/// folders fetched with yt-dlp (`YtDlp/`), computes content hashes for incremental ingest
/// and builds `talks check` reports. It does not index anything. Its file-system calls go
/// through TalksSystem (`Support/FileSystem.swift`), whose errors become `IngestError`s.
public enum TalksIngest {}
