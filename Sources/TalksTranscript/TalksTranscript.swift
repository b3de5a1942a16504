/// TalksTranscript: WebVTT and SRT transcripts, bytes in, cues and diagnostics out.
///
/// Implements the W3C WebVTT file parsing and cue text parsing algorithms, SubRip, and
/// speaker attribution (voice spans and unambiguous `Name:` prefixes). It does no file
/// I/O: callers hand it bytes and the path to name in diagnostics.
public enum TalksTranscript {}
