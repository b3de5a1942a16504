#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// The network shell around the pure HTTP code: one poller thread and a bounded pool of
/// worker threads over non-blocking POSIX sockets.
///
/// The poller owns the listening socket and every connection that waits for bytes or for
/// room to write; it enforces the connection limit (503 beyond it), the keep-alive idle
/// timeout, the request-head deadline (408 and close) and the write deadline, so a slow
/// client, sending or reading, costs a slot in `poll`, never a thread. When a connection
/// becomes readable the poller hands it to a worker, which reads, parses, calls the
/// `HTTPHandler`, writes what the socket takes and hands the connection back.
/// At most `threads` requests are handled at once.
///
/// Lifecycle: `start()` binds and spawns the threads; `shutdown()` (e.g. from SIGTERM)
/// stops accepting, closes idle connections and lets in-flight requests finish with
/// `Connection: close`; `wait()` returns when everything has stopped or the grace period
/// is over.
public final class HTTPServer: @unchecked Sendable {
    public let configuration: ServerConfiguration
    let handler: any HTTPHandler
    let accessLog: (@Sendable (AccessLogEntry) -> Void)?

    private let lock = NSCondition()
    /// Connections readable, waiting for a worker.
    private var ready: [Connection] = []
    /// Connections a worker handed back to the poller.
    private var returned: [Connection] = []
    private var openConnections = 0
    private var stopping = false
    private var stopRequestedAt: Int64 = 0
    private var pollerFinished = false
    private var runningThreads = 0
    private var listener: ListeningSocket?
    private var wakeRead: Int32 = -1
    private var wakeWrite: Int32 = -1
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
        signal(SIGPIPE, SIG_IGN)
        let socket = try ListeningSocket(host: configuration.host, port: configuration.port)
        var pipeEnds: [Int32] = [-1, -1]
        do {
            try Syscall.call("pipe") { pipe(&pipeEnds) }
            for end in pipeEnds {
                let flags = try Syscall.call("fcntl") { fcntl(end, F_GETFL) }
                try Syscall.call("fcntl") { fcntl(end, F_SETFL, flags | O_NONBLOCK) }
            }
        } catch {
            socket.close()
            for end in pipeEnds where end >= 0 { Syscall.close(end) }
            throw error
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

    private func startThread(name: String, _ body: @escaping @Sendable (HTTPServer) -> Void) {
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
            Syscall.close(wakeRead)
            Syscall.close(wakeWrite)
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
        _ = try? Syscall.nonBlocking("write") { write(wakeWrite, &byte, 1) }
    }

    // MARK: Poller

    private func pollerLoop() {
        var watched: [Connection] = []
        var listening = true
        let idleTimeout = Int64(configuration.idleTimeout * 1000)
        let headerTimeout = Int64(configuration.headerTimeout * 1000)
        while true {
            lock.lock()
            watched.append(contentsOf: returned)
            returned.removeAll()
            let isStopping = stopping
            let graceOver = isStopping && MonotonicClock.milliseconds() > stopRequestedAt + Int64(configuration.shutdownGrace * 1000)
            lock.unlock()
            if isStopping {
                if listening {
                    listener?.close()
                    listening = false
                }
                // Idle and half-read connections close now; responses being written
                // finish (or hit their write deadline) first.
                for connection in watched where connection.state != .writing { closeConnection(connection) }
                watched.removeAll { $0.state == .closed }
                lock.lock()
                let done = (openConnections == 0 && ready.isEmpty) || graceOver
                if done {
                    pollerFinished = true
                    lock.broadcast()
                }
                lock.unlock()
                if done { return }
            }
            var descriptors = [pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0)]
            if listening, let listener {
                descriptors.append(pollfd(fd: listener.descriptor, events: Int16(POLLIN), revents: 0))
            }
            let firstConnection = descriptors.count
            var now = MonotonicClock.milliseconds()
            var timeout: Int64 = isStopping ? 100 : 1000
            for connection in watched {
                let events = connection.state == .writing ? Int16(POLLOUT) : Int16(POLLIN)
                descriptors.append(pollfd(fd: connection.descriptor, events: events, revents: 0))
                timeout = min(timeout, max(0, connection.deadline(idleTimeout: idleTimeout, headerTimeout: headerTimeout) - now))
            }
            let count = nfds_t(descriptors.count)
            do {
                try Syscall.call("poll") { poll(&descriptors, count, Int32(timeout)) }
            } catch {
                continue
            }
            if descriptors[0].revents != 0 { drainWakePipe() }
            if listening, descriptors.count > 1, descriptors[1].revents != 0 {
                acceptPending(into: &watched)
            }
            now = MonotonicClock.milliseconds()
            var keep: [Connection] = []
            var handOver: [Connection] = []
            for (offset, connection) in watched.enumerated() {
                let index = firstConnection + offset
                let revents = index < descriptors.count ? descriptors[index].revents : 0
                if revents != 0 && connection.state == .writing {
                    switch connection.flush() {
                    case .blocked:
                        keep.append(connection)
                    case .failed:
                        closeConnection(connection)
                    case .done where connection.closeAfterWrite:
                        closeConnection(connection)
                    case .done:
                        // Requests may already be buffered behind this response: a worker
                        // looks before the connection waits for bytes again.
                        connection.move(to: .waiting)
                        connection.lastActivity = now
                        handOver.append(connection)
                    }
                } else if revents != 0 {
                    handOver.append(connection)
                } else if now >= connection.deadline(idleTimeout: idleTimeout, headerTimeout: headerTimeout) {
                    if connection.state == .readingHead {
                        refuse(connection.descriptor, status: .requestTimeout, message: "the request head did not arrive within \(configuration.headerTimeout) seconds")
                    }
                    closeConnection(connection)
                } else {
                    keep.append(connection)
                }
            }
            watched = keep
            if !handOver.isEmpty {
                lock.lock()
                ready.append(contentsOf: handOver)
                lock.broadcast()
                lock.unlock()
            }
        }
    }

    private func drainWakePipe() {
        var scratch = [UInt8](repeating: 0, count: 64)
        while let count = try? Syscall.nonBlocking("read", { read(wakeRead, &scratch, scratch.count) }), count > 0 {}
    }

    private func acceptPending(into watched: inout [Connection]) {
        var accepted = 0
        defer {
            // Readable but nothing accepted: descriptors ran out (EMFILE) or the peer left.
            // Pause briefly instead of spinning on a listener that stays readable.
            if accepted == 0 { usleep(10_000) }
        }
        while let listener, let descriptor = try? listener.accept() {
            accepted += 1
            lock.lock()
            let full = openConnections >= configuration.maxConnections
            if !full { openConnections += 1 }
            lock.unlock()
            if full {
                refuse(descriptor, status: .serviceUnavailable, message: "the server has \(configuration.maxConnections) open connections; try again shortly")
                Syscall.close(descriptor)
                continue
            }
            watched.append(Connection(descriptor: descriptor, limits: configuration.parserLimits, now: MonotonicClock.milliseconds()))
        }
    }

    /// Sends an error response without waiting (best effort) before the caller closes.
    private func refuse(_ descriptor: Int32, status: HTTPStatus, message: String) {
        let response = handler.errorResponse(status: status, message: message)
        let bytes = HTTPResponseWriter.serialize(response, headOnly: false, keepAlive: false, date: HTTPDate.format(secondsSince1970: MonotonicClock.wallSeconds()))
        let sent = bytes.withUnsafeBytes { buffer -> Int in
            guard let base = buffer.baseAddress else { return 0 }
            let result = try? Syscall.nonBlocking("send") {
                send(descriptor, base, buffer.count, Int32(MSG_NOSIGNAL) | Int32(MSG_DONTWAIT))
            }
            return (result ?? nil) ?? 0
        }
        accessLog?(AccessLogEntry(method: "-", target: "-", status: status.code, bytes: sent, microseconds: 0))
    }

    private func closeConnection(_ connection: Connection) {
        connection.close()
        lock.lock()
        openConnections -= 1
        lock.broadcast()
        lock.unlock()
    }

    // MARK: Workers

    /// Requests one connection may have answered before its worker serves another.
    static let requestsPerTurn = 16

    private func workerLoop() {
        var scratch = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            lock.lock()
            while ready.isEmpty && !pollerFinished { lock.wait() }
            if ready.isEmpty {
                lock.unlock()
                return
            }
            let connection = ready.removeFirst()
            lock.unlock()
            process(connection, scratch: &scratch)
        }
    }

    /// Reads what the client sent, answers every complete request, then closes the
    /// connection or hands it back to the poller (to wait for bytes, or to finish writing
    /// a response the socket could not take at once).
    private func process(_ connection: Connection, scratch: inout [UInt8]) {
        connection.move(to: .processing)
        let headerTimeout = Int64(configuration.headerTimeout * 1000)
        var answered = 0
        while true {
            let result = connection.readAvailable(into: &scratch)
            while true {
                let request: HTTPRequest?
                do {
                    request = try connection.parser.next()
                } catch {
                    let response = handler.errorResponse(status: error.status, message: error.description)
                    finish(connection, answer(connection, response: response, method: "-", target: "-", headOnly: false,
                        keepAlive: false, version: .http1_1, started: MonotonicClock.microseconds()), keepAlive: false)
                    return
                }
                guard let request else { break }
                let started = MonotonicClock.microseconds()
                let response = handler.respond(to: request)
                let keepAlive = request.keepAlive && !isStopping
                let outcome = answer(connection, response: response, method: request.method, target: request.target,
                    headOnly: request.method == "HEAD", keepAlive: keepAlive, version: request.version, started: started)
                connection.lastActivity = MonotonicClock.milliseconds()
                connection.requestStarted = nil
                guard outcome == .done && keepAlive else {
                    finish(connection, outcome, keepAlive: keepAlive)
                    return
                }
                answered += 1
                if answered >= Self.requestsPerTurn {
                    // A client pipelining many requests yields its worker to the others:
                    // it goes to the back of the queue with whatever is still buffered.
                    connection.move(to: connection.parser.isInsideRequest ? .readingHead : .waiting)
                    lock.lock()
                    ready.append(connection)
                    lock.broadcast()
                    lock.unlock()
                    return
                }
            }
            let now = MonotonicClock.milliseconds()
            if connection.parser.isInsideRequest {
                if connection.requestStarted == nil { connection.requestStarted = now }
                if let begun = connection.requestStarted, now >= begun + headerTimeout {
                    let response = handler.errorResponse(status: .requestTimeout, message: "the request head did not arrive within \(configuration.headerTimeout) seconds")
                    finish(connection, answer(connection, response: response, method: "-", target: "-", headOnly: false,
                        keepAlive: false, version: .http1_1, started: MonotonicClock.microseconds()), keepAlive: false)
                    return
                }
            }
            switch result {
            case .endOfStream:
                closeConnection(connection)
                return
            case .bytes(let count) where count == scratch.count:
                continue
            case .bytes, .wouldBlock:
                connection.move(to: connection.parser.isInsideRequest ? .readingHead : .waiting)
                handBack(connection)
                return
            }
        }
    }

    /// After a response that ends this worker's turn: close, or let the poller finish
    /// writing it (and close afterwards when the response said so).
    private func finish(_ connection: Connection, _ outcome: Connection.WriteResult, keepAlive: Bool) {
        switch outcome {
        case .failed:
            closeConnection(connection)
        case .done:
            if keepAlive {
                connection.move(to: .waiting)
                handBack(connection)
            } else {
                closeConnection(connection)
            }
        case .blocked:
            connection.closeAfterWrite = !keepAlive
            connection.writeDeadline = MonotonicClock.milliseconds() + Int64(configuration.writeTimeout * 1000)
            connection.move(to: .writing)
            handBack(connection)
        }
    }

    private func handBack(_ connection: Connection) {
        lock.lock()
        returned.append(connection)
        lock.unlock()
        wakePoller()
    }

    private func answer(
        _ connection: Connection, response: HTTPResponse, method: String, target: String, headOnly: Bool,
        keepAlive: Bool, version: HTTPVersion, started: Int64
    ) -> Connection.WriteResult {
        let bytes = HTTPResponseWriter.serialize(response, headOnly: headOnly, keepAlive: keepAlive, version: version,
            date: HTTPDate.format(secondsSince1970: MonotonicClock.wallSeconds()))
        let outcome = connection.write(bytes)
        accessLog?(AccessLogEntry(method: method, target: target, status: response.status.code, bytes: bytes.count,
            microseconds: MonotonicClock.microseconds() - started))
        return outcome
    }
}
