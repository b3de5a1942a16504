/// TalksIndex: the on-disk inverted index of talks.
///
/// What it does: turns `LoadedEpisode`s into immutable segments (term dictionary,
/// postings with frequencies and positions, field lengths, Huffman-coded stored cues,
/// episode metadata, expansion tables for inflections, compounds and å/ä/ö folding), names
/// the live ones in an atomically replaced `manifest.json`, and reads them back through
/// memory maps. One writer (`IndexWriter`, holding `.write.lock`), any number of readers
/// (`IndexReader`, one immutable generation each). `ArchiveIngester` runs an incremental
/// ingest on both cores; `IndexVerifier` checks every byte. The byte format is
/// documented in `FORMAT.md` beside this file.
///
/// What it does not do: parse archives or transcripts (TalksIngest, TalksTranscript),
/// decide what a token is (TalksAnalysis), parse queries, rank or make snippets
/// (TalksSearch). It stores the analyser's normalised tokens, never stems: stemming,
/// inflection and compounds are resolved at query time through the expansion tables.
///
/// Layout: Codec/ (VarInt, CRC-32C, file container, file kinds), Directory/ (the index's
/// file operations, mmap and the writer lock over TalksSystem, whose `SystemCallError`
/// becomes `IndexError.io`), TermDictionary/ (dictionary reader,
/// expansion tables), Postings/ (list builder and cursor), Store/ (cues, episodes, the
/// Huffman text code), Segment/ (builder, serializer, reader), Commit/ (manifest, writer,
/// merge policy), Reader/ (index snapshot, statistics), Ingest/ (archive ingest),
/// Verify/ (`talks verify`).
public enum TalksIndex {}
