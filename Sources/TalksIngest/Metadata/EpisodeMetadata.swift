import TalksModel

/// The outcome of reading one metadata file: the episode when it is usable, and every
/// warning and error found on the way (all of them, not just the first).
public struct EpisodeMetadata: Sendable, Hashable {
    /// nil when any error was found.
    public var episode: Episode?
    public var diagnostics: [Diagnostic]
    /// The id the file itself declares (`episode.json`'s `id` field, when it is a string),
    /// even when other errors left `episode` nil: the archive scan files the episode under
    /// it. Nil when the file declares none and the folder name is the id.
    public var declaredID: String?
    /// The line of that declaration, for messages ("declared at episode.json:2").
    public var declaredIDLine: Int?

    public init(episode: Episode?, diagnostics: [Diagnostic], declaredID: String? = nil, declaredIDLine: Int? = nil) {
        self.episode = episode
        self.diagnostics = diagnostics
        self.declaredID = declaredID
        self.declaredIDLine = declaredIDLine
    }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
}
