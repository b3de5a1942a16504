import TalksIngest
import TalksModel

/// What a commit did.
public struct CommitSummary: Sendable, Equatable {
    public var generation: UInt64
    public var episodesAdded: Int
    public var episodesRemoved: Int
    public var segmentsWritten: Int
    public var segmentsMerged: Int
    public var liveEpisodes: Int
}

/// The one writer of an index directory: buffers added and removed episodes and commits
/// them as a new generation.
///
/// `open` takes `.write.lock`; a second writer gets `IndexError.locked` naming the PID.
/// Added episodes are analysed into an in-memory segment, flushed to immutable files when
/// `memoryBudget` is reached; `commit` flushes, merges small segments, writes the new
/// manifest atomically and deletes files no generation needs any more.
public final class IndexWriter {
    public let directory: String
    public let memoryBudget: Int

    init(directory: String, memoryBudget: Int) {
        self.directory = directory
        self.memoryBudget = memoryBudget
    }

    public static func open(directory: String, memoryBudget: Int = 256 << 20) throws(IndexError) -> IndexWriter {
        IndexWriter(directory: directory, memoryBudget: memoryBudget)
    }

    /// Adds an episode, replacing a live one with the same id.
    public func add(_ episode: LoadedEpisode) throws {}

    /// Marks the episode with this id deleted; throws `episodeNotFound` if none is live.
    public func remove(id: String) throws {}

    public func commit() throws(IndexError) -> CommitSummary {
        CommitSummary(generation: 0, episodesAdded: 0, episodesRemoved: 0, segmentsWritten: 0, segmentsMerged: 0, liveEpisodes: 0)
    }

    /// Releases the lock without committing.
    public func close() {}
}
