import Foundation
import TalksIndex
import TalksIndexing
import TalksIngest
import XCTest

/// Builds real indexes from the sample archive (`archive/` at the repository root) in
/// temporary directories: episodes loaded by TalksIngest, committed by IndexWriter in the
/// generations a test asks for.
enum SampleIndex {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let archive = repositoryRoot.appendingPathComponent("archive").path

    /// Every loadable episode of the sample archive, sorted by id.
    static func episodes() throws -> [IndexableEpisode] {
        guard FileManager.default.fileExists(atPath: archive) else {
            throw XCTSkip("the sample archive \(archive) is absent")
        }
        let scan = try ArchiveScanner.scan([archive])
        return scan.sources.compactMap { try? EpisodeLoader.load($0).get().indexable }.sorted { $0.episode.id < $1.episode.id }
    }

    static func temporaryDirectory(_ name: String) throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("talks-server-\(name)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Commits `episodes` into the index at `directory` (creating it) as one generation.
    @discardableResult
    static func commit(_ episodes: [IndexableEpisode], into directory: String) throws -> UInt64 {
        let writer = try IndexWriter.open(directory: directory)
        defer { writer.close() }
        try writer.add(contentsOf: episodes)
        return try writer.commit().generation
    }
}
