import Foundation
import TalksIndex
import TalksIngest
import TalksModel

/// Brings an index up to date with archive folders: scan, load and analyse on both
/// cores, skip unchanged episodes (same id and content hash), replace changed ones, add
/// new ones, commit once. Bad episodes are named and skipped; good ones are indexed.
/// Episodes in the index but not in `paths` are left alone (`talks remove` deletes).
public enum ArchiveIndexer {
    /// Episodes loaded and analysed per parallel batch.
    static let batchSize = 64

    public static func ingest(
        paths: [String], index: String, memoryBudget: Int = 256 << 20,
        progress: (IngestProgress) -> Void = { _ in }
    ) throws -> IngestSummary {
        let started = Date()
        var clock = PhaseClock()
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
        var start = 0
        while start < sources.count {
            let items = Array(sources[start..<min(sources.count, start + batchSize)])
            let batch = writer.beginBatch(count: items.count)
            let outcomes = ParallelBuild.run(batch) { index in
                load(items[index], known: known, analyzer: analyzer)
            }
            try writer.finish(batch)
            for outcome in outcomes {
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
        summary.seconds = Date().timeIntervalSince(started)
        return summary
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
