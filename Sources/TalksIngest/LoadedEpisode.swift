import TalksModel

/// An episode read from the archive and validated: metadata plus cues, ready to index.
///
/// `contentHash` covers every byte the episode was built from (metadata and transcript),
/// so incremental ingest can tell an unchanged episode from a changed one without
/// re-reading the index.
public struct LoadedEpisode: Sendable, Hashable {
    public var episode: Episode
    public var transcript: Transcript
    /// Lowercase hex digest of the episode's source files.
    public var contentHash: String
    /// The episode folder (or file) it was read from, as the user named it.
    public var sourcePath: String
    /// Warnings about the metadata and the transcript (the transcript's own are also in
    /// `transcript.diagnostics`). A loaded episode has no errors.
    public var diagnostics: [Diagnostic]

    public init(episode: Episode, transcript: Transcript, contentHash: String, sourcePath: String, diagnostics: [Diagnostic] = []) {
        self.diagnostics = diagnostics
        self.episode = episode
        self.transcript = transcript
        self.contentHash = contentHash
        self.sourcePath = sourcePath
    }
}
