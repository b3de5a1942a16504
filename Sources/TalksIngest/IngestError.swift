import TalksModel
import TalksSystem

/// Why TalksIngest could not read or write something as a whole.
///
/// Problems inside one episode's files are `Diagnostic`s collected into an
/// `EpisodeRejection`; an `IngestError` is for what stops a whole operation: a path that
/// does not exist, a feed that is not RSS, a folder that cannot be written.
public enum IngestError: TalksError, Hashable {
    /// The path does not exist.
    case notFound(path: String)
    /// The path exists but is not what the operation needs (e.g. a file where a folder belongs).
    case wrongKind(path: String, expected: String)
    /// A file is larger than the limit talks accepts for its kind.
    case fileTooLarge(path: String, size: Int64, limit: Int64)
    /// A system call failed on the path; `reason` names errno in words
    /// (`ENOSPC (No space left on device)`).
    case systemError(path: String, operation: String, reason: String)
    /// An input document could not be used; `line` when known.
    case invalidInput(path: String, line: Int?, reason: String)
    /// An output already exists and `--force` was not given.
    case alreadyExists(path: String)
    /// The file or folder's real path (`realPath`, links followed) is not inside the archive
    /// (`archive`, a real path too), so it is not read: see `ArchiveRoot`.
    case outsideArchive(path: String, realPath: String, archive: String)

    public var description: String {
        switch self {
        case .notFound(let path):
            return "\(path): no such file or folder."
        case .wrongKind(let path, let expected):
            return "\(path): expected \(expected)."
        case .fileTooLarge(let path, let size, let limit):
            return "\(path): the file is \(size) bytes, more than the limit of \(limit) bytes; it was not read."
        case .systemError(let path, let operation, let reason):
            return "\(path): \(operation) failed: \(reason)."
        case .invalidInput(let path, let line, let reason):
            let location = line.map { "\(path):\($0)" } ?? path
            return "\(location): \(reason)"
        case .alreadyExists(let path):
            return "\(path) already exists; use --force to replace it."
        case .outsideArchive(let path, let realPath, let archive):
            return "\(path): " + Self.outsideArchiveReason(realPath: realPath, archive: archive)
        }
    }

    /// Why a file outside the archive is refused, without the path it was named by.
    static func outsideArchiveReason(realPath: String, archive: String) -> String {
        "refused: its real path \(realPath) is outside the archive \(archive); talks reads only files "
            + "inside the archive (copy the file in, or point the symbolic link inside the archive)"
    }

    /// The same error about `path` instead (an archive file read by its real path is named
    /// as the user wrote it).
    func naming(_ path: String) -> IngestError {
        switch self {
        case .notFound: return .notFound(path: path)
        case .wrongKind(_, let expected): return .wrongKind(path: path, expected: expected)
        case .fileTooLarge(_, let size, let limit): return .fileTooLarge(path: path, size: size, limit: limit)
        case .systemError(_, let operation, let reason): return .systemError(path: path, operation: operation, reason: reason)
        case .invalidInput(_, let line, let reason): return .invalidInput(path: path, line: line, reason: reason)
        case .alreadyExists: return .alreadyExists(path: path)
        case .outsideArchive(_, let realPath, let archive): return .outsideArchive(path: path, realPath: realPath, archive: archive)
        }
    }

    public var exitStatus: Int32 {
        switch self {
        case .fileTooLarge, .invalidInput, .outsideArchive: return ExitStatus.dataError
        case .notFound, .wrongKind: return ExitStatus.usage
        case .systemError, .alreadyExists: return ExitStatus.failure
        }
    }
}

extension IngestError {
    /// The one place a failed system call becomes an `IngestError`: `.systemError` with the
    /// path, the call and errno in words.
    init(_ error: SystemCallError) {
        let path = error.path ?? error.descriptor.map { "descriptor \($0)" } ?? "-"
        self = .systemError(path: path, operation: error.call, reason: error.reason)
    }

    /// Evaluates a TalksSystem call, rethrowing its error as `IngestError.systemError`.
    static func rethrowing<Result>(_ body: @autoclosure () throws(SystemCallError) -> Result) throws(IngestError) -> Result {
        do {
            return try body()
        } catch {
            throw IngestError(error)
        }
    }
}
