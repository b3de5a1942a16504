import Foundation
import XCTest
@testable import TalksServer

/// Prints how fast the pure HTTP code runs (figures, not a timed assertion). Meaningful
/// only in release mode: `swift test -c release --filter HTTPParserThroughputTests`.
final class HTTPParserThroughputTests: XCTestCase {
    /// Debug-build timings mean nothing and would slow every `swift test`.
    private static func skipUnlessOptimized() throws {
        #if DEBUG
        throw XCTSkip("throughput figures are printed in release builds only: swift test -c release --filter HTTPParserThroughputTests")
        #endif
    }

    func testPrintParseAndWriteRates() throws {
        try Self.skipUnlessOptimized()
        let request = Array("GET /search?q=livsmedelsstrategi+%C3%B6sterg%C3%B6tland&limit=10&hits=3 HTTP/1.1\r\nHost: sok.example.se\r\nUser-Agent: Mozilla/5.0 (X11; Linux x86_64)\r\nAccept: application/json\r\nAccept-Language: sv-SE,sv;q=0.9\r\nIf-None-Match: W/\"g3-1234\"\r\n\r\n".utf8)
        let pipelined = Array((0..<100).map { _ in request }.joined())
        var parsed = 0
        let start = Date()
        for _ in 0..<200 {
            var parser = HTTPRequestParser()
            parser.append(pipelined)
            while try parser.next() != nil { parsed += 1 }
        }
        let parseSeconds = Date().timeIntervalSince(start)
        XCTAssertEqual(parsed, 20_000)
        let response = HTTPResponse(status: .ok, contentType: "application/json; charset=utf-8", body: String(repeating: "x", count: 4000))
        var written = 0
        let writeStart = Date()
        for _ in 0..<20_000 {
            written += HTTPResponseWriter.serialize(response, headOnly: false, keepAlive: true, date: HTTPDate.format(secondsSince1970: 1_795_000_000)).count
        }
        let writeSeconds = Date().timeIntervalSince(writeStart)
        XCTAssertEqual(written % 20_000, 0)
        print(String(format: "HTTP parser: %.0f requests/s (%d-byte heads, pipelined); response writer: %.0f responses/s (4 KB bodies)",
                     Double(parsed) / parseSeconds, request.count, 20_000 / writeSeconds))
    }
}
