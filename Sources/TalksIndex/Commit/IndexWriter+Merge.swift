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
        for member in members {
            let reader = member.reader
            var batch: [IndexableEpisode] = []
            for ordinal in 0..<reader.episodeCount where !member.deleted.contains(ordinal) {
                let identity = try reader.episodes.identity(ordinal)
                let episode = try reader.episode(ordinal)
                var cues: [Cue] = []
                for cue in reader.cueRange(ofEpisode: ordinal) { cues.append(try reader.cue(cue)) }
                batch.append(IndexableEpisode(episode: episode, cues: cues, contentHash: identity.contentHash,
                                              sourcePath: identity.sourcePath))
            }
            for item in Self.analyse(batch, with: analyzer) {
                let ordinal = mergedBuilder.add(item)
                moved.append((item.episode.id, ordinal))
            }
        }
        let id = newSegmentID()
        // The merged segment's lexicon is recomputed from the segments (merging drops
        // deleted episodes' words), and the kept one is stale afterwards.
        cachedLexicon = nil
        var lexicon = existingLexicon()
        let state = try Self.write(&mergedBuilder, as: id, lexicon: &lexicon, directory: directory,
                                   faultInjection: faultInjection)
        segments.removeAll { group.contains($0.reader.id) }
        segments.append(state)
        for (episodeID, ordinal) in moved { locations[episodeID] = .segment(id, ordinal) }
    }
}
