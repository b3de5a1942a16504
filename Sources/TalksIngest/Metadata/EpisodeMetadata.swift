import TalksModel

/// The outcome of reading one metadata file: the episode when it is usable, and every
/// warning and error found on the way (all of them, not just the first).
public struct EpisodeMetadata: Sendable, Hashable {
    /// nil when any error was found.
    public var episode: Episode?
    public var diagnostics: [Diagnostic]

    public init(episode: Episode?, diagnostics: [Diagnostic]) {
        self.episode = episode
        self.diagnostics = diagnostics
    }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
}
