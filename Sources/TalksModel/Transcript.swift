/// The cues of one transcript file plus what the parser noticed on the way.
public struct Transcript: Sendable, Hashable {
    public var cues: [Cue]
    /// Warnings about skipped or repaired input; errors make a transcript unusable and are
    /// thrown instead (see `TranscriptError` in TalksTranscript).
    public var diagnostics: [Diagnostic]

    public init(cues: [Cue] = [], diagnostics: [Diagnostic] = []) {
        self.cues = cues
        self.diagnostics = diagnostics
    }
}
