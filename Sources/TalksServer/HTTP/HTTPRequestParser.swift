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
/// Errors are found as soon as the bytes that prove them arrive, not only when the head is
/// complete: each line of an unfinished head is checked when its LF arrives (the request
/// line in full, header lines as fields), and a byte no request line or field may hold (a
/// control character) is refused when it arrives. So a line of garbage gets its 400 at
/// once instead of holding the connection until the header timeout.
public struct HTTPRequestParser: Sendable {
    public let limits: HTTPParserLimits
    private var buffer: [UInt8] = []
    /// Index of the first byte not yet consumed.
    private var start = 0
    /// Where the search for the end of the head resumes, so slow arrivals stay linear.
    private var scanned = 0
    /// Body bytes of the last request still to be discarded.
    private var bodyRemaining = 0
    /// In an unfinished head: where the first line not yet checked starts, and how many
    /// lines (request line included) were checked before it.
    private var checkedUpTo = 0
    private var checkedLines = 0
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
            scanned -= start
            checkedUpTo = max(0, checkedUpTo - start)
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
        while start < buffer.count, buffer[start] == 0x0D || buffer[start] == 0x0A {
            start += 1
        }
        scanned = max(scanned, start)
        if checkedUpTo < start {
            checkedUpTo = start
            checkedLines = 0
        }
        guard let headEnd = findHeadEnd() else {
            try checkIncompleteHead()
            return nil
        }
        let head = buffer[start..<headEnd.contentEnd]
        start = headEnd.next
        scanned = start
        checkedUpTo = start
        checkedLines = 0
        let request = try HTTPHeadParser(limits: limits).parse(head)
        bodyRemaining = request.bodyLength
        if bodyRemaining > 0 {
            let skipped = min(bodyRemaining, buffer.count - start)
            start += skipped
            bodyRemaining -= skipped
        }
        return request.request
    }

    /// Finds the blank line ending the head: returns the end of the last header line's
    /// content (exclusive) and the index after the blank line.
    private mutating func findHeadEnd() -> (contentEnd: Int, next: Int)? {
        var index = max(scanned, start)
        while index < buffer.count {
            if buffer[index] == 0x0A {
                // A line feed ends a line; if the next line is empty the head is complete.
                var after = index + 1
                if after < buffer.count, buffer[after] == 0x0D { after += 1 }
                if after < buffer.count, buffer[after] == 0x0A {
                    return (index, after + 1)
                }
                if after >= buffer.count {
                    scanned = index
                    return nil
                }
            }
            index += 1
        }
        scanned = index
        return nil
    }

    /// With no complete head yet, refuses a request line or header section that is
    /// already over its limit, a line that has ended and is malformed, or a control byte
    /// in the line still arriving.
    private mutating func checkIncompleteHead() throws(HTTPParseError) {
        try checkLimitsOfIncompleteHead()
        let parser = HTTPHeadParser(limits: limits)
        var lineStart = checkedUpTo
        var index = lineStart
        while index < buffer.count {
            if buffer[index] == 0x0A {
                let line = HTTPHeadParser.dropCarriageReturn(buffer[lineStart..<index])
                if checkedLines == 0 {
                    _ = try parser.parseRequestLine(line)
                } else {
                    _ = try parser.parseField(line, lineNumber: checkedLines + 1)
                }
                checkedLines += 1
                lineStart = index + 1
            }
            index += 1
        }
        checkedUpTo = lineStart
        try checkPartialLine(buffer[lineStart...], isRequestLine: checkedLines == 0)
    }

    /// Refuses a line that has not ended yet but already holds a byte its kind of line can
    /// never hold: a control character (a CR only directly before the LF; in a field line
    /// also a tab), and in the request line any byte outside printable ASCII. These are the
    /// bytes `HTTPHeadParser` refuses in a complete line, so nothing it accepts is refused.
    private func checkPartialLine(_ line: ArraySlice<UInt8>, isRequestLine: Bool) throws(HTTPParseError) {
        for index in line.indices {
            let byte = line[index]
            if byte == 0x0D && index == line.index(before: line.endIndex) { continue }  // the LF may follow
            let refused = isRequestLine
                ? byte < 0x20 || byte >= 0x7F
                : (byte < 0x20 && byte != 0x09) || byte == 0x7F
            guard refused else { continue }
            let shown = "byte 0x" + String(byte, radix: 16, uppercase: true)
            if isRequestLine {
                throw .malformedRequestLine("\(shown) cannot appear in 'METHOD /path HTTP/1.1'")
            }
            throw .malformedHeader(line: checkedLines + 1, reason: "\(shown) is a control character")
        }
    }

    /// The length limits of an unfinished head.
    private func checkLimitsOfIncompleteHead() throws(HTTPParseError) {
        let available = buffer.count - start
        if let lineFeed = buffer[start...].firstIndex(of: 0x0A) {
            if lineFeed - start > limits.maxRequestLineBytes {
                throw .requestLineTooLong(limit: limits.maxRequestLineBytes)
            }
            if buffer.count - lineFeed > limits.maxHeaderSectionBytes {
                throw .headerSectionTooLarge(limit: limits.maxHeaderSectionBytes)
            }
        } else if available > limits.maxRequestLineBytes {
            throw .requestLineTooLong(limit: limits.maxRequestLineBytes)
        }
    }
}
