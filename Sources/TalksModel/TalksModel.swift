/// TalksModel: the plain values every layer of talks shares.
///
/// Episodes, speakers, cues and diagnostics are `Sendable` value types with no behaviour
/// beyond formatting, beside the few small algorithms every layer shares: JSON, the civil
/// calendar, FNV-1a. Parsing files lives in TalksTranscript and TalksIngest; indexing in
/// TalksIndex and TalksIndexing. Nothing here touches the file system.
public enum TalksModel {
    /// The version of talks, shown by `talks --version` and `/health`.
    public static let version = "0.1.0"
}
