import TalksModel
import TalksSystem

/// What can go wrong reading or writing an index, with the file and call involved.
///
/// Every reader bounds-checks what it reads from a file, so a corrupt or truncated file
/// surfaces here (naming the file and what was wrong) instead of crashing the process.
public enum IndexError: TalksError, Equatable {
    /// A system call failed. `call` names the C function (`open`, `fsync`, …).
    case io(call: String, path: String, errno: Int32)
    /// The directory holds no index yet (no `manifest.json`).
    case noIndex(directory: String)
    /// A file's bytes do not match the format: `detail` says what was expected and found.
    case corrupt(file: String, detail: String)
    /// A file was written by a format version this build does not read.
    case unsupportedVersion(file: String, found: UInt32, supported: UInt32)
    /// The index in `directory` was written by an older talks, in format version `found`:
    /// it must be re-ingested (the current format holds what the old one lacks, such as
    /// word times and chapters, so no conversion could recover them).
    case olderFormat(directory: String, found: UInt32)
    /// A file's stored CRC-32C does not match its bytes.
    case checksumMismatch(file: String, stored: UInt32, computed: UInt32)
    /// Another process holds the writer lock.
    case locked(directory: String, pid: Int32?)
    /// No live episode has this id.
    case episodeNotFound(id: String)
    /// An ordinal or argument outside what the segment holds.
    case outOfRange(String)
    /// Segment files named by the manifest kept disappearing while opening (a writer was
    /// collecting them faster than we could open them).
    case unstable(directory: String)

    public var exitStatus: Int32 {
        switch self {
        case .episodeNotFound: return ExitStatus.dataError
        default: return ExitStatus.failure
        }
    }

    public var description: String {
        switch self {
        case .io(let call, let path, let errno):
            return "\(SystemCallError(call: call, code: errno, path: path))."
        case .noIndex(let directory):
            return "\(directory) holds no index (no manifest.json). Build one with '\(Self.buildCommand(directory))' first."
        case .olderFormat(let directory, let found):
            let folder = directory.hasSuffix("/") ? directory : directory + "/"
            return "\(folder) was written by an older talks (index format \(found); this talks reads format \(FileContainer.formatVersion)). "
                + "Re-ingest: delete \(folder) and run '\(Self.buildCommand(directory))' (talks search and talks serve "
                + "rebuild the default index/ from archive/ by themselves)."
        case .corrupt(let file, let detail):
            return "\(file) is corrupt: \(detail). Run 'talks verify', then rebuild the index with 'talks ingest' into an empty directory."
        case .unsupportedVersion(let file, let found, let supported):
            return "\(file) has index format version \(found), but this talks reads version \(supported). Rebuild the index with this version of talks."
        case .checksumMismatch(let file, let stored, let computed):
            return "\(file) is corrupt: its CRC-32C footer says \(Self.hex(stored)) but its bytes give \(Self.hex(computed)). Rebuild the index with 'talks ingest' into an empty directory."
        case .locked(let directory, let pid):
            let who = pid.map { "PID \($0)" } ?? "another process"
            return "index is locked by \(who) (\(directory)/.write.lock): another 'talks ingest' or 'talks remove' is running. Wait for it to finish."
        case .episodeNotFound(let id):
            return "no episode with id '\(id)' in the index."
        case .outOfRange(let detail):
            return detail
        case .unstable(let directory):
            return "the index in \(directory) changed too often while opening it; try again."
        }
    }

    /// The command that builds an index in `directory`.
    static func buildCommand(_ directory: String) -> String {
        directory == "index" || directory == "index/" ? "talks ingest" : "talks ingest ARCHIVE --index \(directory)"
    }

    static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }
}

extension IndexError {
    /// The one place a failed system call becomes an `IndexError`: `.io` keeps the call,
    /// the path (or the descriptor when there was none) and errno.
    init(_ error: SystemCallError) {
        let path = error.path ?? error.descriptor.map { "descriptor \($0)" } ?? "-"
        self = .io(call: error.call, path: path, errno: error.code)
    }

    /// Evaluates a TalksSystem call, rethrowing its error as `IndexError.io`:
    /// `try IndexError.rethrowing(try SystemFile.rename(temporary, to: path))`.
    static func rethrowing<Result>(_ body: @autoclosure () throws(SystemCallError) -> Result) throws(IndexError) -> Result {
        do {
            return try body()
        } catch {
            throw IndexError(error)
        }
    }
}
