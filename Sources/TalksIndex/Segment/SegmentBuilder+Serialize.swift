import TalksModel

/// Writes a built segment out, one file at a time.
///
/// Call order (the serializer contract): `serialize(as:emit:)` once, after the last
/// `add`; it hands each complete file (header, sections, footer) to `emit` and releases
/// the builder's buffers as it goes, so peak memory stays near the builder's own size.
/// The builder is empty afterwards.
extension SegmentBuilder {
    /// The vocabulary in dictionary order: term ids sorted by bytes, and their keys.
    func sortedVocabulary() -> (ids: [Int], vocabulary: Vocabulary) {
        let ids = terms.sortedIDs()
        return (ids, Vocabulary(terms: ids.map { String(decoding: terms.bytes($0), as: UTF8.self) }))
    }

    /// Writes every file of the segment but `.expansions` (built apart with
    /// `ExpansionTablesWriter`, in parallel), with the term order from `sortedVocabulary()`
    /// and the store sections from `cueStore.sections()`.
    mutating func serialize(
        as id: SegmentID, sorted: (ids: [Int], vocabulary: Vocabulary),
        storeSections: [[UInt8]], emit: (FileKind, [UInt8]) throws(IndexError) -> Void
    ) throws(IndexError) {
        try emit(.store, FileContainer.build(kind: .store, segment: id, sections: storeSections))
        try emit(.episodes, FileContainer.build(kind: .episodes, segment: id, sections: serializeEpisodes()))
        episodeRecords = ByteWriter()
        try emit(.lengths, FileContainer.build(kind: .lengths, segment: id, sections: serializeLengths()))
        cueLengths = []

        var metadataLists = buildMetadataLists()
        metadata = []
        let order = sorted.ids
        var termOffsets = ByteWriter(capacity: (order.count + 1) * 4)
        var termBytes: [UInt8] = []
        termBytes.reserveCapacity(terms.arena.count)
        var infoOffsets = ByteWriter(capacity: (order.count + 1) * 4)
        var info = ByteWriter(capacity: order.count * 12)
        var postingsOut: [UInt8] = []
        var positionsOut: [UInt8] = []
        postingsOut.reserveCapacity(max(1024, textBytes / 3))
        positionsOut.reserveCapacity(max(1024, textBytes / 6))
        var lists: [(Stream, StreamInfo)] = []
        var transcriptLists = TranscriptListWriter(
            parts: [TranscriptListWriter.Part(arena: postings, theirID: nil, cueShift: 0)]
                + joinedPostings.map { TranscriptListWriter.Part(arena: $0.postings, theirID: $0.theirID, cueShift: $0.cueShift) },
            cueStarts: cueStarts)

        termOffsets.appendUInt32(0)
        infoOffsets.appendUInt32(0)
        for termID in order {
            let bytes = terms.bytes(termID)
            termBytes.append(contentsOf: bytes)
            termOffsets.appendUInt32(UInt32(termBytes.count))

            lists.removeAll(keepingCapacity: true)
            for field in Field.episodeFields {
                if let list = metadataLists.removeValue(forKey: termID << 3 | Int(field.rawValue)) {
                    lists.append((Stream(field), list.write(postings: &postingsOut, positionsOut: &positionsOut)))
                }
            }
            let transcript = transcriptLists.write(term: termID, postings: &postingsOut, positions: &positionsOut)
            if let cues = transcript.cues { lists.append((.transcript, cues)) }
            if let episodes = transcript.episodes { lists.append((.episodeTranscript, episodes)) }
            var mask: UInt8 = 0
            for (stream, _) in lists { mask |= 1 << UInt8(stream.rawValue) }
            info.bytes.append(mask)
            for (stream, record) in lists {
                info.appendVarInt(record.documentFrequency)
                info.appendVarInt(record.postingsOffset)
                info.appendVarInt(record.postingsLength)
                if stream.hasPositions {
                    info.appendVarInt(record.positionsOffset)
                    info.appendVarInt(record.positionsLength)
                }
            }
            infoOffsets.appendUInt32(UInt32(info.count))
        }
        transcriptLists = TranscriptListWriter(parts: [], cueStarts: [])
        postings = PostingsArena()
        joinedPostings = []
        terms = TermTable(capacity: 16)
        try emit(.postings, FileContainer.build(kind: .postings, segment: id, sections: [postingsOut]))
        postingsOut = []
        try emit(.positions, FileContainer.build(kind: .positions, segment: id, sections: [positionsOut]))
        positionsOut = []
        try emit(.terms, FileContainer.build(kind: .terms, segment: id,
                                             sections: [termOffsets.bytes, termBytes, infoOffsets.bytes, info.bytes]))
    }

    /// Metadata postings grouped into lists, keyed by term id << 3 | field.
    private func buildMetadataLists() -> [Int: PostingsList] {
        let ordered = metadata.sorted { left, right in
            if left.term != right.term { return left.term < right.term }
            if left.field != right.field { return left.field < right.field }
            if left.episode != right.episode { return left.episode < right.episode }
            return left.position < right.position
        }
        var lists: [Int: PostingsList] = [:]
        var index = 0
        while index < ordered.count {
            let first = ordered[index]
            var list = PostingsList()
            var groupEnd = index
            while groupEnd < ordered.count && ordered[groupEnd].term == first.term && ordered[groupEnd].field == first.field {
                let episode = ordered[groupEnd].episode
                var documentEnd = groupEnd
                while documentEnd < ordered.count && ordered[documentEnd].term == first.term
                    && ordered[documentEnd].field == first.field && ordered[documentEnd].episode == episode {
                    documentEnd += 1
                }
                list.add(document: Int(episode), frequency: documentEnd - groupEnd)
                for entry in ordered[groupEnd..<documentEnd] { list.addPosition(entry.position) }
                groupEnd = documentEnd
            }
            lists[Int(first.term) << 3 | Int(first.field)] = list
            index = groupEnd
        }
        return lists
    }

    private func serializeLengths() -> [[UInt8]] {
        var fields = ByteWriter(capacity: episodeCount * 20)
        for field in Field.episodeFields {
            for length in episodeFieldLengths[Int(field.rawValue)] { fields.appendUInt32(length) }
        }
        var transcriptTotals = ByteWriter(capacity: episodeCount * 4)
        for length in episodeTranscriptLengths { transcriptTotals.appendUInt32(length) }
        var cues = ByteWriter(capacity: cueCount * 2)
        for length in cueLengths { cues.appendUInt16(length) }
        var sums = ByteWriter()
        for total in totals { sums.appendUInt64(total) }
        return [fields.bytes, transcriptTotals.bytes, cues.bytes, sums.bytes]
    }

    private func serializeEpisodes() -> [[UInt8]] {
        var starts = ByteWriter(capacity: cueStarts.count * 4)
        for start in cueStarts { starts.appendUInt32(start) }
        var offsets = ByteWriter(capacity: episodeOffsets.count * 4)
        for offset in episodeOffsets { offsets.appendUInt32(offset) }
        let byID = episodeIDs.indices.sorted { Array(episodeIDs[$0].utf8).lexicographicallyPrecedes(Array(episodeIDs[$1].utf8)) }
        var order = ByteWriter(capacity: byID.count * 4)
        for ordinal in byID { order.appendUInt32(UInt32(ordinal)) }
        return [starts.bytes, offsets.bytes, episodeRecords.bytes, order.bytes]
    }
}
