/// The cues of one transcript file plus what the parser noticed on the way.
public struct Transcript: Sendable, Hashable {
    public var cues: [Cue]
    /// Warnings about skipped or repaired input; errors make a transcript unusable and are
    /// thrown instead (see `TranscriptError` in TalksTranscript).
    public var diagnostics: [Diagnostic]
    /// What the reader did to the whole file that changes what is indexed without anything
    /// being wrong (severity `.note`), such as collapsing rolling captions
    /// ("rolling captions: 3,032 cues → 1,516 lines"). `talks check` prints them; they are
    /// not warnings, so ingest does not count them as problems.
    public var notes: [Diagnostic]

    public init(cues: [Cue] = [], diagnostics: [Diagnostic] = [], notes: [Diagnostic] = []) {
        self.cues = cues
        self.diagnostics = diagnostics
        self.notes = notes
    }

    /// The speakers the transcript itself names (voice spans, `Name:` prefixes), each once,
    /// in order of first appearance: for an episode whose metadata lists no speakers, these
    /// are its speakers.
    public var speakers: [String] {
        var names: [String] = []
        var seen: Set<String> = []
        for cue in cues {
            if let speaker = cue.speaker, seen.insert(speaker).inserted { names.append(speaker) }
        }
        return names
    }
}
