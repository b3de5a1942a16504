import TalksModel

/// An episode (or folder) that was not indexed, and why.
public struct IngestRejection: Sendable, Hashable {
    /// The episode id, when the scanner found one.
    public var id: String?
    /// The folder, as the user named it.
    public var path: String
    /// The reasons, each with file and line where known.
    public var diagnostics: [Diagnostic]
}
