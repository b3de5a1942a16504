#if canImport(Glibc)
import Glibc
#endif

/// Flushing: the in-memory builders become one immutable segment on disk.
///
/// The lanes' builders are joined in lane order into one, which `SegmentWriter` writes as
/// one segment. Nothing is visible to readers until `commit` names it in a manifest.
extension IndexWriter {
    /// Writes the in-memory builders to one segment (not yet visible: no manifest names
    /// it until `commit`).
    func flush() throws(IndexError) {
        let busy = lanes.indices.filter { !lanes[$0].isEmpty }
        guard let target = busy.first else { return }
        largestFlushedBytes = max(largestFlushedBytes, memoryInUse)
        flushes.append((memoryInUse, flushLimit))
        noteFlush()
        var clock = PhaseClock()
        if PhaseClock.enabled {
            clock.note("\(memoryInUse >> 20) MB buffered (\(lanes.reduce(0) { $0 + $1.terms.count }) terms), "
                + "\(MemoryRelease.residentBytes() >> 20) MB resident before, \(Self.peakResidentBytes() >> 20) MB peak so far")
        }
        // Join the other cores' builders into the first: one flush, one segment.
        for lane in busy.dropFirst() {
            let shift = lanes[target].episodeCount
            var other = lanes[lane]
            lanes[lane] = SegmentBuilder()
            lanes[target].absorb(&other)
            for (episodeID, location) in locations {
                if case .building(lane, let ordinal) = location {
                    locations[episodeID] = .building(lane: target, ordinal: ordinal + shift)
                }
            }
        }
        clock.lap("join builders")
        let id = newSegmentID()
        // The lexicon of the segments written so far is kept from one flush to the next (a
        // flush only adds words), so old segments' dictionaries are not re-read (their pages
        // would count against the memory budget) and the set is grown in place.
        var lexicon = cachedLexicon ?? existingLexicon()
        cachedLexicon = nil
        clock.lap("existing lexicon")
        clock.report("flush")
        let state = try segmentWriter.write(&lanes[target], as: id, lexicon: &lexicon)
        cachedLexicon = lexicon
        for (episodeID, location) in locations {
            if case .building(target, let ordinal) = location { locations[episodeID] = .segment(id, ordinal) }
        }
        segments.append(state)
        lanes[target] = SegmentBuilder()
        written += 1
        // The builders' many arrays were freed; hand the pages back to the kernel now,
        // or the heap's holes keep the process above its memory budget.
        MemoryRelease.releaseFreedPages()
        for state in segments { state.reader.releaseResidentPages() }
        measureBaseline()
        if PhaseClock.enabled {
            var after = PhaseClock()
            after.note("\(baselineBytes >> 20) MB resident after, \(Self.peakResidentBytes() >> 20) MB peak so far, "
                + "next flush at \(flushThreshold >> 20) MB buffered; held: compound lexicon "
                + "\((cachedLexicon?.memoryBytes ?? 0) >> 20) MB, \(segments.count) segments open")
            after.report("flushed")
        }
    }

    /// The compound lexicon of the segments already written (their terms and the keys of
    /// their inflection tables) and of the common Swedish words.
    func existingLexicon() -> CompoundLexicon {
        var lexicon = CompoundLexicon.common
        for state in segments {
            let reader = state.reader
            for ordinal in 0..<reader.termCount { lexicon.insert(word: reader.term(at: ordinal)) }
            if let table = reader.expansions.tables.first {
                for index in 0..<table.count { lexicon.insert(key: String(decoding: table.key(index), as: UTF8.self)) }
            }
            // Its term and key pages were read once; they would add up to the whole index's
            // vocabulary files (300 MB at 50,000 episodes) against the budget.
            reader.releaseResidentPages()
        }
        return lexicon
    }
}
