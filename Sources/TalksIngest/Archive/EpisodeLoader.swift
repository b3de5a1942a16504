import TalksModel
import TalksTranscript

/// Reads one `EpisodeSource` into a validated `LoadedEpisode`, or rejects it with reasons.
///
/// Metadata comes from `episode.json` (`EpisodeJSONReader`) or `episode.html`
/// (`EpisodePageReader`), the transcript from TalksTranscript's `TranscriptReader`. Files
/// larger than their `IngestLimits` are refused before reading, and so are files whose real
/// path leaves the archive (`ArchiveRoot`). Problems in the
/// metadata and the transcript are all collected, so one run names every fix needed.
/// `contentHash` is XXH64 over the file names, lengths and bytes of both files.
public enum EpisodeLoader {
    public static func load(_ source: EpisodeSource) -> Result<LoadedEpisode, EpisodeRejection> {
        var diagnostics: [Diagnostic] = []
        var hasher = ContentHasher()

        var episode: Episode?
        do {
            let bytes = try source.archive.readFile(source.metadataPath, limit: IngestLimits.maximumMetadataFileBytes)
            hasher.update(field: FileSystem.lastComponent(source.metadataPath))
            hasher.update(length: bytes.count)
            hasher.update(bytes)
            let folderName = FileSystem.folderName(source.folder)
            let metadata = source.metadataPath.hasSuffix(".html")
                ? EpisodePageReader.read(bytes, file: source.metadataPath, defaultID: folderName)
                : EpisodeJSONReader.read(bytes, file: source.metadataPath, defaultID: folderName)
            diagnostics += metadata.diagnostics
            episode = metadata.episode
        } catch {
            diagnostics.append(diagnostic(for: error, file: source.metadataPath, kind: "episode metadata"))
        }

        var transcript: Transcript?
        if let transcriptPath = source.transcriptPath {
            transcript = readTranscript(transcriptPath, archive: source.archive, hasher: &hasher, diagnostics: &diagnostics)
        } else {
            diagnostics.append(Diagnostic(
                .error, file: source.folder,
                "missing transcript: add transcript.vtt (WebVTT) or transcript.srt (SubRip) to the folder"))
        }

        if let episode, episode.id != source.id {
            diagnostics.append(Diagnostic(.error, file: source.metadataPath, "the id \(Excerpt.quoted(episode.id, quote: "'")) differs from the scanned id \(Excerpt.quoted(source.id, quote: "'"))"))
        }
        guard let episode, let transcript, !diagnostics.contains(where: { $0.severity == .error }) else {
            return .failure(EpisodeRejection(source: source, diagnostics: diagnostics))
        }
        return .success(LoadedEpisode(
            episode: episode, transcript: transcript, contentHash: hasher.hexDigest(),
            sourcePath: source.folder, diagnostics: diagnostics))
    }

    /// Reads and parses a transcript file of `archive`, reporting failures as diagnostics.
    static func readTranscript(_ path: String, archive: ArchiveRoot, hasher: inout ContentHasher, diagnostics: inout [Diagnostic]) -> Transcript? {
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
