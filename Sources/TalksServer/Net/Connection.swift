#if canImport(Glibc)
import Glibc
#endif

/// One accepted client: its descriptor, parser, state and deadlines.
///
/// Owned by one thread at a time: the poller while it waits for bytes, one worker while
/// it is processed. The hand-over goes through the server's locked queues, which is what
/// makes the `@unchecked Sendable` safe.
final class Connection: @unchecked Sendable {
    let descriptor: Int32
    var parser: HTTPRequestParser
    private(set) var state: ConnectionState = .waiting
    /// Monotonic ms of the last completed response (or accept): the idle timer's start.
    var lastActivity: Int64
    /// Monotonic ms when the first byte of the current request arrived.
    var requestStarted: Int64?

    init(descriptor: Int32, limits: HTTPParserLimits, now: Int64) {
        self.descriptor = descriptor
        self.parser = HTTPRequestParser(limits: limits)
        self.lastActivity = now
    }

    func move(to next: ConnectionState) {
        precondition(state.canMove(to: next), "connection \(descriptor): illegal move \(state) → \(next)")
        state = next
    }

    /// When the poller must give up on this connection.
    func deadline(idleTimeout: Int64, headerTimeout: Int64) -> Int64 {
        if let requestStarted { return requestStarted + headerTimeout }
        return lastActivity + idleTimeout
    }

    /// Closes the descriptor once.
    func close() {
        guard state != .closed else { return }
        move(to: .closed)
        Syscall.close(descriptor)
    }

    /// Writes all of `bytes`, waiting up to `timeout` ms in total for a slow reader.
    /// Returns false when the client is gone or too slow. The C function is `send` with
    /// `MSG_NOSIGNAL`, so a closed peer is an error, not a SIGPIPE.
    func writeAll(_ bytes: [UInt8], timeout: Int64) -> Bool {
        let deadline = MonotonicClock.milliseconds() + timeout
        var offset = 0
        while offset < bytes.count {
            let sent: Int?
            do {
                sent = try bytes.withUnsafeBytes { buffer throws(NetError) -> Int? in
                    guard let base = buffer.baseAddress else { return 0 }
                    return try Syscall.nonBlocking("send") {
                        send(descriptor, base + offset, buffer.count - offset, Int32(MSG_NOSIGNAL))
                    }
                }
            } catch {
                return false
            }
            if let sent {
                offset += sent
                continue
            }
            let remaining = deadline - MonotonicClock.milliseconds()
            guard remaining > 0,
                let ready = try? Syscall.wait(descriptor, for: Int16(POLLOUT), milliseconds: Int32(min(remaining, 60_000))),
                ready != 0
            else {
                return false
            }
        }
        return true
    }

    enum ReadResult {
        case bytes(Int)
        case wouldBlock
        case endOfStream
    }

    /// Reads what is available into the parser. The C function is `read`.
    func readAvailable(into scratch: inout [UInt8]) -> ReadResult {
        let count: Int?
        do {
            count = try scratch.withUnsafeMutableBytes { buffer throws(NetError) -> Int? in
                guard let base = buffer.baseAddress else { return 0 }
                return try Syscall.nonBlocking("read") { read(descriptor, base, buffer.count) }
            }
        } catch {
            return .endOfStream
        }
        guard let count else { return .wouldBlock }
        if count == 0 { return .endOfStream }
        parser.append(scratch[0..<count])
        return .bytes(count)
    }
}
