#if canImport(Glibc)
import Glibc
#endif

/// How the server listens and the bounds it keeps: address, worker threads, connection
/// limits and the timeouts that drop idle and slow clients.
///
/// Defaults: loopback only, one worker per core, 256 connections of which at most 64 from
/// one client address (so one client cannot take them all), 15 s keep-alive idle, 10 s for
/// a whole request head (a client sending one byte a second never finishes one), 10 s to
/// write a response, 10 s grace on shutdown.
public struct ServerConfiguration: Sendable {
    public var host: String
    /// 0 asks the kernel for a free port; `HTTPServer.port` tells which.
    public var port: Int
    /// Worker threads that read, parse, answer and write; at most this many requests are
    /// handled at once.
    public var threads: Int
    /// Open connections beyond this are answered 503 and closed at once.
    public var maxConnections: Int
    /// Open connections from one client address (an IPv4 address or an IPv6 /64) beyond
    /// this are answered 503 and closed at once, while other addresses are still served.
    /// Behind a reverse proxy every request comes from the proxy's address: raise it to
    /// `maxConnections` there.
    public var maxConnectionsPerAddress: Int
    /// Seconds a keep-alive connection may sit with no request started.
    public var idleTimeout: Double
    /// Seconds from the first byte of a request to the end of its head.
    public var headerTimeout: Double
    /// Seconds a response write may wait for a client that does not read.
    public var writeTimeout: Double
    /// Seconds `shutdown` waits for in-flight requests before closing anyway.
    public var shutdownGrace: Double
    public var parserLimits: HTTPParserLimits

    public init(
        host: String = "127.0.0.1", port: Int = 8080, threads: Int = ServerConfiguration.processorCount,
        maxConnections: Int = 256, maxConnectionsPerAddress: Int = ServerConfiguration.defaultMaxConnectionsPerAddress,
        idleTimeout: Double = 15, headerTimeout: Double = 10, writeTimeout: Double = 10,
        shutdownGrace: Double = 10, parserLimits: HTTPParserLimits = HTTPParserLimits()
    ) {
        self.host = host
        self.port = port
        self.threads = max(1, threads)
        self.maxConnections = max(1, maxConnections)
        self.maxConnectionsPerAddress = max(1, maxConnectionsPerAddress)
        self.idleTimeout = idleTimeout
        self.headerTimeout = headerTimeout
        self.writeTimeout = writeTimeout
        self.shutdownGrace = shutdownGrace
        self.parserLimits = parserLimits
    }

    /// A browser opens up to 6 connections to a site; 64 leaves room for an office or a
    /// school behind one NAT address while a quarter of the default 256 is the most one
    /// address can hold.
    public static let defaultMaxConnectionsPerAddress = 64

    /// Online processors, at least 1.
    public static var processorCount: Int {
        max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }
}
