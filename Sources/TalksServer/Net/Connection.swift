#if canImport(Glibc)
import Glibc
#endif
import TalksSystem

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
    /// Response bytes not yet sent, from `pendingOffset` on.
    private var pendingOutput: [UInt8] = []
    private var pendingOffset = 0
    /// Close once `pendingOutput` is sent (the response said `Connection: close`).
    var closeAfterWrite = false
    /// Monotonic ms by which a `writing` connection must have taken its response.
    var writeDeadline: Int64 = 0
    /// The response whose body is still being produced, part by part; nil between responses.
    var streamed: StreamedResponse?
    /// The client's address (or IPv6 /64 network), for the per-address connection limit.
    let address: ClientAddress

    init(descriptor: Int32, address: ClientAddress, limits: HTTPParserLimits, now: Int64) {
        self.descriptor = descriptor
        self.address = address
        self.parser = HTTPRequestParser(limits: limits)
        self.lastActivity = now
    }

    func move(to next: ConnectionState) {
        precondition(state.canMove(to: next), "connection \(descriptor): illegal move \(state) → \(next)")
        state = next
    }

    /// When the poller must give up on this connection.
    func deadline(idleTimeout: Int64, headerTimeout: Int64) -> Int64 {
        if state == .writing { return writeDeadline }
        if let requestStarted { return requestStarted + headerTimeout }
        return lastActivity + idleTimeout
    }

    /// Closes the descriptor once.
    func close() {
        guard state != .closed else { return }
        move(to: .closed)
        SystemCall.close(descriptor)
    }

    enum WriteResult {
        /// Everything is sent.
        case done
        /// The socket's buffer is full; the rest waits in `pendingOutput`.
        case blocked
        /// The client is gone.
        case failed
    }

    /// Queues `bytes` and sends what the socket takes without waiting.
    func write(_ bytes: [UInt8]) -> WriteResult {
        pendingOutput = bytes
        pendingOffset = 0
        return flush()
    }

    /// Sends as much of the pending response as the socket takes now. The C function is
    /// `send` with `MSG_NOSIGNAL`, so a closed peer is an error, not a SIGPIPE.
    func flush() -> WriteResult {
        while pendingOffset < pendingOutput.count {
            let sent: Int?
            do {
                sent = try pendingOutput.withUnsafeBytes { buffer throws(SystemCallError) -> Int? in
                    guard let base = buffer.baseAddress else { return 0 }
                    return try SystemCall.nonBlocking("send", descriptor: descriptor) {
                        send(descriptor, base + pendingOffset, buffer.count - pendingOffset, Int32(MSG_NOSIGNAL))
                    }
                }
            } catch {
                return .failed
            }
            guard let sent else { return .blocked }
            if sent == 0 { return .failed }
            pendingOffset += sent
        }
        pendingOutput = []
        pendingOffset = 0
        return .done
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
            count = try scratch.withUnsafeMutableBytes { buffer throws(SystemCallError) -> Int? in
                guard let base = buffer.baseAddress else { return 0 }
                return try SystemCall.nonBlocking("read", descriptor: descriptor) { read(descriptor, base, buffer.count) }
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
