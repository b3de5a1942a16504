#if canImport(Glibc)
import Glibc
#endif

/// One generation of the index, opened as an immutable snapshot.
///
/// Opening reads `manifest.json` and memory-maps every live segment. A writer may commit
/// and garbage-collect segment files at any time; a reader that already mapped them keeps
/// reading its generation, and one that finds a file gone while opening re-reads the
/// manifest and tries again. Searches hold one `IndexReader` for their whole duration, so
/// they always see one whole generation.
public final class IndexReader: Sendable {
    public let directory: String
    public let generation: UInt64
    public let segments: [SegmentReader]
    /// The Swedish analysis the live segments were written with, summed up
    /// (`IndexAnalysis.summary`: one name, `mixed (…)`, or `none` for an empty index).
    public let analysis: String

    init(directory: String, generation: UInt64, segments: [SegmentReader], analysis: String = IndexAnalysis.none) {
        self.directory = directory
        self.generation = generation
        self.segments = segments
        self.analysis = analysis
    }

    /// Opens the current generation in `directory`. Throws `IndexError.noIndex` when there
    /// is no manifest, and errors naming the file when one is damaged or of another version.
    /// Every segment file's CRC-32C is checked (`IndexError.checksumMismatch` names the
    /// file) unless `checked.json` says it was verified for this generation and the file's
    /// inode, size and ctime did not change since (FORMAT.md, "Checked stamps"): an
    /// untouched index opens without reading every byte. After checking files it refreshes
    /// `checked.json` (best effort). `verifyChecksums` forces a full check of every file.
    public static func open(directory: String, verifyChecksums: Bool = false) throws(IndexError) -> IndexReader {
        guard var manifest = try Manifest.read(directory: directory) else {
            throw IndexError.noIndex(directory: directory)
        }
        var attempts = 0
        while true {
            attempts += 1
            do {
                return try open(directory: directory, manifest: manifest, verifyChecksums: verifyChecksums)
            } catch let error {
                // A file named by the manifest is gone: a writer committed a newer
                // generation and collected it. Open that generation instead. If the
                // manifest did not change, the file is really missing: report it.
                guard case .io(_, _, let code) = error, code == ENOENT else { throw error }
                guard let newer = try Manifest.read(directory: directory) else { throw IndexError.noIndex(directory: directory) }
                if newer == manifest { throw error }
                if attempts >= 8 { throw IndexError.unstable(directory: directory) }
                manifest = newer
            }
        }
    }

    /// `checksums: false` skips every checksum (tests measure what structure checks alone find).
    static func open(directory: String, manifest: Manifest, verifyChecksums: Bool,
                     checksums: Bool = true) throws(IndexError) -> IndexReader {
        let stamps = verifyChecksums ? CheckedStamps(generation: manifest.generation, files: [:])
            : CheckedStamps.read(directory: directory, generation: manifest.generation)
        let segments = try manifest.segments.map { (entry) throws(IndexError) -> SegmentReader in
            let segment = try SegmentReader(directory: directory, id: entry.id, deleted: entry.deleted,
                                            checksums: checksums ? .unlessStamped(stamps) : .none)
            guard segment.episodeCount == entry.episodes, segment.cueCount == entry.cues else {
                throw IndexError.corrupt(file: entry.id.fileName(.episodes),
                    detail: "it holds \(segment.episodeCount) episodes and \(segment.cueCount) cues, but the manifest says \(entry.episodes) and \(entry.cues)")
            }
            return segment
        }
        let reader = IndexReader(directory: directory, generation: manifest.generation, segments: segments,
                                 analysis: manifest.analysis)
        if !reader.checkedFiles.isEmpty {
            // Every file is now verified or vouched for: stamp them for the next reader.
            var fresh = CheckedStamps(generation: manifest.generation, files: [:])
            for segment in segments {
                for file in segment.files.values { fresh.files[file.name] = file.identity }
            }
            fresh.write(directory: directory, unlessEqualTo: stamps) {
                (try? Manifest.read(directory: directory))?.generation == manifest.generation
            }
        }
        return reader
    }

    /// Names of the files whose CRC-32C was checked in full while opening (the others
    /// were vouched for by `checked.json`).
    var checkedFiles: [String] {
        segments.flatMap(\.checkedFiles)
    }

    /// The format version of the index in `directory` when it is older than this talks
    /// reads (it must be re-ingested); nil when there is none, or it is current or damaged
    /// (opening it then says what is wrong).
    public static func olderFormat(directory: String) -> UInt32? {
        do {
            _ = try Manifest.read(directory: directory)
        } catch .olderFormat(_, let found) {
            return found
        } catch {
        }
        return nil
    }

    /// Whether `directory` holds an index (a manifest).
    public static func exists(directory: String) -> Bool {
        FileSystem.exists(directory + "/" + Manifest.fileName)
    }

    /// Live episodes over all segments.
    public var episodeCount: Int {
        segments.reduce(0) { $0 + $1.liveEpisodeCount }
    }

    /// Cues of live episodes over all segments.
    public var cueCount: Int {
        var total = 0
        for segment in segments {
            for episode in 0..<segment.episodeCount where !segment.isDeleted(episode: episode) {
                total += segment.cueRange(ofEpisode: episode).count
            }
        }
        return total
    }

    /// Where the live episode with this id is: its segment index and ordinal.
    public func locate(episodeID id: String) -> (segment: Int, ordinal: Int)? {
        for (index, segment) in segments.enumerated() {
            if let ordinal = segment.episodeOrdinal(id: id), !segment.isDeleted(episode: ordinal) {
                return (index, ordinal)
            }
        }
        return nil
    }

    /// Maps every page of every segment file now, so no query of this reader waits on a
    /// page fault. A long-running server or a batch of queries calls it once after opening
    /// (it costs a few milliseconds per 100 MB of index with the files in the page cache);
    /// a single CLI search does not.
    public func prefault() {
        for segment in segments { segment.prefault() }
    }
}
