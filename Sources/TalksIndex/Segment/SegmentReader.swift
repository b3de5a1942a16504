import TalksModel

/// One immutable segment of the index, memory-mapped: its term dictionary, postings,
/// positions, field lengths, stored cues, episode metadata and expansion tables.
///
/// A segment holds a contiguous run of episodes (ordinals 0..<episodeCount) and their cues
/// (ordinals 0..<cueCount; an episode's cues are contiguous). Deleted episodes come from
/// the manifest of the generation that opened the segment and are fixed for the reader's
/// life. Opening checks every file's header, version and section table; reads check every
/// offset they take from a file, so damage gives an `IndexError` naming the file.
///
/// Sendable because it is immutable after `init`: the mappings are read-only and never
/// unmapped before the object dies (hence `@unchecked` for the raw pointers it holds).
public final class SegmentReader: @unchecked Sendable {
    public let id: SegmentID
    /// The directory holding the segment files.
    public let directory: String

    public let episodeCount: Int
    public let cueCount: Int
    public let termCount: Int
    /// Live episodes: `episodeCount` minus deleted ones.
    public let liveEpisodeCount: Int

    let files: [FileKind: MappedFile]
    let dictionary: TermDictionaryReader
    let postingsData: UnsafeRawBufferPointer
    let positionsData: UnsafeRawBufferPointer
    let lengths: FieldLengthsReader
    let store: CueStoreReader
    let episodes: EpisodeStoreReader
    let expansions: ExpansionTablesReader
    let deleted: [UInt64]

    /// Opens the files of segment `id` in `directory`; `deleted` lists deleted episode
    /// ordinals (from the manifest). A missing file throws `IndexError.io` with ENOENT.
    /// With `verifyChecksums`, every file's CRC-32C is checked first (reads every byte:
    /// about 1 ms per MB). `IndexReader.open` checks only files `checked.json` does not
    /// vouch for (`ChecksumCheck.unlessStamped`).
    public convenience init(directory: String, id: SegmentID, deleted deletedOrdinals: [Int] = [],
                            verifyChecksums: Bool = false) throws(IndexError) {
        try self.init(directory: directory, id: id, deleted: deletedOrdinals,
                      checksums: verifyChecksums ? .all : .none)
    }

    /// Which files' CRC-32C to check while opening.
    enum ChecksumCheck {
        case none
        case all
        /// Every file `stamps` does not cover with its current identity.
        case unlessStamped(CheckedStamps)
    }

    /// Names of the files whose CRC-32C was checked in full while opening.
    let checkedFiles: [String]

    init(directory: String, id: SegmentID, deleted deletedOrdinals: [Int] = [],
         checksums: ChecksumCheck) throws(IndexError) {
        self.id = id
        self.directory = directory
        var files: [FileKind: MappedFile] = [:]
        var sections: [FileKind: [UnsafeRawBufferPointer]] = [:]
        var checkedFiles: [String] = []
        for kind in FileKind.allCases {
            let file = try MappedFile(path: directory + "/" + id.fileName(kind))
            let check: Bool
            switch checksums {
            case .none: check = false
            case .all: check = true
            case .unlessStamped(let stamps): check = !stamps.covers(file.name, file.identity)
            }
            files[kind] = file
            // The frame first, so a file of another format version is named as such.
            sections[kind] = try FileContainer.open(
                file.bytes, file: file.name, kind: kind, segment: id,
                expectedSections: SegmentLayout.sectionCount(kind))
            if check {
                try FileContainer.verifyChecksum(file.bytes, file: file.name)
                checkedFiles.append(file.name)
            }
        }
        self.files = files
        self.checkedFiles = checkedFiles
        func part(_ kind: FileKind) -> [UnsafeRawBufferPointer] { sections[kind] ?? [] }
        func name(_ kind: FileKind) -> String { id.fileName(kind) }

        episodes = try EpisodeStoreReader(part(.episodes), file: name(.episodes))
        episodeCount = episodes.count
        cueCount = episodes.cueCount
        store = try CueStoreReader(part(.store), file: name(.store), cueCount: cueCount)
        lengths = try FieldLengthsReader(part(.lengths), file: name(.lengths),
                                         episodeCount: episodeCount, cueCount: cueCount)
        dictionary = try TermDictionaryReader(part(.terms), file: name(.terms))
        termCount = dictionary.count
        postingsData = part(.postings).first ?? UnsafeRawBufferPointer(start: nil, count: 0)
        positionsData = part(.positions).first ?? UnsafeRawBufferPointer(start: nil, count: 0)
        expansions = try ExpansionTablesReader(part(.expansions), file: name(.expansions), termCount: termCount)

        var bits = [UInt64](repeating: 0, count: (episodeCount + 63) / 64)
        var deletedCount = 0
        for ordinal in deletedOrdinals where ordinal >= 0 && ordinal < episodeCount {
            let mask = UInt64(1) << UInt64(ordinal & 63)
            if bits[ordinal >> 6] & mask == 0 {
                bits[ordinal >> 6] |= mask
                deletedCount += 1
            }
        }
        deleted = bits
        liveEpisodeCount = episodeCount - deletedCount
    }

    /// Whether the episode was deleted (removed or replaced) in this reader's generation.
    @inline(__always)
    public func isDeleted(episode: Int) -> Bool {
        guard episode >= 0, episode < episodeCount else { return true }
        return deleted[episode >> 6] & (UInt64(1) << UInt64(episode & 63)) != 0
    }

    /// Whether the episode owning the cue was deleted.
    public func isDeleted(cue: Int) -> Bool {
        isDeleted(episode: episodeOrdinal(ofCue: cue))
    }

    /// The deleted episode ordinals, ascending.
    public var deletedEpisodes: [Int] {
        (0..<episodeCount).filter { isDeleted(episode: $0) }
    }

    /// Sizes of this segment's files in bytes, by kind.
    public var fileSizes: [FileKind: Int] {
        files.mapValues { $0.bytes.count }
    }

    /// Recomputes the CRC-32C of every file and checks every cross-reference (dictionary
    /// order, postings bounds and order, cue ranges). Reads every byte; used by `verify`.
    /// Drops the pages of this segment's files read so far from the resident set (they stay
    /// in the page cache); see `MappedFile.releaseResidentPages`.
    func releaseResidentPages() {
        for file in files.values { file.releaseResidentPages() }
    }

    public func verify() -> [IndexError] {
        SegmentVerifier(segment: self).run()
    }
}

/// How many sections each file kind has (FORMAT.md gives their contents).
enum SegmentLayout {
    static func sectionCount(_ kind: FileKind) -> Int {
        switch kind {
        case .terms: return 4
        case .postings: return 1
        case .positions: return 1
        case .lengths: return 4
        case .store: return 4
        case .episodes: return 4
        case .expansions: return ExpansionTablesReader.Map.allCases.count * ExpansionTablesReader.sectionsPerMap
        }
    }
}

extension SegmentReader {
    /// Maps all of this segment's file pages now (see `MappedFile.prefault`), so queries take
    /// no page faults: for readers that serve many queries.
    public func prefault() {
        for file in files.values { file.prefault() }
    }
}
