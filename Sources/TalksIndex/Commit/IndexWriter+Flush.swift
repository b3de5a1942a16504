import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// Flushing: the in-memory builders become one immutable segment on disk.
///
/// The cores' builders are joined, then the cue text is Huffman-coded while the
/// vocabulary is sorted and keyed, and the expansion tables are built while the postings,
/// terms, lengths and episodes files are written. All files are fsynced together at the
/// end. Nothing is visible to readers until `commit` names the segment in a manifest.
extension IndexWriter {
    /// Writes the in-memory builders to one segment (not yet visible: no manifest names
    /// it until `commit`).
    func flush() throws(IndexError) {
        let busy = lanes.indices.filter { !lanes[$0].isEmpty }
        guard let target = busy.first else { return }
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
        let state = try Self.write(&lanes[target], as: id, lexicon: &lexicon, directory: directory,
                                   faultInjection: faultInjection)
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
                + "next flush at \(flushThreshold >> 20) MB buffered")
            after.report("flushed")
        }
    }

    /// Serializes a builder as segment `id`, writes and fsyncs its files, opens it.
    /// `lexicon` (the other segments' words and keys) gets this segment's added.
    static func write(
        _ builder: inout SegmentBuilder, as id: SegmentID, lexicon: inout CompoundLexicon, directory: String,
        faultInjection: (@Sendable (String) throws(IndexError) -> Void)?
    ) throws(IndexError) -> SegmentState {
        var clock = PhaseClock()
        // Code the cue text and write the store file on one core while the other sorts the
        // vocabulary and computes its keys (which itself spreads over both cores). The
        // lanes' raw stores are moved into the task and freed as they are joined, and the
        // coded text is freed once written: the store is the biggest part of a builder.
        var stores = [builder.cueStore] + builder.joinedStores
        builder.cueStore = CueStoreBuilder()
        builder.joinedStores = []
        var snapshot: SegmentBuilder? = builder
        var storeOutcome: Result<String, IndexError> = .success("")
        var sorted: (ids: [Int], vocabulary: Vocabulary) = ([], Vocabulary(terms: []))
        withUnsafeMutablePointer(to: &stores) { storesIn in
            withUnsafeMutablePointer(to: &storeOutcome) { storeOut in
                withUnsafeMutablePointer(to: &sorted) { sortedOut in
                    withUnsafeMutablePointer(to: &snapshot) { snapshotIn in
                        let storesPointer = UnsafeMutableSendablePointer(storesIn)
                        let storePointer = UnsafeMutableSendablePointer(storeOut)
                        let sortedPointer = UnsafeMutableSendablePointer(sortedOut)
                        let snapshotPointer = UnsafeMutableSendablePointer(snapshotIn)
                        DispatchQueue.concurrentPerform(iterations: 2) { task in
                            if task == 0 {
                                var parts = storesPointer.pointer.pointee
                                storesPointer.pointer.pointee = []
                                storePointer.pointer.pointee = Self.writeStore(joining: &parts, as: id, directory: directory,
                                                                               faultInjection: faultInjection)
                            } else if let builder = snapshotPointer.pointer.pointee {
                                sortedPointer.pointer.pointee = builder.sortedVocabulary()
                            }
                        }
                    }
                }
            }
        }
        let storePath = try storeOutcome.get()
        // Drop the read-only copy so serializing mutates the buffers in place.
        snapshot = nil
        clock.lap("store text and vocabulary keys")
        sorted.vocabulary.addLexicon(to: &lexicon)
        clock.lap("lexicon")
        // Build the expansion tables (compound splitting is the costly part) while the
        // postings, terms, lengths and episodes are written. Files are written without
        // waiting, then fsynced together: the kernel writes the first ones back while the
        // later ones are still being built.
        let vocabulary = sorted.vocabulary
        let finalLexicon = lexicon
        let order = sorted
        var expansionSections: [[UInt8]] = []
        var outcome: Result<[String], IndexError> = .success([])
        withUnsafeMutablePointer(to: &builder) { builderIn in
            withUnsafeMutablePointer(to: &expansionSections) { expansionsOut in
                withUnsafeMutablePointer(to: &outcome) { outcomeOut in
                    let builderPointer = UnsafeMutableSendablePointer(builderIn)
                    let expansionsPointer = UnsafeMutableSendablePointer(expansionsOut)
                    let outcomePointer = UnsafeMutableSendablePointer(outcomeOut)
                    DispatchQueue.concurrentPerform(iterations: 2) { task in
                        if task == 0 {
                            var clock = PhaseClock()
                            expansionsPointer.pointer.pointee = ExpansionTablesWriter.build(vocabulary, lexicon: finalLexicon)
                            clock.lap("build")
                            clock.report("expansion tables")
                            return
                        }
                        var clock = PhaseClock()
                        defer { clock.lap("serialize"); clock.report("postings, terms, lengths, episodes") }
                        var written: [String] = [storePath]
                        do throws(IndexError) {
                            try builderPointer.pointer.pointee.serialize(as: id, sorted: order) {
                                (kind) throws(IndexError) -> FileContainerWriter in
                                try faultInjection?("write \(id.fileName(kind))")
                                let path = directory + "/" + id.fileName(kind)
                                let file = try FileContainerWriter(path: path, kind: kind, segment: id)
                                written.append(path)
                                return file
                            }
                            outcomePointer.pointer.pointee = .success(written)
                        } catch {
                            outcomePointer.pointer.pointee = .failure(error)
                        }
                    }
                }
            }
        }
        clock.lap("postings and expansion tables")
        var written = try outcome.get()
        try faultInjection?("write \(id.fileName(.expansions))")
        let expansionsPath = directory + "/" + id.fileName(.expansions)
        try FileContainerWriter.write(path: expansionsPath, kind: .expansions, segment: id, sections: expansionSections)
        written.append(expansionsPath)
        clock.lap("expansions file")
        for path in written { try FileSystem.syncFile(path) }
        clock.lap("fsync")
        clock.report("write \(id)")
        let deleted = builder.deleted
        let reader = try SegmentReader(directory: directory, id: id, deleted: Array(deleted))
        return SegmentState(reader: reader, deleted: deleted)
    }

    /// Joins the lanes' cue stores (each freed once copied), codes the text and writes the
    /// `.store` file; its path.
    static func writeStore(
        joining parts: inout [CueStoreBuilder], as id: SegmentID, directory: String,
        faultInjection: (@Sendable (String) throws(IndexError) -> Void)?
    ) -> Result<String, IndexError> {
        guard !parts.isEmpty else { return .failure(.io(call: "write", path: directory, errno: EINVAL)) }
        var whole = parts.removeFirst()
        let extraRecords = parts.reduce(0) { $0 + $1.records.count }
        let extraCues = parts.reduce(0) { $0 + $1.offsets.count }
        whole.records.bytes.reserveCapacity(whole.records.count + extraRecords)
        whole.offsets.reserveCapacity(whole.offsets.count + extraCues)
        while !parts.isEmpty {
            let part = parts.removeFirst()
            whole.absorb(part)
        }
        let sections = whole.sections()
        whole = CueStoreBuilder()
        let path = directory + "/" + id.fileName(.store)
        do throws(IndexError) {
            try faultInjection?("write \(id.fileName(.store))")
            try FileContainerWriter.write(path: path, kind: .store, segment: id, sections: sections)
            return .success(path)
        } catch {
            return .failure(error)
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
        }
        return lexicon
    }
}
