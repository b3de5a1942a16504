/// TalksTranscript: WebVTT and SRT transcripts, bytes in, cues and diagnostics out.
///
/// Implements the W3C WebVTT file parsing algorithm (`WebVTTParser`) and cue text parsing
/// rules (`CueTextParser`), a tolerant SubRip reader (`SubRipParser`), and speaker attribution
/// (`SpeakerAttribution`: voice spans, unambiguous `Name:` prefixes as Zoom writes them,
/// consistent speaker-change marks, Teams utterances split over several cues).
/// `TranscriptReader.read` combines them into the `Transcript` ingest indexes.
///
/// Decisions for indexing, made here once:
/// - Plain text drops markup and timestamps and also ruby text (`<rt>`), as the spec's chapter
///   title rule does: ruby text repeats the base text as a reading aid.
/// - Line breaks inside a cue are kept as "\n"; each line is trimmed and blank lines dropped.
/// - Timestamp tags (`<00:01:02.500>`) become word timings (`Cue.wordTimes`): the word after a
///   tag is said at its time; tags outside the cue or going back in time are ignored with a
///   warning.
/// - Rolling captions (YouTube's automatic captions, roll-up captions) are recognised by their
///   shape whatever the file format, and each spoken line is kept once (`RollingCaptions`);
///   `Transcript.notes` says so. Other files come out exactly as read.
/// - Limits (`TranscriptLimits`): files over 64 MiB or with over 100,000 cues are rejected; cue
///   text over 16 KiB is truncated with a warning naming the line and the limit.
///
/// It does no file I/O (callers hand it bytes and the path to name in diagnostics) and no
/// rendering: cue settings and regions are parsed to their DOM values but not used for layout.
public enum TalksTranscript {}
