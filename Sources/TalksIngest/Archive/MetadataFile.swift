import TalksModel

/// An episode's metadata file (`episode.json` or `episode.html`) read once: what its reader
/// made of it, and the content hash begun over its bytes.
///
/// The archive scan reads `episode.json` this way (it needs the id for duplicates and order)
/// and keeps the result in the `EpisodeSource`, so loading the episode reads only the
/// transcript: each file is read, hashed and parsed once per ingest.
struct MetadataFile: Sendable, Hashable {
    var metadata: EpisodeMetadata
    /// The content hash so far (the file's name, length and bytes); nil when the file could
    /// not be read (`metadata` then holds the error).
    var hasher: ContentHasher?
    /// The file's size in bytes (0 when it could not be read).
    var byteCount = 0

    /// Reads and parses the metadata file at `path` of the episode folder `folder` in
    /// `archive`; the folder's name is the id when the file declares none. Files larger than
    /// their limit, or whose real path leaves the archive, are refused before reading.
    static func read(_ path: String, folder: String, archive: ArchiveRoot) -> MetadataFile {
        let bytes: [UInt8]
        do {
            bytes = try archive.readFile(path, limit: IngestLimits.maximumMetadataFileBytes)
        } catch {
            let problem = EpisodeLoader.diagnostic(for: error, file: path, kind: "episode metadata")
            return MetadataFile(metadata: EpisodeMetadata(episode: nil, diagnostics: [problem]), hasher: nil)
        }
        var hasher = ContentHasher()
        hasher.update(field: FileSystem.lastComponent(path))
        hasher.update(length: bytes.count)
        hasher.update(bytes)
        let folderName = FileSystem.folderName(folder)
        let metadata = path.hasSuffix(".html")
            ? EpisodePageReader.read(bytes, file: path, defaultID: folderName)
            : EpisodeJSONReader.read(bytes, file: path, defaultID: folderName)
        return MetadataFile(metadata: metadata, hasher: hasher, byteCount: bytes.count)
    }
}
