import TalksAnalysis
import TalksModel

/// Writes a built segment out, one file at a time.
///
/// Call order (the serializer contract): `serialize(as:sorted:create:)` once,
/// after the last `add`; it asks `create` for each file's `FileContainerWriter`, streams the
/// sections into it (postings and positions in 1 MB pieces, never whole in memory) and
/// releases the builder's buffers as it goes, so peak memory stays near the builder's own
/// size. The builder is empty afterwards.
extension SegmentBuilder {
    /// The vocabulary in dictionary order: term ids sorted by bytes, and their keys.
    func sortedVocabulary(workers: Int, dictionary: SwedishLexicon? = nil) -> (ids: [Int], vocabulary: Vocabulary) {
        let ids = terms.sortedIDs()
        return (ids, Vocabulary(terms: ids.map { String(decoding: terms.bytes($0), as: UTF8.self) }, workers: workers,
                         dictionary: dictionary))
    }

    /// Writes every file of the segment but `.store` and `.expansions` (built apart, in
    /// parallel: `SegmentWriter`, `ExpansionTablesWriter`), with the term order
    /// from `sortedVocabulary()`.
    mutating func serialize(
        as id: SegmentID, sorted: (ids: [Int], vocabulary: Vocabulary),
        create: (FileKind) throws(IndexError) -> FileContainerWriter
    ) throws(IndexError) {
        try Self.write(create(.episodes), serializeEpisodes())
        episodeRecords = ByteWriter()
        try Self.write(create(.lengths), serializeLengths())
        cueLengths = []
        let postingsFile = try create(.postings)
        let positionsFile = try create(.positions)
        postingsFile.beginSection()
        positionsFile.beginSection()
        /// Bytes of each section already handed to its file.
        var postingsBase = 0
        var positionsBase = 0
        let piece = FileContainerWriter.bufferSize

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
        postingsOut.reserveCapacity(piece + (64 << 10))
        positionsOut.reserveCapacity(piece + (64 << 10))
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
            // In increasing stream order, as the info record lists them: the metadata
            // streams 0–4, the transcript's 5 and 6, the chapter titles' 7.
            for field in Field.episodeFields where field != .chapters {
                if let list = metadataLists.removeValue(forKey: termID << 3 | Int(field.rawValue)) {
                    lists.append((Stream(field), list.write(postings: &postingsOut, positionsOut: &positionsOut)))
                }
            }
            let transcript = transcriptLists.write(term: termID, postings: &postingsOut, positions: &positionsOut)
            if let cues = transcript.cues { lists.append((.transcript, cues)) }
            if let episodes = transcript.episodes { lists.append((.episodeTranscript, episodes)) }
            if let list = metadataLists.removeValue(forKey: termID << 3 | Int(Field.chapters.rawValue)) {
                lists.append((.chapters, list.write(postings: &postingsOut, positionsOut: &positionsOut)))
            }
            for index in lists.indices {
                lists[index].1.postingsOffset += postingsBase
                lists[index].1.positionsOffset += positionsBase
            }
            if postingsOut.count >= piece {
                try postingsFile.write(postingsOut)
                postingsBase += postingsOut.count
                postingsOut.removeAll(keepingCapacity: true)
            }
            if positionsOut.count >= piece {
                try positionsFile.write(positionsOut)
                positionsBase += positionsOut.count
                positionsOut.removeAll(keepingCapacity: true)
            }
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
        try postingsFile.write(postingsOut)
        try postingsFile.finish()
        postingsOut = []
        try positionsFile.write(positionsOut)
        try positionsFile.finish()
        positionsOut = []
        try Self.write(create(.terms), [termOffsets.bytes, termBytes, infoOffsets.bytes, info.bytes])
    }

    private static func write(_ file: FileContainerWriter, _ sections: [[UInt8]]) throws(IndexError) {
        for section in sections {
            file.beginSection()
            try file.write(section)
        }
        try file.finish()
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
            for length in episodeFieldLengths[field.episodeFieldSlot] { fields.appendUInt32(length) }
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
