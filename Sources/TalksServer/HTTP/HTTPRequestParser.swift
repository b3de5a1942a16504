/// An incremental HTTP/1.1 request-head parser over bytes (RFC 9112 §2–§6): feed it what
/// arrives, take requests out as they complete.
///
/// It is pure: no sockets, no clocks, so it is tested on byte arrays (split reads,
/// pipelining, garbage) and fuzzed. Call order: `append(_:)` any number of times, then
/// `next()` until it returns nil (needs more bytes) or throws. After a throw the parser
/// is spent: the stream is out of sync and the connection must close, and every later
/// `next()` throws the same error.
///
/// Bodies: talks only answers GET/HEAD/OPTIONS, so a `Content-Length` body is skipped
/// (up to a limit) and `Transfer-Encoding` is refused. Leading empty lines before a
/// request line are ignored (RFC 9112 §2.2). Lines may end in CRLF or a bare LF (§2.2
/// allows a recipient to accept LF alone); a bare CR anywhere in the head is an error.
///
/// Errors are found as soon as the byte that proves them arrives (`HTTPHeadScanner`): a
/// line of garbage gets its 400 at once instead of holding the connection until the header
/// timeout, and which error a head gets does not depend on how its bytes were split into
/// reads.
public struct HTTPRequestParser: Sendable {
    public let limits: HTTPParserLimits
    private var buffer: [UInt8] = []
    /// Index of the first byte not yet consumed.
    private var start = 0
    /// The head being read, from its first byte on; nil between requests.
    private var head: HTTPHeadScanner?
    /// Body bytes of the last request still to be discarded.
    private var bodyRemaining = 0
    private var failure: HTTPParseError?

    public init(limits: HTTPParserLimits = HTTPParserLimits()) {
        self.limits = limits
    }

    /// Bytes of a started request are buffered: a head begun but not finished, or a body
    /// still being skipped. The server uses this to choose between the idle timeout and
    /// the header deadline.
    public var isInsideRequest: Bool {
        bodyRemaining > 0 || buffer[start...].contains { $0 != 0x0D && $0 != 0x0A }
    }

    public mutating func append<Bytes: Collection>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        if start > 0 && start >= buffer.count / 2 {
            buffer.removeFirst(start)
            head?.shift(by: start)
            start = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// The next complete request, nil if more bytes are needed, or the error that ends
    /// the connection.
    public mutating func next() throws(HTTPParseError) -> HTTPRequest? {
        if let failure { throw failure }
        do {
            return try parseNext()
        } catch {
            failure = error
            throw error
        }
    }

    private mutating func parseNext() throws(HTTPParseError) -> HTTPRequest? {
        if bodyRemaining > 0 {
            let skipped = min(bodyRemaining, buffer.count - start)
            start += skipped
            bodyRemaining -= skipped
            if bodyRemaining > 0 { return nil }
        }
        var scanner: HTTPHeadScanner
        if let head {
            scanner = head
        } else {
            // Empty lines before a request line are ignored (RFC 9112 §2.2).
            while start < buffer.count, buffer[start] == 0x0D || buffer[start] == 0x0A {
                start += 1
            }
            guard start < buffer.count else { return nil }
            scanner = HTTPHeadScanner(start: start, limits: limits)
        }
        guard let headEnd = try scanner.scan(buffer) else {
            head = scanner
            return nil
        }
        head = nil
        guard let requestLine = scanner.requestLine else { throw .malformedRequestLine("empty") }
        let parsed = try HTTPHeadParser(limits: limits).finish(requestLine, fields: scanner.fields)
        start = headEnd
        bodyRemaining = parsed.bodyLength
        if bodyRemaining > 0 {
            let skipped = min(bodyRemaining, buffer.count - start)
            start += skipped
            bodyRemaining -= skipped
        }
        return parsed.request
    }
}
