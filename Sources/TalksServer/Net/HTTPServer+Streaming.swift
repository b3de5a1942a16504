/// Streamed bodies (`HTTPBodyStream`): the worker that answered the request writes the head
/// and the first part, then up to `streamPartsPerTurn` parts per turn; between turns the
/// connection waits at the back of the workers' queue (`streaming`), or in the poller while
/// the socket is full (`writing`), so requests queued behind it are answered in between.
extension HTTPServer {
    /// Bytes asked of a body stream at a time: one part.
    static let streamPartBytes = 64 * 1024
    /// Parts one connection may write before its worker serves another (about 256 KiB,
    /// a millisecond or two of work).
    static let streamPartsPerTurn = 4

    enum StreamStart {
        /// The body fitted in its first part: send it as an ordinary response.
        case whole(HTTPResponse)
        /// The head and the first part were written (or queued); `connection.streamed` holds
        /// the rest. For HEAD only the head was written and `connection.streamed` stays nil.
        case started(Connection.WriteResult)
    }

    enum StreamTurn {
        /// The body is complete and the connection stays open: go on with the next request.
        case complete
        /// The connection was handed on (queued, to the poller, or closed).
        case handedOff
    }

    /// Asks for the first part: a body that ends there becomes an ordinary response with a
    /// `Content-Length`; a longer one gets a chunked head (HTTP/1.1) or one delimited by
    /// closing (HTTP/1.0), and its first part is written. A failing first part is a 500.
    func startStream(
        _ connection: Connection, response: HTTPResponse, method: String, target: String, headOnly: Bool,
        keepAlive: Bool, version: HTTPVersion, started: Int64
    ) -> StreamStart {
        guard let body = response.bodyStream else { return .whole(response) }
        var complete = response
        complete.bodyStream = nil
        if response.status.forbidsBody { return .whole(complete) }
        var first: [UInt8] = []
        let more: Bool
        do {
            more = try body.nextPart(into: &first, preferredBytes: Self.streamPartBytes)
        } catch {
            return .whole(handler.errorResponse(status: .internalServerError, message: "the response could not be produced: \(error)"))
        }
        guard more else {
            complete.body = first
            return .whole(complete)
        }
        let chunked = version == .http1_1
        // An HTTP/1.0 body without a length ends when the connection closes (not so for HEAD,
        // which has no body).
        let staysOpen = keepAlive && (chunked || headOnly)
        let date = HTTPDate.format(secondsSince1970: MonotonicClock.wallSeconds())
        var bytes = HTTPResponseWriter.head(complete, framing: chunked ? .chunked : .untilClose, keepAlive: staysOpen,
                                            version: version, date: date)
        var streamed = StreamedResponse(body: body, chunked: chunked, keepAlive: staysOpen, method: method, target: target,
                                        status: response.status.code, started: started, bytesWritten: 0)
        if headOnly {
            // The head only; the caller goes on as after any response (staysOpen == keepAlive here).
            streamed.bytesWritten = bytes.count
            logStreamEnd(streamed)
            return .started(connection.write(bytes))
        }
        bytes += chunked ? HTTPResponseWriter.chunk(first) : first
        streamed.bytesWritten = bytes.count
        connection.streamed = streamed
        return .started(connection.write(bytes))
    }

    /// Writes up to `streamPartsPerTurn` more parts of `connection.streamed`, then queues
    /// the connection again, hands it to the poller (socket full), closes it (done, or the
    /// client left) or returns `.complete` for the next request.
    func continueStream(_ connection: Connection) -> StreamTurn {
        for _ in 0..<Self.streamPartsPerTurn {
            guard var streamed = connection.streamed else { return .complete }
            var part: [UInt8] = []
            let more: Bool
            do {
                more = try streamed.body.nextPart(into: &part, preferredBytes: Self.streamPartBytes)
            } catch {
                // The head is out: closing without the last chunk tells the client the body is cut.
                closeConnection(connection)
                return .handedOff
            }
            var bytes = streamed.chunked ? HTTPResponseWriter.chunk(part) : part
            if !more && streamed.chunked { bytes += HTTPResponseWriter.lastChunk }
            streamed.bytesWritten += bytes.count
            connection.streamed = more ? streamed : nil
            let outcome = connection.write(bytes)
            if !more { logStreamEnd(streamed) }
            switch outcome {
            case .failed:
                closeConnection(connection)
                return .handedOff
            case .blocked:
                finish(connection, .blocked, keepAlive: more || streamed.keepAlive)
                return .handedOff
            case .done where more:
                continue
            case .done where streamed.keepAlive:
                return .complete
            case .done:
                closeConnection(connection)
                return .handedOff
            }
        }
        guard connection.streamed != nil else { return .complete }
        connection.move(to: .streaming)
        lock.lock()
        ready.append(connection)
        lock.broadcast()
        lock.unlock()
        return .handedOff
    }

    /// The access-log line of a streamed response, written when its body ended or was cut.
    func logStreamEnd(_ streamed: StreamedResponse) {
        accessLog?(AccessLogEntry(method: streamed.method, target: streamed.target, status: streamed.status,
                                  bytes: streamed.bytesWritten, microseconds: MonotonicClock.microseconds() - streamed.started))
    }
}
