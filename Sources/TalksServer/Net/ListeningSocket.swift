#if canImport(Glibc)
import Glibc
#endif
import TalksSystem

/// A bound, listening, non-blocking TCP socket (IPv4 or IPv6, numeric address).
///
/// `SO_REUSEADDR` lets a restarted server bind while old connections sit in TIME_WAIT.
/// Port 0 asks the kernel for a free port; `port` reports the one bound (tests use this).
final class ListeningSocket: @unchecked Sendable {
    let descriptor: Int32
    let port: Int

    init(host: String, port: Int, backlog: Int32 = 511) throws(NetError) {
        guard (0...65_535).contains(port) else { throw .invalidPort(port) }
        let name = host == "localhost" ? "127.0.0.1" : host
        var address4 = sockaddr_in()
        var address6 = sockaddr_in6()
        let family: Int32
        if inet_pton(AF_INET, name, &address4.sin_addr) == 1 {
            family = AF_INET
            address4.sin_family = sa_family_t(AF_INET)
            address4.sin_port = in_port_t(UInt16(port)).bigEndian
        } else if inet_pton(AF_INET6, name, &address6.sin6_addr) == 1 {
            family = AF_INET6
            address6.sin6_family = sa_family_t(AF_INET6)
            address6.sin6_port = in_port_t(UInt16(port)).bigEndian
        } else {
            throw .invalidHost(host)
        }
        let socketType = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        let descriptor = try NetError.rethrowing(try SystemCall.run("socket") { socket(family, socketType, 0) })
        do {
            var one: Int32 = 1
            try SystemCall.run("setsockopt", descriptor: descriptor) {
                setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
            }
            if family == AF_INET {
                try SystemCall.run("bind", descriptor: descriptor) {
                    withUnsafePointer(to: &address4) {
                        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                            bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                        }
                    }
                }
            } else {
                try SystemCall.run("bind", descriptor: descriptor) {
                    withUnsafePointer(to: &address6) {
                        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                            bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in6>.size))
                        }
                    }
                }
            }
            try SystemCall.run("listen", descriptor: descriptor) { listen(descriptor, backlog) }
            self.port = try Self.boundPort(descriptor)
        } catch {
            SystemCall.close(descriptor)
            throw NetError(error)
        }
        self.descriptor = descriptor
    }

    private static func boundPort(_ descriptor: Int32) throws(SystemCallError) -> Int {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        try SystemCall.run("getsockname", descriptor: descriptor) {
            withUnsafeMutablePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
            }
        }
        if Int32(storage.ss_family) == AF_INET6 {
            return withUnsafePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin6_port)) }
            }
        }
        return withUnsafePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin_port)) }
        }
    }

    /// Accepts one pending connection as a non-blocking descriptor with the client's
    /// address, or nil when none is waiting. The corresponding C functions are `accept` and
    /// `fcntl` (Glibc's Swift module does not export `accept4`).
    func accept() throws(NetError) -> (descriptor: Int32, address: ClientAddress)? {
        let accepted: Int32?
        var peer = sockaddr_storage()
        do {
            accepted = try SystemCall.nonBlocking("accept", descriptor: descriptor) {
                var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
                return withUnsafeMutablePointer(to: &peer) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.accept(descriptor, $0, &length) }
                }
            }
        } catch {
            // The peer gave up between SYN and accept, or descriptors ran out for a moment:
            // neither should stop the server.
            if [ECONNABORTED, EPROTO, EMFILE, ENFILE, ENOBUFS, ENOMEM, EPERM].contains(error.code) {
                return nil
            }
            throw NetError(error)
        }
        guard let connection = accepted else { return nil }
        do {
            let flags = try SystemCall.run("fcntl", descriptor: connection) { fcntl(connection, F_GETFL) }
            try SystemCall.run("fcntl", descriptor: connection) { fcntl(connection, F_SETFL, flags | O_NONBLOCK) }
            try SystemCall.run("fcntl", descriptor: connection) { fcntl(connection, F_SETFD, FD_CLOEXEC) }
            var one: Int32 = 1
            try SystemCall.run("setsockopt", descriptor: connection) {
                setsockopt(connection, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
            }
        } catch {
            SystemCall.close(connection)
            throw NetError(error)
        }
        return (connection, ClientAddress(peer))
    }

    func close() {
        SystemCall.close(descriptor)
    }
}
