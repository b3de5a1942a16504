/// TalksIndex: the on-disk inverted index of talks, the storage engine.
///
/// What it does: takes `IndexableEpisode`s (an episode's facts, its cues, a content hash
/// and where it came from: its one input type, whoever made it) and turns them into
/// immutable segments (term dictionary, postings with frequencies and positions, field
/// lengths, Huffman-coded stored cues, episode metadata, expansion tables for inflections,
/// compounds and å/ä/ö folding), names the live ones in an atomically replaced
/// `manifest.json`, and reads them back through memory maps. One writer (`IndexWriter`,
/// holding `.write.lock`), any number of readers (`IndexReader`, one immutable generation
/// each). A parallel ingest hands analysed episodes to the writer's per-thread builders
/// through a `LaneBatch`; `IndexVerifier` checks every byte. The byte format is documented
/// in `FORMAT.md` beside this file.
///
/// What it does not do: know archives, folders or transcript files (TalksIngest reads
/// them, TalksIndexing drives scan → load → analyse → write and owns the threads), decide
/// what a token is (TalksAnalysis), parse queries, rank or make snippets (TalksSearch). It
/// stores the analyser's normalised tokens, never stems: stemming, inflection and
/// compounds are resolved at query time through the expansion tables.
///
/// Layout: Input/ (`IndexableEpisode`, `EpisodeAnalyzer` → `AnalysedEpisode`, token
/// streams), Codec/ (VarInt, CRC-32C, file container, file kinds), Directory/ (the index's
/// file operations, mmap and the writer lock over TalksSystem, whose `SystemCallError`
/// becomes `IndexError.io`), TermDictionary/ (dictionary reader, expansion tables),
/// Postings/ (list builder and cursor), Store/ (cues, episodes, the Huffman text code),
/// Segment/ (builder, serializer, reader, term hash table), Commit/ (manifest, writer,
/// lane batches, merge policy), Reader/ (index snapshot, statistics), Verify/ (`talks verify`),
/// Publish/ (`talks publish`: a generation copied to a replica's folder, manifest last).
public enum TalksIndex {}
