import Foundation
import TalksAnalysis
import TalksIndex
import TalksIngest
import TalksModel
import TalksSystem

/// Brings an index up to date with archive folders: scan, load and analyse on `threads`
/// threads, skip unchanged episodes (same id and content hash), replace changed ones, add
/// new ones, commit once. Bad episodes are named and skipped; good ones are indexed.
/// Episodes in the index but not in `paths` are left alone (`talks remove` deletes).
/// `rebuild` indexes unchanged episodes again too (after the Swedish analysis changed).
///
/// The Swedish lexicon (`PendingLexicon`) starts loading on another thread as soon as the
/// scan has found episodes, and is awaited only when a segment is written, so its half
/// second of CPU overlaps reading and analysing. Without it (no `hunspell-sv-se`), the
/// segments are keyed by the rules alone and the summary carries one notice saying so.
/// The writer's memory budget holds throughout: batches are bounded in episodes and in
/// transcript bytes, and an episode whose loading may take more than a 16th of the budget
/// is indexed alone, or rejected when it cannot fit (`IndexWriter+LongEpisodes`).
public enum ArchiveIndexer {
    /// The most episodes loaded and analysed per parallel batch (fewer when their
    /// transcripts reach `IndexWriter.batchTranscriptBytes`).
    static let batchSize = 64

    /// The smallest `--memory` that takes the Swedish lexicon: its tables hold about 45 MB
    /// for the whole ingest, beside the program and the open index (25–60 MB). Below it the
    /// analysis is rules only, and the summary says so.
    public static let lexiconMinimumBudget = 128 << 20

    public static func ingest(
        paths: [String], index: String, memoryBudget: Int = 256 << 20, threads: Int = Parallel.defaultWorkers,
        replacingOlderFormat: Bool = false, rebuild: Bool = false, lexicon: PendingLexicon? = nil,
        progress: (IngestProgress) -> Void = { _ in }
    ) throws -> IngestSummary {
        let started = Date()
        var clock = PhaseClock()
        var scan = try ArchiveScanner.scan(paths, keepingMetadataBytes: ArchiveScanner.keptMetadataBytes(memoryBudget: memoryBudget))
        // The sources are held here alone, so releasing an episode's kept metadata frees it.
        var sources = scan.sources
        scan.sources = []
        var summary = IngestSummary()
        for diagnostic in scan.diagnostics {
            if diagnostic.severity == .error {
                summary.rejections.append(IngestRejection(id: nil, path: diagnostic.file, diagnostics: [diagnostic]))
            } else {
                summary.warnings.append(diagnostic)
            }
        }
        let writer = try IndexWriter.open(directory: index, memoryBudget: memoryBudget, threads: threads,
                                          replacingOlderFormat: replacingOlderFormat)
        defer { writer.close() }
        let pending = lexicon ?? (memoryBudget >= lexiconMinimumBudget ? PendingLexicon(startingNow: false) : nil)
        if !sources.isEmpty { pending?.start() }
        writer.lexicon = pending
        let known = Dictionary(uniqueKeysWithValues: writer.episodeIDs.compactMap { id in
            writer.contentHash(ofEpisode: id).map { (id, $0) }
        })
        // What an unchanged episode is compared with: nothing when rebuilding.
        let skip = rebuild ? [:] : known
        let analyzer = writer.analyzer
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
                let outcome = try ingestAlone(sources[start], transcript: path, cost: costs[start], into: writer, known: skip)
                tally(outcome, known: known, into: &summary)
                sources[start].releaseKeptMetadata()
                start += 1
                progress(IngestProgress(episodesDone: start, episodesTotal: sources.count, cues: summary.cues, bytes: summary.bytes))
                continue
            }
            // The batch fits in what is left below the flush threshold (`batchTranscriptRoom`);
            // when not even this episode does, the builders are flushed first.
            try writer.makeRoom(forTranscriptBytes: costs[start].fileBytes)
            let room = writer.batchTranscriptRoom
            var end = start + 1
            var bytes = costs[start].fileBytes
            while end < sources.count, end - start < batchSize, !isLong(end),
                  bytes + costs[end].fileBytes <= room {
                bytes += costs[end].fileBytes
                end += 1
            }
            let items = Array(sources[start..<end])
            let batch = try writer.beginBatch(count: items.count, transcriptBytes: bytes)
            let outcomes = ParallelBuild.run(batch) { index in
                load(items[index], known: skip, analyzer: analyzer)
            }
            try writer.finish(batch)
            for outcome in outcomes { tally(outcome, known: known, into: &summary) }
            for index in start..<end { sources[index].releaseKeptMetadata() }
            start += items.count
            progress(IngestProgress(episodesDone: start, episodesTotal: sources.count, cues: summary.cues, bytes: summary.bytes))
        }
        clock.lap("scan+load+analyse+build")
        clock.note("\(writer.memoryInUse >> 20) MB buffered at the end")
        let commit = try writer.commit()
        clock.lap("flush+merge+commit")
        clock.report("ingest")
        summary.generation = commit.generation
        summary.liveEpisodes = commit.liveEpisodes
        summary.analysis = writer.analysisSummary
        if commit.segmentsWritten > 0 || commit.segmentsMerged > 0 {
            if let pending {
                if case .failure(let reason) = pending.result { summary.analysisNotice = "\(reason)" }
            } else {
                summary.analysisNotice = "--memory \(memoryBudget >> 20) MB leaves no room for the Swedish lexicon (about 45 MB): "
                    + "Swedish analysis uses rules only; give --memory \(lexiconMinimumBudget >> 20) or more to use the "
                    + "dictionary's lemmas and compounds."
            }
        }
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
        // Twice at most: a reload comes after the writer flushed, and finds it empty.
        for _ in 0..<2 {
            try writer.prepareToAddAlone(loading: cost)
            if let refusal = writer.refusalBeforeLoading(transcript: path, cost: cost) {
                return .rejected(EpisodeRejection(source: source, diagnostics: [refusal]))
            }
            // Bound outside the switch, so the loader's result is gone and the cues have one
            // owner: `addAlone` frees their text as it builds.
            var indexable: IndexableEpisode
            let diagnostics: [Diagnostic]
            switch EpisodeLoader.load(source, unlessContentHashIs: known[source.id]) {
            case .unchanged:
                return .unchanged
            case .rejected(let rejection):
                return .rejected(rejection)
            case .loaded(let loaded):
                diagnostics = loaded.diagnostics
                indexable = loaded.indexable
            }
            let cues = indexable.cues.count
            var textBytes = 0
            for cue in indexable.cues { textBytes += cue.text.utf8.count }
            switch try writer.addAlone(&indexable, transcript: path, fileBytes: cost.fileBytes) {
            case .added:
                return .indexed(id: indexable.episode.id, cues: cues, bytes: textBytes, warnings: diagnostics)
            case .refused(let refusal):
                return .rejected(EpisodeRejection(source: source, diagnostics: diagnostics + [refusal]))
            case .reload:
                continue  // the writer flushed what it held; the episode has the whole budget now
            }
        }
        throw IndexError.io(call: "ingest", path: path, errno: ENOMEM)
    }

    enum Outcome {
        case unchanged
        case rejected(EpisodeRejection)
        case indexed(id: String, cues: Int, bytes: Int, warnings: [Diagnostic])
    }

    /// Loads one episode and analyses it unless its content hash is already indexed.
    /// Each of its files is read once; an unchanged episode's transcript is hashed, not parsed.
    static func load(_ source: EpisodeSource, known: [String: String], analyzer: EpisodeAnalyzer) -> (AnalysedEpisode?, Outcome) {
        switch EpisodeLoader.load(source, unlessContentHashIs: known[source.id]) {
        case .unchanged:
            return (nil, .unchanged)
        case .rejected(let rejection):
            return (nil, .rejected(rejection))
        case .loaded(let loaded):
            let analysed = analyzer.analyse(loaded.indexable)
            return (analysed, .indexed(id: loaded.episode.id, cues: analysed.cueCount, bytes: analysed.textBytes,
                                       warnings: loaded.diagnostics))
        }
    }
}
