/// The grammar of a request head's lines and the checks that need the whole head:
/// `HTTPHeadScanner` hands it each line as its LF arrives (`parseRequestLine`,
/// `parseField`), then `finish` checks Host, Content-Length and the target's
/// percent-encoding and builds the `HTTPRequest`.
struct HTTPHeadParser {
    let limits: HTTPParserLimits

    /// `method SP target SP version`, checked.
    struct RequestLine {
        var method: String
        var target: String
        var version: HTTPVersion
    }

    struct Parsed {
        var request: HTTPRequest
        /// Content-Length of a body to discard.
        var bodyLength: Int
    }

    /// The request from a complete head's request line and fields.
    func finish(_ requestLine: RequestLine, fields: [HTTPHeaders.Field]) throws(HTTPParseError) -> Parsed {
        var headers = HTTPHeaders()
        for field in fields { headers.add(field.name, field.value) }
        let version = requestLine.version
        let hosts = headers.values("Host")
        if hosts.count > 1 { throw .multipleHosts }
        if hosts.isEmpty && version == .http1_1 { throw .missingHost }
        let bodyLength = try bodyLength(headers, version: version)
        let location = try RequestTarget.parse(requestLine.target, method: requestLine.method)
        let connection = headers.tokens("Connection")
        let keepAlive = version == .http1_1 ? !connection.contains("close") : connection.contains("keep-alive")
        let request = HTTPRequest(
            method: requestLine.method, target: requestLine.target, path: location.path, pathSegments: location.segments,
            rawQuery: location.rawQuery, query: location.query, version: version, headers: headers,
            keepAlive: keepAlive)
        return Parsed(request: request, bodyLength: bodyLength)
    }

    /// The request line without its line end.
    func parseRequestLine(_ line: ArraySlice<UInt8>) throws(HTTPParseError) -> RequestLine {
        if line.contains(0x0D) { throw .malformedRequestLine("bare carriage return") }
        let parts = line.split(separator: 0x20, omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty }) else {
            throw .malformedRequestLine("expected 'METHOD /path HTTP/1.1' separated by single spaces")
        }
        let methodBytes = parts[0]
        let method = String(decoding: methodBytes, as: UTF8.self)
        guard methodBytes.allSatisfy(Self.isTokenCharacter) else { throw .invalidMethod(method) }
        let targetBytes = parts[1]
        guard targetBytes.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            throw .invalidTarget("it contains control characters, spaces or non-ASCII bytes (percent-encode them)")
        }
        let target = String(decoding: targetBytes, as: UTF8.self)
        let version = try parseVersion(parts[2])
        return RequestLine(method: method, target: target, version: version)
    }

    private func parseVersion(_ bytes: ArraySlice<UInt8>) throws(HTTPParseError) -> HTTPVersion {
        let text = String(decoding: bytes, as: UTF8.self)
        let digits = Array(bytes.dropFirst(5))
        guard bytes.starts(with: Array("HTTP/".utf8)), digits.count == 3, digits[1] == UInt8(ascii: "."),
            Self.isDigit(digits[0]), Self.isDigit(digits[2])
        else {
            throw .malformedRequestLine("'\(text.prefix(20))' is not an HTTP version")
        }
        let major = Int(digits[0] - UInt8(ascii: "0"))
        let minor = Int(digits[2] - UInt8(ascii: "0"))
        guard major == 1 else { throw .unsupportedVersion(text) }
        return minor == 0 ? .http1_0 : .http1_1
    }

    /// A field line without its line end; `lineNumber` counts the request line as 1.
    func parseField(_ line: ArraySlice<UInt8>, lineNumber: Int) throws(HTTPParseError) -> HTTPHeaders.Field {
        guard let first = line.first else { throw .malformedHeader(line: lineNumber, reason: "empty line") }
        if first == 0x20 || first == 0x09 {
            throw .malformedHeader(line: lineNumber, reason: "obsolete line folding is not accepted")
        }
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else {
            throw .malformedHeader(line: lineNumber, reason: "no ':' after the field name")
        }
        let nameBytes = line[line.startIndex..<colon]
        guard !nameBytes.isEmpty, nameBytes.allSatisfy(Self.isTokenCharacter) else {
            throw .malformedHeader(line: lineNumber, reason: "the field name is not a token (no spaces before ':')")
        }
        var valueBytes = line[(colon + 1)...]
        while let byte = valueBytes.first, byte == 0x20 || byte == 0x09 { valueBytes = valueBytes.dropFirst() }
        while let byte = valueBytes.last, byte == 0x20 || byte == 0x09 { valueBytes = valueBytes.dropLast() }
        guard valueBytes.allSatisfy({ $0 == 0x09 || ($0 >= 0x20 && $0 != 0x7F) }) else {
            throw .malformedHeader(line: lineNumber, reason: "the field value contains control characters")
        }
        return HTTPHeaders.Field(
            name: String(decoding: nameBytes, as: UTF8.self),
            value: String(decoding: valueBytes, as: UTF8.self))
    }

    private func bodyLength(_ headers: HTTPHeaders, version: HTTPVersion) throws(HTTPParseError) -> Int {
        if !headers.values("Transfer-Encoding").isEmpty {
            throw .unsupportedTransferEncoding(version == .http1_0 ? "HTTP/1.0" : "HTTP/1.1")
        }
        let lengths = headers.values("Content-Length").flatMap { $0.split(separator: ",", omittingEmptySubsequences: false) }
            .map { $0.trimmingSpaces() }
        guard let firstLength = lengths.first else { return 0 }
        guard lengths.allSatisfy({ $0 == firstLength }), !firstLength.isEmpty, firstLength.utf8.count <= 18,
            firstLength.utf8.allSatisfy(Self.isDigit), let length = Int(firstLength)
        else {
            throw .invalidContentLength(lengths.joined(separator: ", "))
        }
        if length > limits.maxDiscardedBodyBytes {
            throw .bodyTooLarge(length: length, limit: limits.maxDiscardedBodyBytes)
        }
        return length
    }

    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// `tchar` of RFC 9110 §5.6.2.
    static func isTokenCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
        }
    }
}
