import TalksModel

/// What `ArchiveScanner.scan` found: the episodes to load, sorted by id, and problems with
/// the archive's layout (a folder without metadata, two folders with one id).
public struct ArchiveScan: Sendable, Hashable {
    public var sources: [EpisodeSource]
    /// Layout problems. Errors here mean a folder was left out of `sources`.
    public var diagnostics: [Diagnostic]

    public init(sources: [EpisodeSource] = [], diagnostics: [Diagnostic] = []) {
        self.sources = sources
        self.diagnostics = diagnostics
    }

    /// Whether any folder was left out because of an error (exit status 65).
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
