import TalksModel

/// Brings one episode folder up to date with the files an import would write, touching it
/// only when something differs: what makes `talks import-ytdlp` idempotent.
///
/// A folder that already holds every file with exactly these bytes (and no other transcript
/// or metadata file that would be read instead) is left alone, byte for byte and timestamp
/// for timestamp. Otherwise the folder is written anew through `EpisodeFolderWriter`
/// (temporary folder, rename), with the organiser's other files in it (`chapters.vtt`, notes)
/// carried over: the import owns `episode.json`, `episode.html` and the transcript, nothing else.
enum EpisodeFolderUpdate {
    enum Result: Sendable, Hashable {
        case created
        case updated
        case unchanged
    }

    /// The names the import owns: written by it, or replaced when it writes the others.
    static let ownedNames: Set<String> = Set(ArchiveScanner.metadataNames + ArchiveScanner.transcriptNames)

    static func apply(
        _ files: [EpisodeFolderWriter.File], id: String, archive: String, root: ArchiveRoot, diagnostics: inout [Diagnostic]
    ) throws(IngestError) -> Result {
        let folder = FileSystem.join(archive, id)
        guard let kind = FileSystem.kind(of: folder) else {
            try EpisodeFolderWriter.write(files, id: id, archive: archive)
            return .created
        }
        guard kind == .directory else { throw .wrongKind(path: folder, expected: "an episode folder") }
        _ = try root.checkedRealPath(of: folder)
        let present = try FileSystem.listDirectory(folder)
        let written = Set(files.map(\.name))
        let stray = present.filter { ownedNames.contains($0) && !written.contains($0) }
        if stray.isEmpty, files.allSatisfy({ file in
            (try? root.readFile(FileSystem.join(folder, file.name), limit: Int64(file.bytes.count))) == file.bytes
        }) {
            return .unchanged
        }
        var carried = files
        for name in present where !name.hasPrefix(".") && !ownedNames.contains(name) {
            let path = FileSystem.join(folder, name)
            guard FileSystem.kind(of: path) == .file else {
                diagnostics.append(Diagnostic(.warning, file: path, "not a plain file; not kept when the folder was updated"))
                continue
            }
            do {
                carried.append(EpisodeFolderWriter.File(name: name, bytes: try root.readFile(path, limit: IngestLimits.maximumTranscriptFileBytes)))
            } catch {
                var problem = EpisodeLoader.diagnostic(for: error, file: path)
                problem.severity = .warning
                problem.message += "; not kept when the folder was updated"
                diagnostics.append(problem)
            }
        }
        try EpisodeFolderWriter.write(carried, id: id, archive: archive)
        return .updated
    }
}
