import TalksIndex
import TalksModel

/// What `ArchiveIndexer.ingest` did: counts of added, replaced, unchanged and rejected
/// episodes, the warnings, and the generation it committed.
public struct IngestSummary: Sendable {
    public var added = 0
    public var replaced = 0
    public var unchanged = 0
    /// Cues and cue-text bytes of the added and replaced episodes.
    public var cues = 0
    public var bytes = 0
    public var rejections: [IngestRejection] = []
    /// Warnings about episodes that were indexed anyway.
    public var warnings: [Diagnostic] = []
    public var generation: UInt64 = 0
    public var liveEpisodes = 0
    public var seconds: Double = 0
    /// The Swedish analysis of the index after the commit (`IndexAnalysis.summary`).
    public var analysis = IndexAnalysis.none
    /// Why segments written by this ingest are keyed by the rules alone (the Swedish
    /// lexicon is not installed or not readable); nil when it was used or nothing was written.
    public var analysisNotice: String?

    public init() {}
}
