#if canImport(Glibc)
import Glibc
#endif
import TalksSystem
import Foundation

/// The poller thread: accepts connections, watches them with `poll`, enforces the
/// connection limit and the idle, request-head and write deadlines, and hands readable
/// connections to the workers.
extension HTTPServer {
    func pollerLoop() {
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
                try SystemCall.run("poll") { poll(&descriptors, count, Int32(timeout)) }
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
                    case .done where connection.streamed != nil:
                        // The socket took this part of a streamed body: a worker makes the next.
                        connection.move(to: .streaming)
                        handOver.append(connection)
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
        while let count = try? SystemCall.nonBlocking("read", descriptor: wakeRead, { read(wakeRead, &scratch, scratch.count) }), count > 0 {}
    }

    private func acceptPending(into watched: inout [Connection]) {
        var accepted = 0
        defer {
            // Readable but nothing accepted: descriptors ran out (EMFILE) or the peer left.
            // Pause briefly instead of spinning on a listener that stays readable.
            if accepted == 0 { usleep(10_000) }
        }
        while let listener, let (descriptor, address) = try? listener.accept() {
            accepted += 1
            lock.lock()
            let full = openConnections >= configuration.maxConnections
            let fromAddress = connectionsPerAddress[address, default: 0]
            let addressFull = fromAddress >= configuration.maxConnectionsPerAddress
            if !full && !addressFull {
                openConnections += 1
                connectionsPerAddress[address] = fromAddress + 1
            }
            lock.unlock()
            if full || addressFull {
                let message = full
                    ? "the server has \(configuration.maxConnections) open connections; try again shortly"
                    : "\(address) has \(configuration.maxConnectionsPerAddress) open connections to this server, the most one address may; close some or try again shortly"
                refuse(descriptor, status: .serviceUnavailable, message: message)
                SystemCall.close(descriptor)
                continue
            }
            watched.append(Connection(descriptor: descriptor, address: address, limits: configuration.parserLimits,
                                      now: MonotonicClock.milliseconds()))
        }
    }

    /// Sends an error response without waiting (best effort) before the caller closes.
    private func refuse(_ descriptor: Int32, status: HTTPStatus, message: String) {
        let response = handler.errorResponse(status: status, message: message)
        let bytes = HTTPResponseWriter.serialize(response, headOnly: false, keepAlive: false, date: HTTPDate.format(secondsSince1970: MonotonicClock.wallSeconds()))
        let sent = bytes.withUnsafeBytes { buffer -> Int in
            guard let base = buffer.baseAddress else { return 0 }
            let result = try? SystemCall.nonBlocking("send", descriptor: descriptor) {
                send(descriptor, base, buffer.count, Int32(MSG_NOSIGNAL) | Int32(MSG_DONTWAIT))
            }
            return (result ?? nil) ?? 0
        }
        accessLog?(AccessLogEntry(method: "-", target: "-", status: status.code, bytes: sent, microseconds: 0))
    }

    /// Closes the connection and releases its places in the limits; a streamed body cut
    /// short (client gone, write timeout, shutdown) gets its access-log line here.
    func closeConnection(_ connection: Connection) {
        if let streamed = connection.streamed {
            connection.streamed = nil
            logStreamEnd(streamed)
        }
        connection.close()
        lock.lock()
        openConnections -= 1
        if let count = connectionsPerAddress[connection.address], count > 1 {
            connectionsPerAddress[connection.address] = count - 1
        } else {
            connectionsPerAddress[connection.address] = nil
        }
        lock.broadcast()
        lock.unlock()
    }
}
