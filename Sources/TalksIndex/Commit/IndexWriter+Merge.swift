import TalksModel

/// Merging: the live episodes of several segments become one new segment.
///
/// Episodes are re-read from the stored metadata and cues as `IndexableEpisode`s and go
/// through the same analysis as an ingest (`IndexWriter.analyse`), so the merged segment's
/// postings, lengths and expansion tables are recomputed exactly as a fresh ingest would
/// build them, and deleted episodes are dropped from disk.
extension IndexWriter {
    func merge(_ group: [SegmentID]) throws(IndexError) {
        let members = segments.filter { group.contains($0.reader.id) }
        guard !members.isEmpty else { return }
        var mergedBuilder = SegmentBuilder()
        var moved: [(String, Int)] = []
        // Episodes are analysed a group at a time (on `threads` threads, at most `mergeGroupEpisodes`
        // episodes and `mergeGroupTextBytes` of cue text), and a long one a slice at a time, so what is in
        // flight stays small beside the merged builder; the add order is the same.
        var pending: [IndexableEpisode] = []
        var pendingText = 0
        func addPending() {
            for item in Self.analyse(pending, with: analyzer, workers: threads) { moved.append((item.episode.id, mergedBuilder.add(item))) }
            pending = []
            pendingText = 0
        }
        for member in members {
            let reader = member.reader
            for ordinal in 0..<reader.episodeCount where !member.deleted.contains(ordinal) {
                let identity = try reader.episodes.identity(ordinal)
                let episode = try reader.episode(ordinal)
                var cues: [Cue] = []
                var text = 0
                for cue in reader.cueRange(ofEpisode: ordinal) {
                    cues.append(try reader.cue(cue))
                    text += cues[cues.count - 1].text.utf8.count
                }
                if text > SegmentBuilder.sliceBytes {
                    addPending()
                    let added = mergedBuilder.add(streaming: episode, cues: &cues, contentHash: identity.contentHash,
                                                  sourcePath: identity.sourcePath, analyzer: analyzer,
                                                  workers: threads) { _, _ in true }
                    if let added { moved.append((episode.id, added)) }
                    continue
                }
                pending.append(IndexableEpisode(episode: episode, cues: cues, contentHash: identity.contentHash,
                                                sourcePath: identity.sourcePath))
                pendingText += text
                if pending.count >= Self.mergeGroupEpisodes || pendingText >= Self.mergeGroupTextBytes { addPending() }
            }
            // Its stored cues were read once; their pages leave the resident set.
            reader.releaseResidentPages()
        }
        addPending()
        let id = newSegmentID()
        // The merged segment's lexicon is recomputed from the segments (merging drops
        // deleted episodes' words), and the kept one is stale afterwards.
        cachedLexicon = nil
        var lexicon = existingLexicon()
        let state = try segmentWriter.write(&mergedBuilder, as: id, lexicon: &lexicon)
        segments.removeAll { group.contains($0.reader.id) }
        segments.append(state)
        for (episodeID, ordinal) in moved { locations[episodeID] = .segment(id, ordinal) }
    }

    /// The most cue text a merge analyses at once (episodes longer than a slice are added
    /// a slice at a time instead).
    static let mergeGroupTextBytes = 4 << 20

    /// The most episodes a merge analyses at once (as many as an ingest batch).
    static let mergeGroupEpisodes = 64
}
