/// What one `IndexPublisher.publish` did, for the summary line
/// ("published generation 14: 3 segments copied (12.4 MB), 5 unchanged, 2 scheduled for removal").
public struct PublishSummary: Sendable, Equatable {
    /// The generation the destination serves now (the source's).
    public var generation: UInt64
    /// The generation it served before, nil when it held no index.
    public var previousGeneration: UInt64?
    /// Segments with at least one file copied, and the files and bytes copied.
    public var segmentsCopied: Int
    public var filesCopied: Int
    public var bytesCopied: Int
    /// Segments of the generation whose every file was already there and equal.
    public var segmentsUnchanged: Int
    /// Segments the destination's manifest no longer names, kept for the grace period.
    public var segmentsScheduledForRemoval: Int
    /// Segments whose grace period had passed, removed by this publish.
    public var segmentsRemoved: Int
    /// Times the source committed during the copy and the copy began again.
    public var restarts: Int
    /// Whether the destination's manifest was replaced (false: it already was this generation).
    public var manifestReplaced: Bool
}

/// One step of a publish, reported as it happens (the CLI prints them on stderr).
public enum PublishEvent: Sendable, Equatable {
    /// A file was copied, fsynced, verified and renamed into place.
    case copied(file: String, bytes: Int)
    /// The source committed meanwhile: the copy begins again from its new manifest.
    case restarted(generation: UInt64)
    /// An unreferenced file's grace period had passed and it was removed.
    case removed(file: String)
}
