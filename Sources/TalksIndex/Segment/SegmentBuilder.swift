import TalksModel

/// A segment being built in memory from analysed episodes; `serialize` writes it out
/// file by file (SegmentBuilder+Serialize.swift).
///
/// A value type used by one thread at a time: the ingester gives each core its own
/// builder, so building runs in parallel without locks. Analysis happens before; this
/// only interns terms and appends each cue's postings to its term's byte chain
/// (`PostingsArena`); the episode-level lists are derived from those when writing.
struct SegmentBuilder {
    var terms = TermTable()
    /// Transcript postings, one chain per term id (metadata terms get an empty chain).
    var postings = PostingsArena()
    var metadata: [MetadataPosting] = []

    var episodeRecords = ByteWriter()
    var episodeOffsets: [UInt32] = [0]
    var episodeIDs: [String] = []
    var cueStarts: [UInt32] = [0]
    var cueStore = CueStoreBuilder()
    /// Joined builders' parts, appended when the segment is written (see `absorb`).
    var joinedPostings: [JoinedPostings] = []
    var joinedStores: [CueStoreBuilder] = []

    var episodeFieldLengths: [[UInt32]] = Array(repeating: [], count: FieldLengthsReader.episodeFieldCount)
    var episodeTranscriptLengths: [UInt32] = []
    var cueLengths: [UInt16] = []
    /// Tokens per stream (`Stream.rawValue`), as the `.lengths` file stores them.
    var totals = [UInt64](repeating: 0, count: FieldLengthsReader.totalCount)
    /// Episode ordinals added and then deleted before the segment was written
    /// (an id added twice, or added then removed, before a flush).
    var deleted: Set<Int> = []

    var textBytes = 0
    private var scratch: [UInt64] = []
    private var tokenIDs: [UInt32] = []

    var episodeCount: Int { episodeIDs.count }
    var cueCount: Int { cueLengths.count }
    var isEmpty: Bool { episodeIDs.isEmpty }

    /// Heap bytes held: the postings arena and term table exactly, the growable arrays by
    /// their capacity, plus a per-episode allowance for the small ones (ids, lengths), and
    /// the parts of joined builders (a long episode is joined before the flush).
    var memoryBytes: Int {
        ownBytes + cueStore.records.bytes.capacity + joinedStores.reduce(0) { $0 + $1.records.bytes.capacity }
    }

    /// `memoryBytes` with the cue stores counted by what they hold rather than their
    /// capacity (a long episode reserves its store's whole text before it is filled).
    var heldBytes: Int {
        ownBytes + cueStore.records.count + joinedStores.reduce(0) { $0 + $1.records.count }
    }

    /// Everything `memoryBytes` counts but the cue stores' records.
    private var ownBytes: Int {
        postings.memoryBytes + terms.memoryBytes + cueStore.offsets.capacity * 4
            + episodeRecords.bytes.capacity + metadata.capacity * MemoryLayout<MetadataPosting>.stride
            + cueLengths.capacity * 2 + cueStarts.capacity * 4 + episodeOffsets.capacity * 4
            + episodeIDs.count * 96 + (scratch.capacity + tokenIDs.capacity) * 8
            + joinedPostings.reduce(0) { $0 + $1.postings.memoryBytes + $1.theirID.capacity * 4 }
            + joinedStores.reduce(0) { $0 + $1.offsets.capacity * 4 }
    }

    /// Adds an episode; returns its ordinal in this segment.
    @discardableResult
    mutating func add(_ analysed: AnalysedEpisode) -> Int {
        let ordinal = addRecord(analysed.episode, contentHash: analysed.contentHash, sourcePath: analysed.sourcePath)
        for cue in analysed.cues { cueStore.add(cue) }
        endCues(count: analysed.cues.count)
        let length = addTranscript(analysed.transcript, cueTokenEnds: analysed.cueTokenEnds)
        endTranscript(length: length)
        addMetadata(analysed.fields, episode: ordinal)
        textBytes += analysed.textBytes
        return ordinal
    }

    /// Starts an episode: its id and record. Its cues go to `cueStore` next, then
    /// `endCues`, its transcript tokens (`addTranscript`, `endTranscript`) and its
    /// metadata (`addMetadata`). Returns its ordinal.
    mutating func addRecord(_ episode: Episode, contentHash: String, sourcePath: String) -> Int {
        let ordinal = episodeIDs.count
        episodeIDs.append(episode.id)
        episodeRecords.appendString(episode.id)
        episodeRecords.appendString(contentHash)
        episodeRecords.appendString(sourcePath)
        EpisodeCoding.encode(episode, into: &episodeRecords)
        episodeOffsets.append(UInt32(truncatingIfNeeded: episodeRecords.count))
        return ordinal
    }

    /// Ends the current episode's cues: `count` were added to `cueStore`.
    mutating func endCues(count: Int) {
        cueStarts.append(UInt32(truncatingIfNeeded: cueStarts[cueStarts.count - 1] + UInt32(truncatingIfNeeded: count)))
    }

    /// Ends the current episode's transcript: `length` tokens in all.
    mutating func endTranscript(length: UInt32) {
        episodeTranscriptLengths.append(length)
        totals[Int(Field.transcript.rawValue)] &+= UInt64(length)
        totals[Stream.episodeTranscript.rawValue] &+= UInt64(length)
    }

    /// Adds the tokens of consecutive cues of the current episode (`cueTokenEnds`: one past
    /// each cue's last token in `stream`); the cues are the next ones of the segment.
    /// Returns the number of tokens. Feeding an episode's cues in several calls builds the
    /// same segment as one call: terms get their ids in order of first occurrence either way.
    mutating func addTranscript(_ stream: TokenStream, cueTokenEnds: [UInt32]) -> UInt32 {
        let postings = self.postings
        // Pass 1: intern every token (the only step that adds terms).
        var ids = tokenIDs
        ids.removeAll(keepingCapacity: true)
        ids.reserveCapacity(stream.count)
        stream.bytes.withUnsafeBytes { bytes in
            stream.ends.withUnsafeBufferPointer { ends in
                stream.hashes.withUnsafeBufferPointer { hashes in
                    var tokenStart = 0
                    for index in 0..<ends.count {
                        let tokenEnd = Int(ends[index])
                        let id = terms.intern(UnsafeRawBufferPointer(rebasing: bytes[tokenStart..<tokenEnd]), hash: hashes[index])
                        if id == postings.chainCount { postings.addChain() }
                        ids.append(UInt32(truncatingIfNeeded: id))
                        tokenStart = tokenEnd
                    }
                }
            }
        }
        // Pass 2: per cue, group the tokens by term and append to the term's chain.
        var episodeLength: UInt32 = 0
        var scratch = self.scratch
        var cueLengths = self.cueLengths
        stream.positions.withUnsafeBufferPointer { positions in
            var tokenIndex = 0
            for cueEnd in cueTokenEnds {
                let cue = Int32(truncatingIfNeeded: cueLengths.count)
                let end = min(Int(cueEnd), ids.count)
                scratch.removeAll(keepingCapacity: true)
                while tokenIndex < end {
                    scratch.append(UInt64(ids[tokenIndex]) << 32 | UInt64(positions[tokenIndex]))
                    tokenIndex += 1
                }
                let length = scratch.count
                cueLengths.append(UInt16(min(length, Int(UInt16.max))))
                episodeLength &+= UInt32(truncatingIfNeeded: length)
                Self.insertionSort(&scratch)
                scratch.withUnsafeMutableBufferPointer { keys in
                    var index = 0
                    while index < length {
                        let id = keys[index] >> 32
                        var groupEnd = index + 1
                        while groupEnd < length && keys[groupEnd] >> 32 == id { groupEnd += 1 }
                        postings.addDocument(Int(id), document: cue, keys: keys, from: index, to: groupEnd)
                        index = groupEnd
                    }
                }
            }
        }
        self.scratch = scratch
        self.tokenIDs = ids
        self.cueLengths = cueLengths
        return episodeLength
    }

    /// Sorts the (term << 32 | position) keys of one cue; cues are short, so insertion
    /// sort beats the general sort.
    @inline(__always)
    private static func insertionSort(_ keys: inout [UInt64]) {
        let count = keys.count
        guard count > 1 else { return }
        if count > 48 {
            keys.sort()
            return
        }
        keys.withUnsafeMutableBufferPointer { buffer in
            for index in 1..<count {
                let key = buffer[index]
                var slot = index
                while slot > 0 && buffer[slot - 1] > key {
                    buffer[slot] = buffer[slot - 1]
                    slot -= 1
                }
                buffer[slot] = key
            }
        }
    }

    /// Adds the metadata fields' tokens (indexed by `Field.episodeFieldSlot`) of episode `episode`.
    mutating func addMetadata(_ fields: [TokenStream], episode: Int) {
        for field in Field.episodeFields {
            let stream = fields[field.episodeFieldSlot]
            stream.bytes.withUnsafeBytes { bytes in
                for index in 0..<stream.count {
                    let range = stream.start(index)..<Int(stream.ends[index])
                    let id = terms.intern(UnsafeRawBufferPointer(rebasing: bytes[range]), hash: stream.hashes[index])
                    if id == postings.chainCount { postings.addChain() }
                    metadata.append(MetadataPosting(term: UInt32(id), field: field.rawValue,
                                                    episode: UInt32(episode), position: stream.positions[index]))
                }
            }
            episodeFieldLengths[field.episodeFieldSlot].append(UInt32(stream.count))
            totals[Stream(field).rawValue] &+= UInt64(stream.count)
        }
    }
}

/// One occurrence of a term in a metadata field, collected and sorted at serialize time.
struct MetadataPosting {
    var term: UInt32
    var field: UInt8
    var episode: UInt32
    var position: UInt32
}
