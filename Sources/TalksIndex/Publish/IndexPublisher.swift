#if canImport(Glibc)
import Glibc
#endif
import TalksSystem

/// Copies an index's current generation to another folder (a replica's) so that a
/// `talks serve` reading that folder moves to it atomically, with no failed request.
///
/// The order is what makes it safe for a reader at any moment (FORMAT.md, "Publishing"):
/// 1. The source's manifest is read once; the files of exactly its segments are copied.
///    Segment files are immutable and never reused, so a file opened is the file the
///    manifest meant; if the source's writer removed one first (it committed a newer
///    generation meanwhile), the copy begins again from the new manifest.
/// 2. Each file the destination lacks, or holds with another size or footer, is written
///    under a temporary name, fsynced, read back and checked against its CRC-32C footer,
///    then renamed into place; then the folder is fsynced. A damaged source file stops
///    the publish before the manifest moves.
/// 3. The manifest is written last (temporary name, fsync, rename, fsync of the folder):
///    until that rename, readers see the previous generation whole; after it, the new one.
/// 4. Segment files the new manifest no longer names are listed in `publish-pending.json`
///    and removed by a later publish once unreferenced for `grace` seconds, so a server
///    still opening or reading the previous generation is never cut off.
///
/// The files to copy are found by listing the source folder for each segment's name, so
/// whatever kinds of file a segment has (a later format may add one) are copied. No hard
/// links and no rename across file systems: it works onto a network-mounted folder. The
/// destination's `.write.lock` is held throughout, so two publishes (or an ingest) cannot
/// write one folder at once; the source's lock is not taken, so ingest is never blocked.
public enum IndexPublisher {
    /// How many times the copy begins again when the source commits meanwhile.
    public static let maximumAttempts = 5
    /// The default grace period before an unreferenced segment file is removed.
    public static let defaultGraceSeconds = 60

    /// Publishes `source`'s current generation into `destination` (created if missing).
    /// `now` (seconds since 1970) is injectable for tests of the grace period.
    public static func publish(
        source: String, destination: String, graceSeconds: Int = defaultGraceSeconds,
        now: Int64? = nil, progress: (PublishEvent) -> Void = { _ in }
    ) throws(PublishError) -> PublishSummary {
        do {
            try FileSystem.createDirectory(destination)
            if let sourceReal = try? SystemFile.realPath(source), let destinationReal = try? SystemFile.realPath(destination),
               sourceReal == destinationReal {
                throw PublishError.sameFolder(sourceReal)
            }
            let lock: WriteLock
            do {
                lock = try WriteLock(directory: destination)
            } catch {
                if case .locked(_, let pid) = error { throw PublishError.destinationLocked(destination: destination, pid: pid) }
                throw error
            }
            defer { lock.release() }
            return try publishLocked(source: source, destination: destination, graceSeconds: graceSeconds,
                                     now: now, progress: progress)
        } catch let error as PublishError {
            throw error
        } catch let error as IndexError {
            throw .index(error)
        } catch {
            throw .index(.outOfRange("\(error)"))
        }
    }

    private static func publishLocked(
        source: String, destination: String, graceSeconds: Int, now: Int64?, progress: (PublishEvent) -> Void
    ) throws -> PublishSummary {
        try removeLeftoverTemporaries(destination)
        let previousBytes = try FileSystem.readFile(destination + "/" + Manifest.fileName)
        let previous = try previousBytes.map { bytes throws(IndexError) in try Manifest.decode(bytes, file: destination + "/" + Manifest.fileName) }
        var summary = PublishSummary(generation: 0, previousGeneration: previous?.generation, segmentsCopied: 0,
                                     filesCopied: 0, bytesCopied: 0, segmentsUnchanged: 0,
                                     segmentsScheduledForRemoval: 0, segmentsRemoved: 0, restarts: 0,
                                     manifestReplaced: false)
        for _ in 0..<maximumAttempts {
            guard let snapshot = try SourceSnapshot.take(source) else {
                summary.restarts += 1
                continue
            }
            if let previous, previous.generation > snapshot.manifest.generation {
                throw PublishError.destinationIsNewer(destination: destination, destinationGeneration: previous.generation,
                                                      sourceGeneration: snapshot.manifest.generation)
            }
            let inUse = Set(previous?.segments.map(\.id) ?? [])
            var copied = 0, bytes = 0, segmentsCopied = 0, segmentsUnchanged = 0
            var vanished = false
            for (segment, names) in snapshot.files {
                var segmentCopied = false
                for name in names {
                    let outcome = try FileCopier.copy(name: name, from: source, to: destination,
                                                      inUse: inUse.contains(segment))
                    switch outcome {
                    case .vanished: vanished = true
                    case .unchanged: break
                    case .copied(let size):
                        copied += 1
                        bytes += size
                        segmentCopied = true
                        progress(.copied(file: name, bytes: size))
                    }
                    if vanished { break }
                }
                if vanished { break }
                if segmentCopied { segmentsCopied += 1 } else { segmentsUnchanged += 1 }
            }
            summary.filesCopied += copied
            summary.bytesCopied += bytes
            if vanished {
                summary.restarts += 1
                progress(.restarted(generation: snapshot.manifest.generation))
                continue
            }
            try FileSystem.syncDirectory(destination)
            summary.generation = snapshot.manifest.generation
            summary.segmentsCopied = segmentsCopied
            summary.segmentsUnchanged = segmentsUnchanged
            if previousBytes != snapshot.manifestBytes {
                try writeManifest(snapshot.manifestBytes, into: destination)
                summary.manifestReplaced = true
            }
            let removal = try collectUnreferenced(destination, keeping: snapshot.manifest, graceSeconds: graceSeconds,
                                                  now: now ?? currentSeconds(), progress: progress)
            summary.segmentsScheduledForRemoval = removal.scheduled
            summary.segmentsRemoved = removal.removed
            return summary
        }
        throw PublishError.sourceKeptChanging(source: source, attempts: maximumAttempts)
    }

    /// The source's manifest bytes, verbatim, as the destination's: temp, fsync, rename, fsync.
    static func writeManifest(_ bytes: [UInt8], into destination: String) throws(IndexError) {
        let temporary = destination + "/" + Manifest.fileName + FileCopier.temporarySuffix
        try FileSystem.remove(temporary)
        try FileSystem.writeNewFile(temporary, bytes)
        try FileSystem.rename(temporary, to: destination + "/" + Manifest.fileName)
        try FileSystem.syncDirectory(destination)
    }

    /// Temporary files a killed publish left (the lock is held, so none is being written).
    static func removeLeftoverTemporaries(_ destination: String) throws(IndexError) {
        for name in try FileSystem.list(destination) where name.hasSuffix(FileCopier.temporarySuffix) {
            try FileSystem.remove(destination + "/" + name)
        }
    }

    /// Schedules the segment files `manifest` does not name and removes those whose grace
    /// period has passed; returns how many segments were scheduled (still waiting) and removed.
    static func collectUnreferenced(
        _ destination: String, keeping manifest: Manifest, graceSeconds: Int, now: Int64,
        progress: (PublishEvent) -> Void
    ) throws(IndexError) -> (scheduled: Int, removed: Int) {
        let live = Set(manifest.segments.map(\.id))
        let previous = PendingRemovals.read(directory: destination)
        var pending = PendingRemovals(files: [:])
        var scheduled = Set<SegmentID>(), removed = Set<SegmentID>()
        for name in try FileSystem.list(destination) {
            guard let segment = SourceSnapshot.segment(ofFile: name), !live.contains(segment) else { continue }
            // A time outside 0...now (a damaged list, a clock set back) restarts the grace
            // period: removal may come later than asked, never sooner.
            var since = now
            if let recorded = previous?.files[name], recorded >= 0, recorded <= now { since = recorded }
            if now - since >= Int64(graceSeconds) {
                try FileSystem.remove(destination + "/" + name)
                removed.insert(segment)
                progress(.removed(file: name))
            } else {
                pending.files[name] = since
                scheduled.insert(segment)
            }
        }
        if pending != previous && !(previous == nil && pending.files.isEmpty) {
            try pending.write(directory: destination)
        }
        if !removed.isEmpty { try FileSystem.syncDirectory(destination) }
        return (scheduled.count, removed.subtracting(scheduled).count)
    }

    static func currentSeconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec)
    }
}
