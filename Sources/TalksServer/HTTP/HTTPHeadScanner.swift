/// Reads one request head left to right, byte by byte, across however many reads it arrives
/// in, and finds its end or its first error.
///
/// Every check fires at one byte and looks only at the bytes before it, so the error (and
/// the moment it is found) does not depend on how the bytes were split into reads: the whole
/// head at once and the same head one byte at a time give the same error (FuzzHTTP checks
/// this). And a head that is already wrong is refused when the byte that proves it arrives,
/// not when its blank line does, which a client sending garbage may never send.
///
/// At each byte of line n (line 1 is the request line; lines end in LF or CRLF, RFC 9112 §2.2):
/// - after a CR, anything but LF: a bare CR → 400;
/// - request line: more than `maxRequestLineBytes` → 414; a control byte or a byte outside
///   ASCII → 400; at its LF, `method SP target SP HTTP/1.x` (`HTTPHeadParser`) → 400/505;
/// - field lines: all of them together more than `maxHeaderSectionBytes` → 431; a control
///   byte other than HTAB → 400; at its LF, one field more than `maxHeaderFields` → 431, then
///   `name: value` (`HTTPHeadParser`) → 400;
/// - an empty line ends the head.
///
/// Call order: `scan` with the parser's buffer whenever bytes were added, until it returns
/// the end of the head or throws; `shift(by:)` when the buffer drops bytes from its front.
struct HTTPHeadScanner {
    let limits: HTTPParserLimits
    /// The next byte to examine (an index into the parser's buffer).
    private var position: Int
    /// Where the current line starts.
    private var lineStart: Int
    /// 1-based; line 1 is the request line.
    private var lineNumber = 1
    /// Bytes of the complete field lines, line ends included.
    private var fieldBytes = 0
    /// The request line, once its LF has arrived.
    private(set) var requestLine: HTTPHeadParser.RequestLine?
    /// The fields whose lines are complete, in order.
    private(set) var fields: [HTTPHeaders.Field] = []

    private static let lineFeed: UInt8 = 0x0A
    private static let carriageReturn: UInt8 = 0x0D

    /// A head whose first byte is `buffer[start]`.
    init(start: Int, limits: HTTPParserLimits) {
        self.limits = limits
        position = start
        lineStart = start
    }

    /// Follows the buffer when it drops `count` bytes (all before this head) from its front.
    mutating func shift(by count: Int) {
        position -= count
        lineStart -= count
    }

    /// Examines the bytes of `buffer` from where the last call stopped. Returns the index
    /// after the empty line once the head is complete, nil when it needs more bytes.
    mutating func scan(_ buffer: [UInt8]) throws(HTTPParseError) -> Int? {
        let parser = HTTPHeadParser(limits: limits)
        while position < buffer.count {
            let byte = buffer[position]
            let afterCarriageReturn = position > lineStart && buffer[position - 1] == Self.carriageReturn
            if byte == Self.lineFeed {
                let line = buffer[lineStart..<(afterCarriageReturn ? position - 1 : position)]
                position += 1
                if lineNumber == 1 {
                    requestLine = try parser.parseRequestLine(line)
                } else if line.isEmpty {
                    return position
                } else {
                    if fields.count >= limits.maxHeaderFields { throw .tooManyHeaderFields(limit: limits.maxHeaderFields) }
                    fields.append(try parser.parseField(line, lineNumber: lineNumber))
                    fieldBytes += position - lineStart
                }
                lineNumber += 1
                lineStart = position
                continue
            }
            if afterCarriageReturn {
                throw lineNumber == 1
                    ? .malformedRequestLine("bare carriage return (CR not followed by LF)")
                    : .malformedHeader(line: lineNumber, reason: "bare carriage return (CR not followed by LF)")
            }
            // The line so far, without a CR that may turn out to end it.
            let length = position + 1 - lineStart - (byte == Self.carriageReturn ? 1 : 0)
            if lineNumber == 1 {
                if length > limits.maxRequestLineBytes { throw .requestLineTooLong(limit: limits.maxRequestLineBytes) }
                if byte != Self.carriageReturn && (byte < 0x20 || byte >= 0x7F) {
                    throw .malformedRequestLine(byte < 0x80
                        ? "\(Self.shown(byte)) is a control character"
                        : "\(Self.shown(byte)) is not ASCII (percent-encode non-ASCII characters in the target)")
                }
            } else {
                if fieldBytes + length > limits.maxHeaderSectionBytes {
                    throw .headerSectionTooLarge(limit: limits.maxHeaderSectionBytes)
                }
                if byte != Self.carriageReturn && ((byte < 0x20 && byte != 0x09) || byte == 0x7F) {
                    throw .malformedHeader(line: lineNumber, reason: "\(Self.shown(byte)) is a control character")
                }
            }
            position += 1
        }
        return nil
    }

    /// "byte 0x1B".
    private static func shown(_ byte: UInt8) -> String {
        "byte 0x" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16, uppercase: true)
    }
}
