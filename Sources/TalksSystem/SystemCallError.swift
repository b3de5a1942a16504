/// A system call that failed: which call, on what, and why, with `errno` named in words.
///
/// Its `description` is a whole sentence part a user can act on:
/// `write failed for index/seg-2-0.postings: ENOSPC (No space left on device)`.
/// Modules map it into their own typed errors; `code` stays available for the decisions
/// they make on it (a missing file that is not an error, a busy port).
public struct SystemCallError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The C function (`open`, `fsync`, `bind`).
    public var call: String
    /// The `errno` value the call set.
    public var code: Int32
    /// The file the call was about, when there was one.
    public var path: String?
    /// The descriptor the call was about, when there was no path.
    public var descriptor: Int32?

    public init(call: String, code: Int32, path: String? = nil, descriptor: Int32? = nil) {
        self.call = call
        self.code = code
        self.path = path
        self.descriptor = descriptor
    }

    /// `ENOSPC (No space left on device)`.
    public var reason: String { ErrorNumber.describe(code) }

    public var description: String {
        if let path { return "\(call) failed for \(path): \(reason)" }
        if let descriptor { return "\(call) failed on descriptor \(descriptor): \(reason)" }
        return "\(call) failed: \(reason)"
    }
}
