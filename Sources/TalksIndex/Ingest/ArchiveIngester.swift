import Dispatch
import Foundation
import TalksIngest
import TalksModel

/// Progress of an ingest, reported after each batch of episodes.
public struct IngestProgress: Sendable {
    public var episodesDone: Int
    public var episodesTotal: Int
    /// Cues indexed so far (unchanged episodes not counted).
    public var cues: Int
    /// Cue-text bytes indexed so far.
    public var bytes: Int
}

/// An episode (or folder) that was not indexed, and why.
public struct IngestRejection: Sendable, Hashable {
    /// The episode id, when the scanner found one.
    public var id: String?
    /// The folder, as the user named it.
    public var path: String
    /// The reasons, each with file and line where known.
    public var diagnostics: [Diagnostic]
}

/// What `ArchiveIngester.ingest` did.
public struct IngestSummary: Sendable {
    public var added = 0
    public var replaced = 0
    public var unchanged = 0
    /// Cues and cue-text bytes of the added and replaced episodes.
    public var cues = 0
    public var bytes = 0
    public var rejections: [IngestRejection] = []
    /// Warnings about episodes that were indexed anyway.
    public var warnings: [Diagnostic] = []
    public var generation: UInt64 = 0
    public var liveEpisodes = 0
    public var seconds: Double = 0

    public init() {}
}

/// Brings an index up to date with archive folders: scan, load and analyse on both
/// cores, skip unchanged episodes (same id and content hash), replace changed ones, add
/// new ones, commit once. Bad episodes are named and skipped; good ones are indexed.
/// Episodes in the index but not in `paths` are left alone (`talks remove` deletes).
/// The writer's memory budget holds throughout: batches are bounded in episodes and in
/// transcript bytes, and an episode whose loading may take more than a 16th of the budget
/// is indexed alone, or rejected when it cannot fit (`IndexWriter+LongEpisodes`).
public enum ArchiveIngester {
    /// The most episodes loaded and analysed per parallel batch (fewer when their
    /// transcripts reach `IndexWriter.batchTranscriptBytes`).
    static let batchSize = 64

    public static func ingest(
        paths: [String], index: String, memoryBudget: Int = 256 << 20,
        progress: (IngestProgress) -> Void = { _ in }
    ) throws -> IngestSummary {
        let started = Date()
        let scan = try ArchiveScanner.scan(paths)
        var summary = IngestSummary()
        for diagnostic in scan.diagnostics {
            if diagnostic.severity == .error {
                summary.rejections.append(IngestRejection(id: nil, path: diagnostic.file, diagnostics: [diagnostic]))
            } else {
                summary.warnings.append(diagnostic)
            }
        }
        let writer = try IndexWriter.open(directory: index, memoryBudget: memoryBudget)
        defer { writer.close() }
        let known = Dictionary(uniqueKeysWithValues: writer.episodeIDs.compactMap { id in
            writer.contentHash(ofEpisode: id).map { (id, $0) }
        })
        let analyzer = writer.analyzer
        let sources = scan.sources
        // What loading each transcript may take decides how it is indexed: alone when over
        // `aloneLoadingBytes` (`IndexWriter+LongEpisodes`), else in batches of at most
        // `batchSize` episodes and `batchTranscriptBytes` of transcript files.
        let costs = sources.map { source in
            TranscriptLoadingCost.of(transcript: source.transcriptPath, countingAbove: writer.aloneLoadingBytes)
        }
        func isLong(_ index: Int) -> Bool { costs[index].loadingBytes > writer.aloneLoadingBytes }
        var start = 0
        while start < sources.count {
            if isLong(start), let path = sources[start].transcriptPath {
                let outcome = try ingestAlone(sources[start], transcript: path, cost: costs[start], into: writer, known: known)
                tally(outcome, known: known, into: &summary)
                start += 1
                progress(IngestProgress(episodesDone: start, episodesTotal: sources.count, cues: summary.cues, bytes: summary.bytes))
                continue
            }
            var end = start + 1
            var bytes = costs[start].fileBytes
            while end < sources.count, end - start < batchSize, !isLong(end),
                  bytes + costs[end].fileBytes <= writer.batchTranscriptBytes {
                bytes += costs[end].fileBytes
                end += 1
            }
            let batch = Array(sources[start..<end])
            let outcomes = try writer.addInParallel(count: batch.count) { index in
                load(batch[index], known: known, analyzer: analyzer)
            }
            for outcome in outcomes { tally(outcome, known: known, into: &summary) }
            start += batch.count
            progress(IngestProgress(episodesDone: start, episodesTotal: sources.count, cues: summary.cues, bytes: summary.bytes))
        }
        let built = Date()
        let buffered = writer.memoryInUse
        let commit = try writer.commit()
        if ProcessInfo.processInfo.environment["TALKS_INDEX_TIMING"] != nil {
            let phases = String(format: "scan+load+analyse+build %.3f s, flush+merge+commit %.3f s, %d MB buffered at the end",
                                built.timeIntervalSince(started), Date().timeIntervalSince(built), buffered >> 20)
            FileHandle.standardError.write(Data("talks-index timing: \(phases)\n".utf8))
        }
        summary.generation = commit.generation
        summary.liveEpisodes = commit.liveEpisodes
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }

    /// Counts one episode's outcome in the summary.
    private static func tally(_ outcome: Outcome, known: [String: String], into summary: inout IngestSummary) {
        switch outcome {
        case .unchanged:
            summary.unchanged += 1
        case .rejected(let rejection):
            summary.rejections.append(IngestRejection(id: rejection.source.id, path: rejection.source.folder,
                                                      diagnostics: rejection.diagnostics))
        case .indexed(let id, let cues, let bytes, let warnings):
            if known[id] != nil { summary.replaced += 1 } else { summary.added += 1 }
            summary.cues += cues
            summary.bytes += bytes
            summary.warnings += warnings
        }
    }

    /// Indexes an episode with a long transcript on its own, within the writer's memory
    /// budget, or refuses it (`IndexWriter+LongEpisodes`).
    static func ingestAlone(_ source: EpisodeSource, transcript path: String, cost: TranscriptLoadingCost,
                            into writer: IndexWriter, known: [String: String]) throws(IndexError) -> Outcome {
        if let indexed = known[source.id], quickContentHash(source) == indexed { return .unchanged }
        // Twice at most: a reload comes after the writer flushed, and finds it empty.
        for _ in 0..<2 {
            try writer.prepareToAddAlone(loading: cost)
            if let refusal = writer.refusalBeforeLoading(transcript: path, cost: cost) {
                return .rejected(EpisodeRejection(source: source, diagnostics: [refusal]))
            }
            // Bound outside the switch, so the loader's result is gone and the cues have one
            // owner: `addAlone` frees their text as it builds.
            var loaded: LoadedEpisode
            switch EpisodeLoader.load(source) {
            case .failure(let rejection):
                return .rejected(rejection)
            case .success(let episode):
                loaded = episode
            }
            if known[loaded.episode.id] == loaded.contentHash { return .unchanged }
            let cues = loaded.transcript.cues.count
            var textBytes = 0
            for cue in loaded.transcript.cues { textBytes += cue.text.utf8.count }
            switch try writer.addAlone(&loaded, transcript: path, fileBytes: cost.fileBytes) {
            case .added:
                return .indexed(id: loaded.episode.id, cues: cues, bytes: textBytes, warnings: loaded.diagnostics)
            case .refused(let refusal):
                return .rejected(EpisodeRejection(source: source, diagnostics: loaded.diagnostics + [refusal]))
            case .reload:
                continue  // the writer flushed what it held; the episode has the whole budget now
            }
        }
        throw IndexError.io(call: "ingest", path: path, errno: ENOMEM)
    }

    /// The content hash `EpisodeLoader` would compute (XXH64 over each file's name, length
    /// and bytes, metadata first), from the files alone. If the two ever disagree, the
    /// episode is merely loaded and compared the slow way; a match means the very bytes
    /// that were indexed.
    /// Read through TalksIngest, with its limits: never a FIFO, a device or an oversized file.
    static func quickContentHash(_ source: EpisodeSource) -> String? {
        EpisodeLoader.contentHash(ofFilesOf: source)
    }

    enum Outcome {
        case unchanged
        case rejected(EpisodeRejection)
        case indexed(id: String, cues: Int, bytes: Int, warnings: [Diagnostic])
    }

    /// Loads one episode and analyses it unless its content hash is already indexed.
    static func load(_ source: EpisodeSource, known: [String: String], analyzer: EpisodeAnalyzer) -> (AnalysedEpisode?, Outcome) {
        // Unchanged files are recognised from their bytes alone, without parsing.
        if let indexed = known[source.id], quickContentHash(source) == indexed {
            return (nil, .unchanged)
        }
        switch EpisodeLoader.load(source) {
        case .failure(let rejection):
            return (nil, .rejected(rejection))
        case .success(let loaded):
            if known[loaded.episode.id] == loaded.contentHash { return (nil, .unchanged) }
            let analysed = analyzer.analyse(episode: loaded.episode, cues: loaded.transcript.cues,
                                            contentHash: loaded.contentHash, sourcePath: loaded.sourcePath)
            return (analysed, .indexed(id: loaded.episode.id, cues: analysed.cues.count, bytes: analysed.textBytes,
                                       warnings: loaded.diagnostics))
        }
    }
}
