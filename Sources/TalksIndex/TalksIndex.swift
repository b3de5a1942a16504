/// TalksIndex: the on-disk inverted index.
///
/// Immutable segments (term dictionary, postings, positions, lengths, stored cues,
/// episode metadata) named by an atomically replaced manifest; one writer, many readers.
/// The byte format is documented in `FORMAT.md` beside this file.
public enum TalksIndex {}
