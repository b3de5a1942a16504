#if canImport(Glibc)
import Glibc
#endif
import Foundation
import TalksIndex
import TalksSystem

/// Holds the current `Searcher` of an index directory and swaps in a new one when ingest
/// commits a new generation: what the server keeps for its whole life.
///
/// `searcher()` checks the manifest's identity (inode, size, modification time: one
/// `stat`, no read) on every call and reopens only when it changed. Requests already running
/// keep the `Searcher` they hold (the old generation's files stay mapped until its last user
/// lets go), so a reload never fails a request. Every file's CRC-32C is checked when a
/// generation is opened (about 1 ms per MB), except files `checked.json` vouches for
/// (verified and unchanged since), so a damaged file is never served: if reopening fails, the previous searcher keeps serving, the error is kept in
/// `lastReloadError`, and that manifest is not retried until it changes again.
public final class SearchEngine: @unchecked Sendable {
    public let directory: String
    public let parameters: RankingParameters
    private let lock = NSLock()
    private var current: Searcher?
    private var stamp: FileStamp?
    private var reloadError: IndexError?
    /// The manifest whose generation failed to open, so it is not re-verified per request.
    private var failedStamp: FileStamp?

    public init(directory: String, parameters: RankingParameters = RankingParameters()) {
        self.directory = directory
        self.parameters = parameters
    }

    /// The searcher for the newest generation. Throws `IndexError.noIndex` (or the open
    /// error) only when no generation could ever be opened.
    public func searcher() throws(IndexError) -> Searcher {
        let latest = FileStamp(path: directory + "/manifest.json")
        lock.lock()
        defer { lock.unlock() }
        if let current, latest == nil || latest == stamp || latest == failedStamp {
            return current
        }
        if latest != nil, latest == failedStamp, let reloadError {
            throw reloadError
        }
        do {
            let reader = try IndexReader.open(directory: directory)
            reader.prefault()  // a long-lived reader: no page faults in requests
            let searcher = Searcher(reader: reader, parameters: parameters)
            current = searcher
            // Re-stat after opening: if a commit raced the open, the next call reopens.
            stamp = latest
            reloadError = nil
            failedStamp = nil
            return searcher
        } catch {
            reloadError = error
            failedStamp = latest
            if let current { return current }
            throw error
        }
    }

    /// The generation being served, if one is open.
    public var generation: UInt64? {
        lock.lock()
        defer { lock.unlock() }
        return current?.generation
    }

    /// Why the last attempt to open a newer generation failed, if it did.
    public var lastReloadError: IndexError? {
        lock.lock()
        defer { lock.unlock() }
        return reloadError
    }
}
