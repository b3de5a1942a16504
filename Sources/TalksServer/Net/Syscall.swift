#if canImport(Glibc)
import Glibc
#endif

/// The one wrapper every socket system call goes through.
///
/// It reads `errno` right after the call, retries `EINTR` (a signal arrived; the call did
/// nothing), and throws `NetError.system` naming the C function otherwise. `close` is the
/// exception: it is never retried, because on Linux the descriptor is gone even when it
/// reports `EINTR`, and a retry could close a descriptor another thread just opened.
enum Syscall {
    /// Runs `body` until it does not fail with EINTR; -1 becomes a thrown error.
    @discardableResult
    static func call<Result: FixedWidthInteger>(_ name: String, _ body: () -> Result) throws(NetError) -> Result {
        while true {
            let result = body()
            if result != -1 { return result }
            let code = errno
            if code == EINTR { continue }
            throw .system(call: name, errno: code)
        }
    }

    /// Like `call`, but `EAGAIN`/`EWOULDBLOCK` (a non-blocking socket has nothing to give
    /// or no room) returns nil instead of throwing.
    static func nonBlocking<Result: FixedWidthInteger>(_ name: String, _ body: () -> Result) throws(NetError) -> Result? {
        while true {
            let result = body()
            if result != -1 { return result }
            let code = errno
            if code == EINTR { continue }
            if code == EAGAIN || code == EWOULDBLOCK { return nil }
            throw .system(call: name, errno: code)
        }
    }

    /// Closes a descriptor once, ignoring errors (there is nothing useful to do with them
    /// and the descriptor is released either way). The corresponding C function is `close`.
    static func close(_ descriptor: Int32) {
        _ = Glibc.close(descriptor)
    }
}
