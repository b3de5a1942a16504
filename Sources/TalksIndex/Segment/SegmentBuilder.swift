import TalksModel

/// A segment being built in memory from analysed episodes; `serialize` turns it into
/// the bytes of its files (SegmentBuilder+Serialize.swift).
///
/// Single-threaded: analysis happens before (on both cores), this only interns terms and
/// appends to postings lists. Episodes get ordinals in the order they are added; their
/// cues get consecutive cue ordinals.
final class SegmentBuilder {
    var terms = TermTable()
    var transcript: [PostingsList] = []
    var episodeTranscript: [PostingsList] = []
    var pendingEpisodeFrequency: [UInt32] = []
    var lastEpisodeSeen: [Int32] = []
    var touched: [Int] = []
    var metadata: [MetadataPosting] = []

    var episodeRecords = ByteWriter()
    var episodeOffsets: [UInt32] = [0]
    var episodeIDs: [String] = []
    var cueStarts: [UInt32] = [0]
    var cueRecords = ByteWriter()
    var cueOffsets: [UInt32] = [0]
    var speakerNumbers: [String: Int] = [:]
    var speakerNames: [String] = []

    var episodeFieldLengths: [[UInt32]] = Array(repeating: [], count: 5)
    var episodeTranscriptLengths: [UInt32] = []
    var cueLengths: [UInt16] = []
    var totals = [UInt64](repeating: 0, count: 7)
    /// Episode ordinals added and then deleted before the segment was written
    /// (an id added twice in one run).
    var deleted: Set<Int> = []

    var textBytes = 0
    private var scratch: [UInt64] = []

    var episodeCount: Int { episodeIDs.count }
    var cueCount: Int { cueLengths.count }
    var isEmpty: Bool { episodeIDs.isEmpty }

    /// Heap bytes held, roughly: compared with the writer's memory budget.
    var memoryBytes: Int {
        terms.memoryBytes + postingsBytes + cueRecords.count + cueOffsets.count * 4
            + episodeRecords.count + metadata.count * 16 + transcript.count * 160
    }
    private var postingsBytes = 0

    /// Adds an episode; returns its ordinal in this segment.
    @discardableResult
    func add(_ analysed: AnalysedEpisode) -> Int {
        let ordinal = episodeIDs.count
        addRecords(analysed)
        addTranscript(analysed, episode: ordinal)
        addMetadata(analysed, episode: ordinal)
        textBytes += analysed.textBytes
        return ordinal
    }

    private func addRecords(_ analysed: AnalysedEpisode) {
        episodeIDs.append(analysed.episode.id)
        episodeRecords.appendString(analysed.episode.id)
        episodeRecords.appendString(analysed.contentHash)
        episodeRecords.appendString(analysed.sourcePath)
        EpisodeCoding.encode(analysed.episode, into: &episodeRecords)
        episodeOffsets.append(UInt32(truncatingIfNeeded: episodeRecords.count))
        for cue in analysed.cues {
            let start = Self.milliseconds(cue.start)
            let end = max(start, Self.milliseconds(cue.end))
            cueRecords.appendVarInt(start)
            cueRecords.appendVarInt(end - start)
            if let speaker = cue.speaker {
                let number: Int
                if let known = speakerNumbers[speaker] {
                    number = known
                } else {
                    speakerNames.append(speaker)
                    number = speakerNames.count
                    speakerNumbers[speaker] = number
                }
                cueRecords.appendVarInt(number)
            } else {
                cueRecords.appendVarInt(UInt64(0))
            }
            var text = cue.text
            text.withUTF8 { cueRecords.append(UnsafeRawBufferPointer($0)) }
            cueOffsets.append(UInt32(truncatingIfNeeded: cueRecords.count))
        }
        cueStarts.append(UInt32(truncatingIfNeeded: cueStarts[cueStarts.count - 1] + UInt32(analysed.cues.count)))
    }

    static func milliseconds(_ seconds: Double) -> UInt64 {
        guard seconds.isFinite, seconds > 0 else { return 0 }
        return UInt64(min(seconds * 1000, 1e15).rounded())
    }

    @inline(__always)
    private func intern(_ stream: TokenStream, _ index: Int) -> Int {
        let start = stream.start(index)
        let end = Int(stream.ends[index])
        let id = stream.bytes.withUnsafeBytes { raw in
            terms.intern(UnsafeRawBufferPointer(rebasing: raw[start..<end]), hash: stream.hashes[index])
        }
        if id == transcript.count {
            transcript.append(PostingsList())
            episodeTranscript.append(PostingsList())
            pendingEpisodeFrequency.append(0)
            lastEpisodeSeen.append(-1)
        }
        return id
    }

    private func addTranscript(_ analysed: AnalysedEpisode, episode: Int) {
        let stream = analysed.transcript
        var tokenIndex = 0
        var episodeLength: UInt32 = 0
        touched.removeAll(keepingCapacity: true)
        for cueEnd in analysed.cueTokenEnds {
            let cue = cueLengths.count
            let end = Int(cueEnd)
            scratch.removeAll(keepingCapacity: true)
            while tokenIndex < end {
                let id = intern(stream, tokenIndex)
                scratch.append(UInt64(id) << 32 | UInt64(stream.positions[tokenIndex]))
                tokenIndex += 1
            }
            let length = scratch.count
            cueLengths.append(UInt16(min(length, Int(UInt16.max))))
            episodeLength &+= UInt32(truncatingIfNeeded: length)
            totals[Int(Field.transcript.rawValue)] &+= UInt64(length)
            if length > 1 { scratch.sort() }
            var index = 0
            while index < length {
                let id = Int(scratch[index] >> 32)
                var groupEnd = index + 1
                while groupEnd < length && Int(scratch[groupEnd] >> 32) == id { groupEnd += 1 }
                let frequency = groupEnd - index
                let before = transcript[id].docs.count + transcript[id].positions.count
                transcript[id].add(document: cue, frequency: frequency)
                for position in index..<groupEnd {
                    transcript[id].addPosition(UInt32(truncatingIfNeeded: scratch[position]))
                }
                postingsBytes += transcript[id].docs.count + transcript[id].positions.count - before
                if lastEpisodeSeen[id] != Int32(episode) {
                    lastEpisodeSeen[id] = Int32(episode)
                    pendingEpisodeFrequency[id] = 0
                    touched.append(id)
                }
                pendingEpisodeFrequency[id] &+= UInt32(frequency)
                index = groupEnd
            }
        }
        for id in touched {
            episodeTranscript[id].add(document: episode, frequency: Int(pendingEpisodeFrequency[id]))
            postingsBytes += 3
        }
        episodeTranscriptLengths.append(episodeLength)
        totals[6] &+= UInt64(episodeLength)
    }

    private func addMetadata(_ analysed: AnalysedEpisode, episode: Int) {
        for field in Field.episodeFields {
            let stream = analysed.fields[Int(field.rawValue)]
            for index in 0..<stream.count {
                let id = intern(stream, index)
                metadata.append(MetadataPosting(term: UInt32(id), field: field.rawValue,
                                                episode: UInt32(episode), position: stream.positions[index]))
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
