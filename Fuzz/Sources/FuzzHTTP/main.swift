/// Fuzzes the server's request parser: `HTTPRequestParser` (incremental head parsing,
/// pipelining, body skipping) and `QueryParameters` decoding, on arbitrary bytes.
///
/// Beyond "never traps", it checks that parsing does not depend on how the bytes arrive:
/// the whole input at once and the same input in small reads (the size taken from the
/// first byte) must give the same requests followed by the same error, or the same
/// "need more bytes". Every request returned has a non-empty method, a path starting
/// with `/` (or `*`), and version 1.0 or 1.1.
import FuzzSupport
import TalksServer

/// The requests the parser yields for `chunks`, and the error that stopped it, if any.
func parseAll<Chunks: Sequence>(_ chunks: Chunks) -> (requests: [HTTPRequest], error: HTTPParseError?)
where Chunks.Element == ArraySlice<UInt8> {
    var parser = HTTPRequestParser()
    var requests: [HTTPRequest] = []
    for chunk in chunks {
        parser.append(chunk)
        while true {
            do {
                guard let request = try parser.next() else { break }
                requests.append(request)
                _ = parser.isInsideRequest
            } catch {
                return (requests, error)
            }
        }
    }
    return (requests, nil)
}

runFuzzer { bytes in
    let whole = parseAll([bytes[...]])
    for request in whole.requests {
        check(!request.method.isEmpty, "request with an empty method")
        check(request.path == "*" || request.path.hasPrefix("/") || request.target.contains("://"),
              "request path '\(request.path)' is neither '*' nor absolute")
        check(request.version.major == 1 && (request.version.minor == 0 || request.version.minor == 1),
              "request version \(request.version) accepted")
    }
    let chunkSize = 1 + Int(bytes.first ?? 0) % 17
    let pieces = stride(from: 0, to: bytes.count, by: chunkSize).map { bytes[$0..<min($0 + chunkSize, bytes.count)] }
    let split = parseAll(pieces)
    check(split.requests == whole.requests, "split reads gave \(split.requests.count) requests, whole gave \(whole.requests.count)")
    check(split.error == whole.error, "split reads gave error \(String(describing: split.error)), whole gave \(String(describing: whole.error))")
}
