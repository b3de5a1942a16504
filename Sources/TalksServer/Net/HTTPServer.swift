#if canImport(Glibc)
import Glibc
#endif
import TalksSystem
import Foundation

/// The network shell around the pure HTTP code: one poller thread and a bounded pool of
/// worker threads over non-blocking POSIX sockets.
///
/// The poller owns the listening socket and every connection that waits for bytes or for
/// room to write; it enforces the connection limits (503 beyond the total or beyond one
/// client address's share, so one client cannot take the server), the keep-alive idle
/// timeout, the request-head deadline (408 and close) and the write deadline, so a slow
/// client, sending or reading, costs a slot in `poll`, never a thread. When a connection
/// becomes readable the poller hands it to a worker, which reads, parses, calls the
/// `HTTPHandler`, writes what the socket takes and hands the connection back.
/// At most `threads` requests are handled at once. A streamed body (`HTTPBodyStream`) is
/// produced a few parts per turn, with the connection going to the back of the queue in
/// between, so a 60 MB transcript never keeps a quick request waiting for long.
///
/// Lifecycle: `start()` binds and spawns the threads; `shutdown()` (e.g. from SIGTERM)
/// stops accepting, closes idle connections and lets in-flight requests finish with
/// `Connection: close`; `wait()` returns when everything has stopped or the grace period
/// is over. The poller and the workers live in `HTTPServer+Poller.swift` and
/// `HTTPServer+Workers.swift`.
public final class HTTPServer: @unchecked Sendable {
    public let configuration: ServerConfiguration
    let handler: any HTTPHandler
    let accessLog: (@Sendable (AccessLogEntry) -> Void)?

    // The state below is shared by the poller (HTTPServer+Poller.swift) and the workers
    // (HTTPServer+Workers.swift). The queues, counters and flags are read and written under
    // `lock`; `listener` and the wake pipe are set in `start()` before any thread runs, and
    // only the poller closes the listener.
    let lock = NSCondition()
    /// Connections readable, waiting for a worker.
    var ready: [Connection] = []
    /// Connections a worker handed back to the poller.
    var returned: [Connection] = []
    var openConnections = 0
    /// Open connections per client address (`ServerConfiguration.maxConnectionsPerAddress`).
    var connectionsPerAddress: [ClientAddress: Int] = [:]
    var stopping = false
    var stopRequestedAt: Int64 = 0
    var pollerFinished = false
    var runningThreads = 0
    var listener: ListeningSocket?
    var wakeRead: Int32 = -1
    var wakeWrite: Int32 = -1
    /// The port actually bound (useful with port 0).
    public private(set) var port = 0

    public init(configuration: ServerConfiguration, handler: any HTTPHandler, accessLog: (@Sendable (AccessLogEntry) -> Void)? = nil) {
        self.configuration = configuration
        self.handler = handler
        self.accessLog = accessLog
    }

    /// Binds, listens and starts the poller and workers; returns the bound port.
    @discardableResult
    public func start() throws(NetError) -> Int {
        SystemSignal.ignore(SIGPIPE)
        let socket = try ListeningSocket(host: configuration.host, port: configuration.port)
        var pipeEnds: [Int32] = [-1, -1]
        do {
            try SystemCall.run("pipe") { pipe(&pipeEnds) }
            for end in pipeEnds {
                let flags = try SystemCall.run("fcntl", descriptor: end) { fcntl(end, F_GETFL) }
                try SystemCall.run("fcntl", descriptor: end) { fcntl(end, F_SETFL, flags | O_NONBLOCK) }
            }
        } catch {
            socket.close()
            for end in pipeEnds where end >= 0 { SystemCall.close(end) }
            throw NetError(error)
        }
        listener = socket
        port = socket.port
        wakeRead = pipeEnds[0]
        wakeWrite = pipeEnds[1]
        runningThreads = configuration.threads + 1
        startThread(name: "talks-poller") { $0.pollerLoop() }
        for number in 0..<configuration.threads {
            startThread(name: "talks-worker-\(number)") { $0.workerLoop() }
        }
        return port
    }

    func startThread(name: String, _ body: @escaping @Sendable (HTTPServer) -> Void) {
        let thread = Thread { [self] in
            body(self)
            lock.lock()
            runningThreads -= 1
            lock.broadcast()
            lock.unlock()
        }
        thread.name = name
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// Stops accepting and lets in-flight requests finish. Safe to call from any thread,
    /// more than once.
    public func shutdown() {
        lock.lock()
        if !stopping {
            stopping = true
            stopRequestedAt = MonotonicClock.milliseconds()
        }
        lock.broadcast()
        lock.unlock()
        wakePoller()
    }

    public var isStopping: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopping
    }

    /// Blocks until every thread has finished, or the shutdown grace period is over.
    public func wait() {
        lock.lock()
        while runningThreads > 0 {
            if stopping {
                let graceEnd = stopRequestedAt + Int64(configuration.shutdownGrace * 1000) + 500
                let left = graceEnd - MonotonicClock.milliseconds()
                if left <= 0 { break }
                _ = lock.wait(until: Date(timeIntervalSinceNow: Double(left) / 1000))
            } else {
                lock.wait()
            }
        }
        let finished = runningThreads == 0
        lock.unlock()
        if finished {
            SystemCall.close(wakeRead)
            SystemCall.close(wakeWrite)
        }
    }

    /// Connections open right now (waiting, reading or being answered).
    public var openConnectionCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return openConnections
    }

    func wakePoller() {
        var byte: UInt8 = 1
        _ = try? SystemCall.nonBlocking("write", descriptor: wakeWrite) { write(wakeWrite, &byte, 1) }
    }
}
