#if canImport(Glibc)
import Glibc
#endif
import TalksAnalysis
import TalksSystem

/// Turns one in-memory `SegmentBuilder` into an immutable segment on disk: serializes it
/// into the seven segment files, fsyncs them all and opens the result.
///
/// Why apart from `IndexWriter`: writing a segment needs only the builder, the directory
/// and the words of the segments already written (`CompoundLexicon`); the writer's lock,
/// episode map, memory accounting and commits are none of its business. Flushes and
/// merges both write through it.
///
/// With two workers or more, the cue text is Huffman-coded and the `.store` written while
/// the vocabulary is sorted and keyed; then the expansion tables are built while the
/// postings, terms, lengths and episodes files are written. Files are written without
/// waiting and fsynced together at the end, so the kernel writes the first back while the
/// later ones are still being built. Nothing is visible to readers until a manifest names
/// the segment (`IndexWriter.commit`). The bytes do not depend on the number of workers.
struct SegmentWriter {
    let directory: String
    /// Threads the writing may use (`Parallel`); 1 writes everything in turn.
    let workers: Int
    /// The Swedish analysis the expansion tables are built with (its lexicon, if any).
    var analysis = IndexAnalysis(nil)
    /// Test hook: called before each file is written with "write <file name>", may throw to
    /// simulate a full disk there.
    let faultInjection: (@Sendable (String) throws(IndexError) -> Void)?

    /// Writes `builder` as segment `id` (the builder is consumed: its buffers are freed as
    /// they are written), fsyncs its files and opens it. `lexicon` (the other segments'
    /// words and keys) gets this segment's added.
    func write(
        _ builder: inout SegmentBuilder, as id: SegmentID, lexicon: inout CompoundLexicon
    ) throws(IndexError) -> IndexWriter.SegmentState {
        var clock = PhaseClock()
        // The lanes' raw stores are moved into the store task and freed as they are joined,
        // and the coded text is freed once written: the store is the biggest part of a builder.
        var stores = [builder.cueStore] + builder.joinedStores
        builder.cueStore = CueStoreBuilder()
        builder.joinedStores = []
        var snapshot: SegmentBuilder? = builder
        let (storeOutcome, sorted) = Parallel.both(workers: workers, {
            var parts = stores
            stores = []
            return writeStore(joining: &parts, as: id)
        }, { () -> (ids: [Int], vocabulary: Vocabulary) in
            snapshot.map { $0.sortedVocabulary(workers: workers, dictionary: analysis.lexicon) } ?? ([], Vocabulary(terms: [], workers: 1))
        })
        let storePath = try storeOutcome.get()
        // Drop the read-only copy so serializing mutates the buffers in place.
        snapshot = nil
        clock.lap("store text and vocabulary keys")
        sorted.vocabulary.addLexicon(to: &lexicon)
        clock.lap("lexicon")
        let finalLexicon = lexicon
        let (expansionSections, outcome) = Parallel.both(workers: workers, {
            var clock = PhaseClock()
            defer { clock.lap("build"); clock.report("expansion tables") }
            return ExpansionTablesWriter.build(sorted.vocabulary, lexicon: finalLexicon, dictionary: analysis.lexicon,
                                               workers: workers)
        }, { () -> Result<[String], IndexError> in
            var clock = PhaseClock()
            defer { clock.lap("serialize"); clock.report("postings, terms, lengths, episodes") }
            var written: [String] = [storePath]
            do throws(IndexError) {
                try builder.serialize(as: id, sorted: sorted) { (kind) throws(IndexError) -> FileContainerWriter in
                    try faultInjection?("write \(id.fileName(kind))")
                    let path = directory + "/" + id.fileName(kind)
                    let file = try FileContainerWriter(path: path, kind: kind, segment: id)
                    written.append(path)
                    return file
                }
                return .success(written)
            } catch {
                return .failure(error)
            }
        })
        clock.lap("postings and expansion tables")
        var written = try outcome.get()
        try faultInjection?("write \(id.fileName(.expansions))")
        let expansionsPath = directory + "/" + id.fileName(.expansions)
        try FileContainerWriter.write(path: expansionsPath, kind: .expansions, segment: id, sections: expansionSections)
        written.append(expansionsPath)
        clock.lap("expansions file")
        for path in written { try FileSystem.syncFile(path) }
        clock.lap("fsync")
        clock.report("write \(id)")
        let deleted = builder.deleted
        let reader = try SegmentReader(directory: directory, id: id, deleted: Array(deleted))
        return IndexWriter.SegmentState(reader: reader, deleted: deleted, analysis: analysis.name)
    }

    /// Joins the lanes' cue stores (each freed once copied), codes the text and writes the
    /// `.store` file; its path.
    private func writeStore(joining parts: inout [CueStoreBuilder], as id: SegmentID) -> Result<String, IndexError> {
        guard !parts.isEmpty else { return .failure(.io(call: "write", path: directory, errno: EINVAL)) }
        var whole = parts.removeFirst()
        let extraRecords = parts.reduce(0) { $0 + $1.records.count }
        let extraCues = parts.reduce(0) { $0 + $1.offsets.count }
        whole.records.bytes.reserveCapacity(whole.records.count + extraRecords)
        whole.offsets.reserveCapacity(whole.offsets.count + extraCues)
        while !parts.isEmpty {
            let part = parts.removeFirst()
            whole.absorb(part)
        }
        let sections = whole.sections()
        whole = CueStoreBuilder()
        let path = directory + "/" + id.fileName(.store)
        do throws(IndexError) {
            try faultInjection?("write \(id.fileName(.store))")
            try FileContainerWriter.write(path: path, kind: .store, segment: id, sections: sections)
            return .success(path)
        } catch {
            return .failure(error)
        }
    }
}
