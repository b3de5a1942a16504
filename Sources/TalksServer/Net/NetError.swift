#if canImport(Glibc)
import Glibc
#endif
import TalksSystem
import TalksModel

/// A failed system call or a bad listen address, named so the user can act on it.
public enum NetError: TalksError, Hashable {
    /// A system call failed; `call` is the C function, `errno` the error it set.
    case system(call: String, errno: Int32)
    /// `--host` is not a numeric IPv4 or IPv6 address.
    case invalidHost(String)
    /// `--port` is outside 0…65535.
    case invalidPort(Int)

    public var description: String {
        switch self {
        case .system(let call, let code):
            var text = SystemCallError(call: call, code: code).description
            if call == "bind" && code == EADDRINUSE {
                text += "; another process is listening on that port (choose another with --port, or --port 0 for any free port)"
            } else if call == "bind" && code == EACCES {
                text += "; ports below 1024 need privileges (use --port 8080)"
            }
            return text
        case .invalidHost(let host):
            return "'\(host)' is not a numeric IPv4 or IPv6 address (e.g. 127.0.0.1, ::1 or 0.0.0.0)"
        case .invalidPort(let port):
            return "port \(port) is outside 0…65535"
        }
    }

    /// The one place a failed system call becomes a `NetError`: `.system` with the call
    /// and errno (a socket's descriptor number means nothing to a user).
    init(_ error: SystemCallError) {
        self = .system(call: error.call, errno: error.code)
    }

    /// Evaluates a TalksSystem call, rethrowing its error as `NetError.system`.
    static func rethrowing<Result>(_ body: @autoclosure () throws(SystemCallError) -> Result) throws(NetError) -> Result {
        do {
            return try body()
        } catch {
            throw NetError(error)
        }
    }

    /// 64 (usage) for a `--host` or `--port` the user mistyped, 1 for a failed call.
    public var exitStatus: Int32 {
        switch self {
        case .invalidHost, .invalidPort: return ExitStatus.usage
        case .system: return ExitStatus.failure
        }
    }
}
