#if canImport(Glibc)
import Glibc
#endif

/// The one wrapper every system call of talks goes through.
///
/// `run` calls `body`, and when it returns -1 reads `errno` at once (before anything else
/// can overwrite it), calls again on `EINTR` (a signal arrived before the call did
/// anything) and otherwise throws a `SystemCallError` naming the call and its context.
/// After swift-nio's `NIOPosix/System.swift` and swift-system's `FileOperations.swift`.
public enum SystemCall {
    /// Runs `body` until it does not fail with `EINTR`; a result of -1 throws.
    ///
    /// - Parameters:
    ///   - call: the C function's name, for the error (`"open"`, `"fsync"`).
    ///   - path: the file the call is about, when there is one.
    ///   - descriptor: the descriptor the call is about, when there is no path.
    @discardableResult
    public static func run<Result: FixedWidthInteger>(
        _ call: String, path: String? = nil, descriptor: Int32? = nil, _ body: () -> Result
    ) throws(SystemCallError) -> Result {
        while true {
            let result = body()
            if result != -1 { return result }
            let code = errno
            if code == EINTR { continue }
            throw SystemCallError(call: call, code: code, path: path, descriptor: descriptor)
        }
    }

    /// Like `run`, for a non-blocking descriptor: `EAGAIN`/`EWOULDBLOCK` (nothing to read,
    /// no room to write, no connection waiting) returns nil at once instead of throwing,
    /// so the caller goes back to `poll` instead of spinning.
    public static func nonBlocking<Result: FixedWidthInteger>(
        _ call: String, path: String? = nil, descriptor: Int32? = nil, _ body: () -> Result
    ) throws(SystemCallError) -> Result? {
        while true {
            let result = body()
            if result != -1 { return result }
            let code = errno
            if code == EINTR { continue }
            if code == EAGAIN || code == EWOULDBLOCK { return nil }
            throw SystemCallError(call: call, code: code, path: path, descriptor: descriptor)
        }
    }

    /// Like `run`, for calls that return a pointer and report failure with nil
    /// (`opendir`, `realpath`).
    public static func pointer<Pointer>(
        _ call: String, path: String? = nil, _ body: () -> Pointer?
    ) throws(SystemCallError) -> Pointer {
        while true {
            if let result = body() { return result }
            let code = errno
            if code == EINTR { continue }
            throw SystemCallError(call: call, code: code, path: path)
        }
    }

    /// Closes a descriptor once, ignoring errors. Never retried: on Linux the descriptor is
    /// released even when `close` reports `EINTR`. Write errors are reported earlier by
    /// `fsync`, which callers that need durability call first. The C function is `close`.
    public static func close(_ descriptor: Int32) {
        _ = Glibc.close(descriptor)
    }

    /// Runs `body` with `descriptor` and closes it afterwards, whether `body` returns or
    /// throws, so a descriptor cannot leak on an error path.
    public static func closeAfter<Result, Failure: Error>(
        _ descriptor: Int32, _ body: (Int32) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        defer { close(descriptor) }
        return try body(descriptor)
    }
}
