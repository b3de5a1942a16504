#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// The worker threads: each takes a readable connection, reads and parses requests, asks
/// the `HTTPHandler`, writes the response and hands the connection back to the poller.
/// A streamed body is produced here too, `streamPartsPerTurn` parts at a time
/// (`HTTPServer+Streaming.swift`).
extension HTTPServer {
    /// Requests one connection may have answered before its worker serves another.
    static let requestsPerTurn = 16

    func workerLoop() {
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
        let resumesStream = connection.state == .streaming
        connection.move(to: .processing)
        if resumesStream {
            guard continueStream(connection) == .complete else { return }
        }
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
                if connection.streamed != nil {
                    // The head and the first part are out (or queued); the rest follows in turns.
                    guard outcome == .done else {
                        finish(connection, outcome, keepAlive: true)
                        return
                    }
                    guard continueStream(connection) == .complete else { return }
                    answered += 1
                    continue
                }
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
    /// writing it (and close afterwards when the response said so). With a streamed body
    /// still going, `keepAlive` is true: whether to close is decided when the body ends.
    func finish(_ connection: Connection, _ outcome: Connection.WriteResult, keepAlive: Bool) {
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

    func handBack(_ connection: Connection) {
        lock.lock()
        returned.append(connection)
        lock.unlock()
        wakePoller()
    }

    /// Writes a response, or, for a body stream with more than one part, its head and first
    /// part, leaving the rest in `connection.streamed`.
    private func answer(
        _ connection: Connection, response: HTTPResponse, method: String, target: String, headOnly: Bool,
        keepAlive: Bool, version: HTTPVersion, started: Int64
    ) -> Connection.WriteResult {
        var response = response
        if response.bodyStream != nil {
            switch startStream(connection, response: response, method: method, target: target, headOnly: headOnly,
                               keepAlive: keepAlive, version: version, started: started) {
            case .whole(let complete): response = complete
            case .started(let outcome): return outcome
            }
        }
        let bytes = HTTPResponseWriter.serialize(response, headOnly: headOnly, keepAlive: keepAlive, version: version,
            date: HTTPDate.format(secondsSince1970: MonotonicClock.wallSeconds()))
        let outcome = connection.write(bytes)
        accessLog?(AccessLogEntry(method: method, target: target, status: response.status.code, bytes: bytes.count,
            microseconds: MonotonicClock.microseconds() - started))
        return outcome
    }
}
