/// Checks every byte of a segment: CRC footers, dictionary order, every postings list
/// (order, bounds, positions), the totals against the postings, stored episodes and cues,
/// and the expansion tables. Used by `talks verify`; reads every byte, so it is slow on
/// purpose where opening a segment is fast.
struct SegmentVerifier {
    let segment: SegmentReader

    func run() -> [IndexError] {
        var problems: [IndexError] = []
        for kind in FileKind.allCases {
            guard let file = segment.files[kind] else { continue }
            do { try FileContainer.verifyChecksum(file.bytes, file: file.name) } catch { problems.append(error) }
        }
        // With a bad checksum the structure checks below would only repeat the news.
        guard problems.isEmpty else { return problems }
        checkDictionary(&problems)
        checkPostings(&problems)
        checkStore(&problems)
        checkExpansions(&problems)
        return problems
    }

    private func problem(_ kind: FileKind, _ detail: String) -> IndexError {
        .corrupt(file: segment.id.fileName(kind), detail: detail)
    }

    private func checkDictionary(_ problems: inout [IndexError]) {
        let dictionary = segment.dictionary
        for ordinal in 0..<dictionary.count {
            let start = dictionary.offsets.unchecked(ordinal)
            let end = dictionary.offsets.unchecked(ordinal + 1)
            guard start <= end else {
                problems.append(problem(.terms, "term \(ordinal) has offsets \(start)..<\(end)"))
                return
            }
            if ordinal > 0 && dictionary.compare(ordinal - 1, dictionary.termBytes(ordinal)) >= 0 {
                problems.append(problem(.terms, "term \(ordinal) (\"\(segment.term(at: ordinal))\") is not after term \(ordinal - 1) in byte order"))
                return
            }
        }
    }

    private func checkPostings(_ problems: inout [IndexError]) {
        var sums = [UInt64](repeating: 0, count: Stream.count)
        var buffer: [UInt32] = []
        for term in 0..<segment.termCount {
            for stream in Stream.allCases {
                guard let info = segment.dictionary.streamInfo(term, stream) else { continue }
                var cursor = segment.cursor(term: term, stream: stream)
                var seen = 0
                while cursor.next() {
                    seen += 1
                    sums[stream.rawValue] &+= UInt64(cursor.frequency)
                    if stream.hasPositions {
                        cursor.positions(into: &buffer)
                        if buffer.count != cursor.frequency || cursor.isCorrupt {
                            problems.append(problem(.positions, "term \"\(segment.term(at: term))\" (\(stream)): positions of document \(cursor.document) do not decode"))
                            return
                        }
                    }
                }
                if cursor.isCorrupt || seen != info.documentFrequency {
                    problems.append(problem(.postings, "term \"\(segment.term(at: term))\" (\(stream)): \(seen) of \(info.documentFrequency) documents decode"))
                    return
                }
            }
        }
        let totals = segment.lengths.totals
        for stream in Stream.allCases where stream != .episodeTranscript {
            if sums[stream.rawValue] != totals[stream.rawValue] {
                problems.append(problem(.lengths, "the \(stream) field has \(sums[stream.rawValue]) postings but its length total is \(totals[stream.rawValue])"))
            }
        }
        if sums[Stream.episodeTranscript.rawValue] != totals[Stream.transcript.rawValue] {
            problems.append(problem(.postings, "per-episode transcript frequencies add up to \(sums[Stream.episodeTranscript.rawValue]), per-cue ones to \(totals[Stream.transcript.rawValue])"))
        }
    }

    private func checkStore(_ problems: inout [IndexError]) {
        var ids = Set<String>()
        for ordinal in 0..<segment.episodeCount {
            do {
                let episode = try segment.episode(ordinal)
                if !ids.insert(episode.id).inserted {
                    problems.append(problem(.episodes, "episode id '\(episode.id)' occurs twice"))
                }
                if segment.episodeOrdinal(id: episode.id) == nil {
                    problems.append(problem(.episodes, "episode '\(episode.id)' is missing from the id index"))
                }
            } catch {
                problems.append(error)
                return
            }
        }
        for ordinal in 0..<segment.cueCount {
            do { _ = try segment.cue(ordinal) } catch {
                problems.append(error)
                return
            }
        }
    }

    private func checkExpansions(_ problems: inout [IndexError]) {
        for (index, table) in segment.expansions.tables.enumerated() {
            let map = ExpansionTablesReader.Map(rawValue: index) ?? .inflection
            let bound = segment.expansions.bound(map)
            let what = map == .lemmaForm ? "lemma key index" : "term ordinal"
            let beyond = map == .lemmaForm ? "lemma keys" : "terms"
            for entry in 0..<table.entries.count where Int(table.entries.unchecked(entry)) >= bound {
                problems.append(problem(.expansions, "table \(index) lists \(what) \(table.entries.unchecked(entry)), beyond the \(bound) \(beyond)"))
                return
            }
        }
    }
}
