/// Joining two builders: the parallel ingest fills one builder per core and joins them
/// before writing, so one ingest writes one segment (one dictionary, one set of expansion
/// tables, one compound lexicon) whatever the number of cores.
///
/// The join itself only merges the vocabularies and appends the small per-episode
/// tables. The bulky parts are joined later, on the cores that write them: postings chains
/// are decoded one after the other, term by term, while the postings file is written
/// (`joinedPostings`),
/// and the cue stores while the cue text is coded (`joinedStores`).
extension SegmentBuilder {
    /// Another builder's postings, waiting to be concatenated after ours at write time.
    struct JoinedPostings {
        var postings: PostingsArena
        /// Our term id → their term id, or -1 when they lack the term.
        var theirID: [Int32]
        var cueShift: Int
        var episodeShift: Int
    }

    /// Appends all of `other`'s episodes after this builder's (their ordinals shift by
    /// this builder's episode count, their cues by its cue count) and empties `other`.
    mutating func absorb(_ other: inout SegmentBuilder) {
        let episodeShift = episodeCount
        let cueShift = cueCount
        // Terms: map other's ids to ours; their lists are concatenated when written.
        var mapping = [Int](repeating: 0, count: other.terms.count)
        other.terms.arena.withUnsafeBytes { arena in
            for id in 0..<other.terms.count {
                let range = Int(other.terms.starts[id])..<Int(other.terms.starts[id + 1])
                let mine = terms.intern(UnsafeRawBufferPointer(rebasing: arena[range]), hash: other.terms.hashes[id])
                if mine == postings.chainCount { postings.addChain() }
                mapping[id] = mine
            }
        }
        var theirID = [Int32](repeating: -1, count: terms.count)
        for (theirs, mine) in mapping.enumerated() { theirID[mine] = Int32(theirs) }
        joinedPostings.append(JoinedPostings(postings: other.postings, theirID: theirID,
                                             cueShift: cueShift, episodeShift: episodeShift))
        other.postings = PostingsArena()
        metadata.reserveCapacity(metadata.count + other.metadata.count)
        for entry in other.metadata {
            metadata.append(MetadataPosting(term: UInt32(mapping[Int(entry.term)]), field: entry.field,
                                            episode: entry.episode + UInt32(episodeShift), position: entry.position))
        }
        other.metadata = []

        // Episodes, cues and lengths: append with shifted offsets.
        let recordBase = UInt32(truncatingIfNeeded: episodeRecords.count)
        episodeRecords.append(other.episodeRecords.bytes)
        for offset in other.episodeOffsets.dropFirst() { episodeOffsets.append(offset + recordBase) }
        episodeIDs += other.episodeIDs
        for start in other.cueStarts.dropFirst() { cueStarts.append(start + UInt32(cueShift)) }
        joinedStores.append(other.cueStore)
        for field in 0..<episodeFieldLengths.count { episodeFieldLengths[field] += other.episodeFieldLengths[field] }
        episodeTranscriptLengths += other.episodeTranscriptLengths
        cueLengths += other.cueLengths
        for index in 0..<totals.count { totals[index] &+= other.totals[index] }
        for ordinal in other.deleted { deleted.insert(ordinal + episodeShift) }
        textBytes += other.textBytes
        other = SegmentBuilder()
    }
}

extension CueStoreBuilder {
    /// Appends another store's cues, renumbering their speakers into this store's table.
    mutating func absorb(_ other: CueStoreBuilder) {
        var speakerMap = [0]
        for name in other.speakerNames {
            if let known = speakerNumbers[name] {
                speakerMap.append(known)
            } else {
                speakerNames.append(name)
                speakerNumbers[name] = speakerNames.count
                speakerMap.append(speakerNames.count)
            }
        }
        other.records.bytes.withUnsafeBytes { raw in
            for index in 0..<(other.offsets.count - 1) {
                let record = UnsafeRawBufferPointer(rebasing: raw[Int(other.offsets[index])..<Int(other.offsets[index + 1])])
                var reader = ByteReader(record, file: "")
                let start = (try? reader.readVarInt()) ?? 0
                let duration = (try? reader.readVarInt()) ?? 0
                let speaker = Int(min((try? reader.readVarInt()) ?? 0, UInt64(speakerMap.count)))
                // The duration keeps its word-times bit; what follows the speaker (word
                // times, text) is copied as it is.
                records.appendVarInt(start)
                records.appendVarInt(duration)
                records.appendVarInt(speaker < speakerMap.count ? speakerMap[speaker] : 0)
                records.append(UnsafeRawBufferPointer(rebasing: record[reader.offset...]))
                offsets.append(UInt32(truncatingIfNeeded: records.count))
            }
        }
        for byte in 0..<256 { frequencies[byte] &+= other.frequencies[byte] }
    }
}
