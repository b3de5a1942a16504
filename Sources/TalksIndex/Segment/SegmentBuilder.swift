import TalksModel

/// A segment being built in memory from analysed episodes; `serialize` writes it out
/// file by file (SegmentBuilder+Serialize.swift).
///
/// A value type used by one thread at a time: the ingester gives each core its own
/// builder, so building runs in parallel without locks. Analysis happens before; this
/// only interns terms and appends to postings lists, which are kept in their final
/// encoding (`PostingsList`), so writing them is a copy.
struct SegmentBuilder {
    /// Both postings lists of one term's transcript occurrences.
    struct TermPostings {
        var cues = PostingsList()
        var episodes = PostingsList()
        var lastEpisode: Int32 = -1
        var episodeFrequency: UInt32 = 0
    }

    var terms = TermTable()
    var postings: [TermPostings] = []
    var metadata: [MetadataPosting] = []

    var episodeRecords = ByteWriter()
    var episodeOffsets: [UInt32] = [0]
    var episodeIDs: [String] = []
    var cueStarts: [UInt32] = [0]
    var cueStore = CueStoreBuilder()
    /// Joined builders' parts, appended when the segment is written (see `absorb`).
    var joinedPostings: [JoinedPostings] = []
    var joinedStores: [CueStoreBuilder] = []

    var episodeFieldLengths: [[UInt32]] = Array(repeating: [], count: 5)
    var episodeTranscriptLengths: [UInt32] = []
    var cueLengths: [UInt16] = []
    var totals = [UInt64](repeating: 0, count: 7)
    /// Episode ordinals added and then deleted before the segment was written
    /// (an id added twice, or added then removed, before a flush).
    var deleted: Set<Int> = []

    var textBytes = 0
    private var postingsBytes = 0
    private var scratch: [UInt64] = []
    private var touched: [Int32] = []

    var episodeCount: Int { episodeIDs.count }
    var cueCount: Int { cueLengths.count }
    var isEmpty: Bool { episodeIDs.isEmpty }

    /// Heap bytes held, estimated from what was appended: growable arrays hold up to
    /// twice their contents, so appended bytes count 1.5 times.
    var memoryBytes: Int {
        let appended = postingsBytes + cueStore.memoryBytes + episodeRecords.count + metadata.count * 16
            + cueLengths.count * 2 + episodeIDs.count * 64
        return terms.memoryBytes + appended * 3 / 2 + postings.count * (MemoryLayout<TermPostings>.stride + 48)
    }

    /// Adds an episode; returns its ordinal in this segment.
    @discardableResult
    mutating func add(_ analysed: AnalysedEpisode) -> Int {
        let ordinal = episodeIDs.count
        addRecords(analysed)
        addTranscript(analysed, episode: ordinal)
        addMetadata(analysed, episode: ordinal)
        textBytes += analysed.textBytes
        return ordinal
    }

    private mutating func addRecords(_ analysed: AnalysedEpisode) {
        episodeIDs.append(analysed.episode.id)
        episodeRecords.appendString(analysed.episode.id)
        episodeRecords.appendString(analysed.contentHash)
        episodeRecords.appendString(analysed.sourcePath)
        EpisodeCoding.encode(analysed.episode, into: &episodeRecords)
        episodeOffsets.append(UInt32(truncatingIfNeeded: episodeRecords.count))
        for cue in analysed.cues { cueStore.add(cue) }
        cueStarts.append(UInt32(truncatingIfNeeded: cueStarts[cueStarts.count - 1] + UInt32(analysed.cues.count)))
    }

    private mutating func addTranscript(_ analysed: AnalysedEpisode, episode: Int) {
        let stream = analysed.transcript
        // Pass 1: intern every token (the only step that can grow `postings`).
        var ids = [UInt32](repeating: 0, count: stream.count)
        stream.bytes.withUnsafeBytes { bytes in
            stream.ends.withUnsafeBufferPointer { ends in
                stream.hashes.withUnsafeBufferPointer { hashes in
                    var tokenStart = 0
                    for index in 0..<ends.count {
                        let tokenEnd = Int(ends[index])
                        let id = terms.intern(UnsafeRawBufferPointer(rebasing: bytes[tokenStart..<tokenEnd]), hash: hashes[index])
                        if id == postings.count { postings.append(TermPostings()) }
                        ids[index] = UInt32(truncatingIfNeeded: id)
                        tokenStart = tokenEnd
                    }
                }
            }
        }
        // Pass 2: per cue, group the tokens by term and append to the postings lists.
        var episodeLength: UInt32 = 0
        touched.removeAll(keepingCapacity: true)
        let episodeTag = Int32(truncatingIfNeeded: episode)
        var scratch = self.scratch
        var touched = self.touched
        var cueLengths = self.cueLengths
        var added = 0
        stream.positions.withUnsafeBufferPointer { positions in
            postings.withUnsafeMutableBufferPointer { postings in
                var tokenIndex = 0
                for cueEnd in analysed.cueTokenEnds {
                    let cue = cueLengths.count
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
                    var index = 0
                    while index < length {
                        let id = Int(scratch[index] >> 32)
                        var groupEnd = index + 1
                        while groupEnd < length && Int(scratch[groupEnd] >> 32) == id { groupEnd += 1 }
                        let frequency = groupEnd - index
                        postings[id].cues.add(document: cue, frequency: frequency)
                        for position in index..<groupEnd {
                            postings[id].cues.addPosition(UInt32(truncatingIfNeeded: scratch[position]))
                        }
                        if postings[id].lastEpisode != episodeTag {
                            postings[id].lastEpisode = episodeTag
                            postings[id].episodeFrequency = 0
                            touched.append(Int32(id))
                        }
                        postings[id].episodeFrequency &+= UInt32(frequency)
                        index = groupEnd
                    }
                    added &+= 2 &* length &+ 1
                }
                for id in touched {
                    let term = Int(id)
                    postings[term].episodes.add(document: episode, frequency: Int(postings[term].episodeFrequency))
                }
            }
        }
        postingsBytes &+= added &+ touched.count &* 2
        self.scratch = scratch
        self.touched = touched
        self.cueLengths = cueLengths
        episodeTranscriptLengths.append(episodeLength)
        totals[Int(Field.transcript.rawValue)] &+= UInt64(episodeLength)
        totals[6] &+= UInt64(episodeLength)
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

    private mutating func addMetadata(_ analysed: AnalysedEpisode, episode: Int) {
        for field in Field.episodeFields {
            let stream = analysed.fields[Int(field.rawValue)]
            stream.bytes.withUnsafeBytes { bytes in
                for index in 0..<stream.count {
                    let range = stream.start(index)..<Int(stream.ends[index])
                    let id = terms.intern(UnsafeRawBufferPointer(rebasing: bytes[range]), hash: stream.hashes[index])
                    if id == postings.count { postings.append(TermPostings()) }
                    metadata.append(MetadataPosting(term: UInt32(id), field: field.rawValue,
                                                    episode: UInt32(episode), position: stream.positions[index]))
                }
            }
            episodeFieldLengths[Int(field.rawValue)].append(UInt32(stream.count))
            totals[Int(field.rawValue)] &+= UInt64(stream.count)
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
