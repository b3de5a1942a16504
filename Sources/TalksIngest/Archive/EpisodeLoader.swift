import TalksModel
import TalksTranscript

/// Reads one `EpisodeSource` into a validated `LoadedEpisode`, or rejects it with reasons.
///
/// Metadata comes from `episode.json` (`EpisodeJSONReader`, usually read by the scan
/// already) or `episode.html` (`EpisodePageReader`), the transcript from TalksTranscript's
/// `TranscriptReader`. Each file is read once: its bytes are hashed and parsed from the same
/// read. Files larger than their `IngestLimits` are refused before reading, and so are files
/// whose real path leaves the archive (`ArchiveRoot`). Problems in the metadata and the
/// transcript are all collected, so one run names every fix needed.
/// `contentHash` is XXH64 over the file names, lengths and bytes of both files.
public enum EpisodeLoader {
    public static func load(_ source: EpisodeSource) -> Result<LoadedEpisode, EpisodeRejection> {
        parse(read(source))
    }

    /// Loads an episode for an incremental ingest: `.unchanged` when the content hash of its
    /// files equals `indexedContentHash` (the very bytes already indexed), recognised from the
    /// bytes without parsing the transcript.
    public static func load(_ source: EpisodeSource, unlessContentHashIs indexedContentHash: String?) -> EpisodeLoad {
        let files = read(source)
        if let indexedContentHash, files.contentHash == indexedContentHash {
            return .unchanged(contentHash: indexedContentHash)
        }
        switch parse(files) {
        case .success(let loaded): return .loaded(loaded)
        case .failure(let rejection): return .rejected(rejection)
        }
    }

    /// An episode's files read and hashed: the metadata parsed, the transcript not yet.
    struct Files {
        var source: EpisodeSource
        var metadata: EpisodeMetadata
        var transcript: (path: String, format: TranscriptFormat, bytes: [UInt8])?
        /// `chapters.vtt`, when the folder has one and it could be read.
        var chapters: (path: String, bytes: [UInt8])?
        /// XXH64 over both files; nil when either could not be read.
        var contentHash: String?
        /// Problems reading the transcript (missing, too large, not a regular file).
        var diagnostics: [Diagnostic]
    }

    /// Reads the transcript (and the metadata unless the scan read it) and finishes the hash.
    static func read(_ source: EpisodeSource) -> Files {
        let metadataFile = source.metadataFile
            ?? MetadataFile.read(source.metadataPath, folder: source.folder, archive: source.archive)
        guard let path = source.transcriptPath else {
            let missing = Diagnostic(
                .error, file: source.folder,
                "missing transcript: add transcript.vtt (WebVTT) or transcript.srt (SubRip) to the folder")
            return Files(source: source, metadata: metadataFile.metadata, transcript: nil, contentHash: nil,
                         diagnostics: [missing])
        }
        // The transcript is read even when the metadata could not be, so one run names
        // every problem; the hash is whole only when both files were read.
        var diagnostics: [Diagnostic] = []
        var hasher = metadataFile.hasher ?? ContentHasher()
        let read = readTranscriptBytes(path, archive: source.archive, hasher: &hasher, diagnostics: &diagnostics)
        let complete = metadataFile.hasher != nil && read != nil
        let chapters = source.chaptersPath.flatMap {
            readChaptersBytes($0, archive: source.archive, hasher: &hasher, diagnostics: &diagnostics)
        }
        return Files(source: source, metadata: metadataFile.metadata, transcript: read.map { (path, $0.format, $0.bytes) },
                     chapters: chapters, contentHash: complete ? hasher.hexDigest() : nil, diagnostics: diagnostics)
    }

    /// Parses the transcript and validates the whole episode.
    static func parse(_ files: Files) -> Result<LoadedEpisode, EpisodeRejection> {
        let source = files.source
        var diagnostics = files.metadata.diagnostics + files.diagnostics
        var transcript: Transcript?
        if let file = files.transcript {
            transcript = parseTranscript(file.bytes, format: file.format, path: file.path, diagnostics: &diagnostics)
        }
        var episode = files.metadata.episode
        if let chapters = files.chapters, var withChapters = episode {
            if withChapters.chapters.isEmpty {
                withChapters.chapters = ChaptersFile.read(chapters.bytes, file: chapters.path, diagnostics: &diagnostics)
                episode = withChapters
            } else {
                diagnostics.append(Diagnostic(.warning, file: chapters.path,
                    "ignored: \(FileSystem.lastComponent(source.metadataPath)) has chapters of its own, and those are used"))
            }
        }
        if let episode, episode.id != source.id {
            diagnostics.append(Diagnostic(.error, file: source.metadataPath, "the id \(Excerpt.quoted(episode.id, quote: "'")) differs from the scanned id \(Excerpt.quoted(source.id, quote: "'"))"))
        }
        guard let episode, let transcript, let contentHash = files.contentHash,
              !diagnostics.contains(where: { $0.severity == .error }) else {
            return .failure(EpisodeRejection(source: source, diagnostics: diagnostics))
        }
        return .success(LoadedEpisode(
            episode: episode, transcript: transcript, contentHash: contentHash,
            sourcePath: source.folder, diagnostics: diagnostics))
    }

    /// Reads and parses a transcript file of `archive`, reporting failures as diagnostics.
    static func readTranscript(_ path: String, archive: ArchiveRoot, hasher: inout ContentHasher, diagnostics: inout [Diagnostic]) -> Transcript? {
        guard let read = readTranscriptBytes(path, archive: archive, hasher: &hasher, diagnostics: &diagnostics) else { return nil }
        return parseTranscript(read.bytes, format: read.format, path: path, diagnostics: &diagnostics)
    }

    /// Reads a transcript file of `archive` and adds its bytes to `hasher`; nil (with a
    /// diagnostic) when the name is not a transcript's or the file cannot be read within its
    /// limit or inside the archive.
    static func readTranscriptBytes(
        _ path: String, archive: ArchiveRoot, hasher: inout ContentHasher, diagnostics: inout [Diagnostic]
    ) -> (format: TranscriptFormat, bytes: [UInt8])? {
        let name = FileSystem.lastComponent(path)
        let extensionText = name.split(separator: ".").last.map(String.init) ?? ""
        guard let format = TranscriptFormat(pathExtension: extensionText) else {
            diagnostics.append(Diagnostic(.error, file: path, "not a transcript: the name must end in .vtt or .srt"))
            return nil
        }
        let bytes: [UInt8]
        do {
            bytes = try archive.readFile(path, limit: IngestLimits.maximumTranscriptFileBytes)
        } catch {
            diagnostics.append(diagnostic(for: error, file: path, kind: "a transcript"))
            return nil
        }
        hasher.update(field: name)
        hasher.update(length: bytes.count)
        hasher.update(bytes)
        return (format, bytes)
    }

    /// Reads `chapters.vtt` and adds its name and bytes to `hasher` (an episode without one
    /// hashes as before); nil with a warning when it cannot be read: chapters are optional.
    static func readChaptersBytes(
        _ path: String, archive: ArchiveRoot, hasher: inout ContentHasher, diagnostics: inout [Diagnostic]
    ) -> (path: String, bytes: [UInt8])? {
        do {
            let bytes = try archive.readFile(path, limit: IngestLimits.maximumChaptersFileBytes)
            hasher.update(field: FileSystem.lastComponent(path))
            hasher.update(length: bytes.count)
            hasher.update(bytes)
            return (path, bytes)
        } catch {
            var problem = diagnostic(for: error, file: path, kind: "a chapters file")
            problem.severity = .warning
            problem.message += " (no chapters read)"
            diagnostics.append(problem)
            return nil
        }
    }

    /// Checks a transcript's bytes are UTF-8 and parses them, reporting failures as diagnostics.
    static func parseTranscript(
        _ bytes: [UInt8], format: TranscriptFormat, path: String, diagnostics: inout [Diagnostic]
    ) -> Transcript? {
        if let problem = UTF8Validation.firstProblem(in: bytes) {
            let hex = String(problem.byte, radix: 16, uppercase: true)
            diagnostics.append(Diagnostic(.error, file: path, line: problem.line,
                "not UTF-8: byte 0x\(hex) at column \(problem.column) (is the file saved as Windows-1252 or Latin-1?); "
                + "save it as UTF-8, otherwise letters like å, ä and ö cannot be found"))
            return nil
        }
        do {
            let transcript = try TranscriptReader.read(bytes, format: format, file: path)
            diagnostics += transcript.diagnostics
            if transcript.cues.isEmpty {
                diagnostics.append(Diagnostic(.warning, file: path, "the transcript has no cues; nothing in it can be found"))
            }
            return transcript
        } catch {
            diagnostics.append(transcriptDiagnostic(error, file: path))
            return nil
        }
    }

    static func transcriptDiagnostic(_ error: TranscriptError, file: String) -> Diagnostic {
        Diagnostic(.error, file: error.file, line: error.line, error.reason)
    }

    /// `kind` names what the file is for in the size-limit message ("episode metadata").
    static func diagnostic(for error: IngestError, file: String, kind: String = "this kind of file") -> Diagnostic {
        switch error {
        case .notFound:
            return Diagnostic(.error, file: file, "the file does not exist")
        case .fileTooLarge(_, let size, let limit):
            return Diagnostic(.error, file: file, "the file is \(size) bytes, more than the limit of \(limit) bytes "
                + "(\(limit >> 20) MiB) for \(kind); it was not read")
        case .wrongKind(_, let expected):
            return Diagnostic(.error, file: file, "expected \(expected)")
        case .systemError(_, let operation, let reason):
            return Diagnostic(.error, file: file, "\(operation) failed: \(reason)")
        case .invalidInput(_, let line, let reason):
            return Diagnostic(.error, file: file, line: line, reason)
        case .alreadyExists:
            return Diagnostic(.error, file: file, error.description)
        case .outsideArchive(_, let realPath, let archive):
            return Diagnostic(.error, file: file, IngestError.outsideArchiveReason(realPath: realPath, archive: archive))
        }
    }
}
