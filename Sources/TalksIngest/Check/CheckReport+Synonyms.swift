import TalksModel

/// `talks check ARCHIVE` also checks the archive's `synonyms.txt` (when it has one): every
/// wrong line named with file:line (`SynonymFile`), so organisers see a mistake before a
/// viewer misses a match. Search reads the same file at query time and leaves such lines out.
extension CheckReport {
    /// The entry for `folder/synonyms.txt`, or nil when the folder has none.
    static func checkSynonyms(inArchive folder: String) -> Entry? {
        let path = folder.hasSuffix("/") ? folder + SynonymFile.fileName : folder + "/" + SynonymFile.fileName
        guard FileSystem.kind(of: path) != nil else { return nil }
        var entry = Entry(kind: .synonyms, id: SynonymFile.fileName, path: path)
        do {
            let bytes = try FileSystem.readFile(path, limit: Int64(SynonymFile.maximumFileBytes))
            let file = SynonymFile.parse(bytes, path: path)
            entry.synonymGroups = file.groups.count
            entry.warnings = file.diagnostics.filter { $0.severity == .warning }
            entry.errors = file.diagnostics.filter { $0.severity == .error }
        } catch {
            entry.errors = [EpisodeLoader.diagnostic(for: error, file: path, kind: "a synonyms file")]
        }
        return entry
    }
}
