extension EpisodeLoader {
    /// The content hash `load` computes (XXH64 over each file's name, length and bytes,
    /// metadata first), from the files alone, without parsing them: how ingest recognises an
    /// unchanged episode cheaply. Nil when a file cannot be read within its `IngestLimits`
    /// (missing, not a regular file, too large); `load` then reports why.
    ///
    /// The files are read with the same checks as `load` (regular files only, sizes checked
    /// before reading, real paths inside the archive), so a FIFO or a link to `/dev/zero`
    /// cannot hang or exhaust memory here, nor a link out of the archive be read.
    public static func contentHash(ofFilesOf source: EpisodeSource) -> String? {
        guard let transcriptPath = source.transcriptPath else { return nil }
        var hasher = ContentHasher()
        let files = [(source.metadataPath, IngestLimits.maximumMetadataFileBytes),
                     (transcriptPath, IngestLimits.maximumTranscriptFileBytes)]
        for (path, limit) in files {
            guard let bytes = try? source.archive.readFile(path, limit: limit) else { return nil }
            hasher.update(field: FileSystem.lastComponent(path))
            hasher.update(length: bytes.count)
            hasher.update(bytes)
        }
        return hasher.hexDigest()
    }
}
