/// Postings, frequencies and field lengths of a segment.
extension SegmentReader {
    /// The documents containing term `term` in `field`: cue ordinals for `.transcript`,
    /// episode ordinals for the other fields. Deleted documents are included; filter with
    /// `isDeleted`.
    public func postings(term: Int, field: Field) -> PostingsCursor {
        cursor(term: term, stream: Stream(field))
    }

    /// The transcript field aggregated per episode: document = episode ordinal, frequency =
    /// occurrences in the whole transcript. No positions. For fast episode ranking.
    public func episodePostings(term: Int) -> PostingsCursor {
        cursor(term: term, stream: .episodeTranscript)
    }

    /// The number of documents of `field` containing the term (deleted ones included).
    public func documentFrequency(term: Int, field: Field) -> Int {
        dictionary.streamInfo(term, Stream(field))?.documentFrequency ?? 0
    }

    /// The number of episodes whose transcript contains the term.
    public func episodeDocumentFrequency(term: Int) -> Int {
        dictionary.streamInfo(term, .episodeTranscript)?.documentFrequency ?? 0
    }

    /// Tokens in `field` of `document` (a cue for `.transcript`, else an episode).
    public func fieldLength(_ field: Field, document: Int) -> Int {
        lengths.length(field, document: document)
    }

    /// Mean tokens per document of `field` over all documents of the segment.
    public func averageFieldLength(_ field: Field) -> Double {
        let documents = field == .transcript ? cueCount : episodeCount
        guard documents > 0 else { return 0 }
        return Double(lengths.totals[Int(field.rawValue)]) / Double(documents)
    }

    /// Tokens in the whole transcript of an episode (the length for `episodePostings`).
    public func episodeTranscriptLength(episode: Int) -> Int {
        lengths.episodeTranscriptLength(episode)
    }

    /// Mean transcript tokens per episode.
    public var averageEpisodeTranscriptLength: Double {
        guard episodeCount > 0 else { return 0 }
        return Double(lengths.totals[6]) / Double(episodeCount)
    }

    func cursor(term: Int, stream: Stream) -> PostingsCursor {
        guard let info = dictionary.streamInfo(term, stream), info.documentFrequency > 0 else { return .empty }
        guard info.postingsOffset >= 0, info.postingsLength >= 1,
              info.postingsOffset <= postingsData.count - info.postingsLength,
              info.positionsOffset >= 0, info.positionsLength >= 0,
              info.positionsOffset <= positionsData.count - info.positionsLength else {
            var broken = PostingsCursor.empty
            broken.markCorrupt()
            return broken
        }
        let list = UnsafeRawBufferPointer(rebasing: postingsData[info.postingsOffset..<(info.postingsOffset + info.postingsLength)])
        // The skip count VarInt, read in place (no ByteReader or throwing read per cursor).
        var skipCount = 0
        var skipsStart = 0
        var shift = 0
        while true {
            guard skipsStart < list.count, shift <= 28 else {
                var broken = PostingsCursor.empty
                broken.markCorrupt()
                return broken
            }
            let byte = list[skipsStart]
            skipsStart += 1
            skipCount |= Int(byte & 0x7F) << shift
            if byte & 0x80 == 0 { break }
            shift += 7
        }
        guard skipCount <= list.count / 16 else {
            var broken = PostingsCursor.empty
            broken.markCorrupt()
            return broken
        }
        let skipsEnd = skipsStart + skipCount * 16
        guard skipsEnd <= list.count else {
            var broken = PostingsCursor.empty
            broken.markCorrupt()
            return broken
        }
        let skips = UInt32Table(UnsafeRawBufferPointer(rebasing: list[skipsStart..<skipsEnd]))
        let docs = UnsafeRawBufferPointer(rebasing: list[skipsEnd...])
        let positions = stream.hasPositions
            ? UnsafeRawBufferPointer(rebasing: positionsData[info.positionsOffset..<(info.positionsOffset + info.positionsLength)])
            : UnsafeRawBufferPointer(start: nil, count: 0)
        let limit = stream == .transcript ? cueCount : episodeCount
        return PostingsCursor(owner: self, skips: skips, docs: docs, positionData: positions,
                              count: info.documentFrequency, documentLimit: limit)
    }
}
