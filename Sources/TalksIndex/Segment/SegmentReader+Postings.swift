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
        return Double(lengths.totals[Stream(field).rawValue]) / Double(documents)
    }

    /// Tokens in the whole transcript of an episode (the length for `episodePostings`).
    public func episodeTranscriptLength(episode: Int) -> Int {
        lengths.episodeTranscriptLength(episode)
    }

    /// Mean transcript tokens per episode.
    public var averageEpisodeTranscriptLength: Double {
        guard episodeCount > 0 else { return 0 }
        return Double(lengths.totals[Stream.episodeTranscript.rawValue]) / Double(episodeCount)
    }

    /// The cursor over term `term`'s list in `stream`: empty when the term does not occur
    /// there, damaged (`PostingsCursor.isCorrupt`, exhausted) when its dictionary record or
    /// skip table does not fit the files.
    func cursor(term: Int, stream: Stream) -> PostingsCursor {
        let info: StreamInfo
        switch dictionary.entry(term, stream) {
        case .absent: return .empty
        case .damaged: return .damaged(.record, segment: self, term: term, stream: stream)
        case .present(let found): info = found
        }
        guard info.documentFrequency > 0 else { return .empty }
        guard info.postingsOffset >= 0, info.postingsLength >= 1,
              info.postingsOffset <= postingsData.count - info.postingsLength,
              info.positionsOffset >= 0, info.positionsLength >= 0,
              info.positionsOffset <= positionsData.count - info.positionsLength else {
            return .damaged(.record, segment: self, term: term, stream: stream)
        }
        let list = UnsafeRawBufferPointer(rebasing: postingsData[info.postingsOffset..<(info.postingsOffset + info.postingsLength)])
        var skipsStart = 0
        guard let skipCount = VarInt.read(list, at: &skipsStart),
              skipCount <= UInt64(list.count / PostingsCursor.skipEntryBytes),
              skipsStart + Int(skipCount) * PostingsCursor.skipEntryBytes <= list.count else {
            return .damaged(.skipTable, segment: self, term: term, stream: stream)
        }
        let skipsEnd = skipsStart + Int(skipCount) * PostingsCursor.skipEntryBytes
        let skips = UInt32Table(UnsafeRawBufferPointer(rebasing: list[skipsStart..<skipsEnd]))
        let docs = UnsafeRawBufferPointer(rebasing: list[skipsEnd...])
        let positions = stream.hasPositions
            ? UnsafeRawBufferPointer(rebasing: positionsData[info.positionsOffset..<(info.positionsOffset + info.positionsLength)])
            : UnsafeRawBufferPointer(start: nil, count: 0)
        let limit = stream == .transcript ? cueCount : episodeCount
        return PostingsCursor(segment: self, term: term, stream: stream, skips: skips, docs: docs, positionData: positions,
                              count: info.documentFrequency, documentLimit: limit)
    }

    /// The error for damage a cursor over term `term`'s `stream` list found: `at` is the
    /// documents read before it (list damage) or the document whose positions do not
    /// decode (position damage); `documents` is the list's length.
    func damageError(_ damage: PostingsCursor.Damage, term: Int, stream: Stream, at: Int, documents: Int) -> IndexError {
        let list = "the \(stream.name) list of term \"\(self.term(at: term))\" (ordinal \(term))"
        switch damage {
        case .record:
            return .corrupt(file: id.fileName(.terms), detail: "the record of \(list) is damaged or points outside "
                            + "\(id.fileName(.postings)) or \(id.fileName(.positions))")
        case .skipTable:
            return .corrupt(file: id.fileName(.postings), detail: "the skip table of \(list) does not fit the list")
        case .documents:
            return .corrupt(file: id.fileName(.postings), detail: "\(list) does not decode after \(at) of its \(documents) documents")
        case .positions:
            let document = stream == .transcript ? "cue \(at)" : "episode \(at)"
            return .corrupt(file: id.fileName(.positions), detail: "the positions of \(document) in \(list) do not decode")
        }
    }
}
