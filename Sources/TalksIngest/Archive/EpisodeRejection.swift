import TalksModel

/// An episode that could not be loaded, with every reason found (file:line each).
///
/// Ingest and `talks check` carry on with the other episodes and report rejections at the
/// end; any rejection makes the exit status 65 (data error).
public struct EpisodeRejection: TalksError, Hashable {
    public var source: EpisodeSource
    /// Errors first-class, warnings kept for context.
    public var diagnostics: [Diagnostic]

    public init(source: EpisodeSource, diagnostics: [Diagnostic]) {
        self.source = source
        self.diagnostics = diagnostics
    }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    public var description: String {
        let reasons = errors.isEmpty ? diagnostics : errors
        var text = "episode '\(source.id)' (\(source.folder)) was rejected:"
        for diagnostic in reasons {
            text += "\n  \(diagnostic)"
        }
        return text
    }

    public var exitStatus: Int32 { ExitStatus.dataError }
}
