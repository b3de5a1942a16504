#if canImport(Glibc)
import Glibc
#endif
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
            let reason = String(cString: strerror(code))
            var text = "\(call) failed: \(reason) (errno \(code))"
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

    /// 64 (usage) for a `--host` or `--port` the user mistyped, 1 for a failed call.
    public var exitStatus: Int32 {
        switch self {
        case .invalidHost, .invalidPort: return ExitStatus.usage
        case .system: return ExitStatus.failure
        }
    }
}
