import TalksTestSupport
import XCTest
@testable import TalksServer

/// A head that is already wrong is refused when the bytes that prove it arrive, not when
/// the head is complete (or never, for a client that stops sending): a line of control
/// bytes ending in a bare LF must get its 400 at once, not wait for the header timeout.
final class HTTPRequestParserEarlyRejectionTests: XCTestCase {
    /// The error `next()` gives after exactly these bytes, or nil when it waits for more
    /// (or returned a request).
    private func errorAfter(_ bytes: [UInt8]) -> HTTPParseError? {
        var parser = HTTPRequestParser()
        parser.append(bytes)
        do {
            while try parser.next() != nil {}
            return nil
        } catch {
            return error
        }
    }

    private func errorAfter(_ text: String) -> HTTPParseError? { errorAfter(Array(text.utf8)) }

    func testControlBytesEndingInABareLineFeedAreRefusedAtOnce() {
        XCTAssertEqual(errorAfter([0x01, 0x02, 0x03, 0x0A])?.status.code, 400)
        XCTAssertEqual(errorAfter([0x01, 0x02, 0x03, 0x7F, 0x1B, 0x5B, 0x32, 0x4A, 0x0A])?.status.code, 400)
        XCTAssertEqual(errorAfter("GET /\u{1}x HTTP/1.1\n")?.status.code, 400)
    }

    func testAControlByteIsRefusedBeforeItsLineEnds() {
        XCTAssertEqual(errorAfter([0x01]), .malformedRequestLine("byte 0x01 is a control character"))
        XCTAssertEqual(errorAfter("GET /a\u{7F}")?.status.code, 400)
        XCTAssertEqual(errorAfter("GET /\u{C3}\u{A5}")?.status.code, 400, "the request line is ASCII: å must be percent-encoded")
        XCTAssertEqual(errorAfter("GET / HTTP/1.1\r\nHost: x\r\nX-A: b\u{1}"), .malformedHeader(line: 3, reason: "byte 0x01 is a control character"))
        XCTAssertEqual(errorAfter("GET / HTTP/1.1\rX")?.status.code, 400, "a bare CR")
    }

    func testACompleteLineIsCheckedBeforeTheHeadEnds() {
        XCTAssertEqual(errorAfter("GARBAGE\n")?.status.code, 400)
        XCTAssertEqual(errorAfter("GET /\r\n")?.status.code, 400)
        XCTAssertEqual(errorAfter("GET / HTTP/2.0\r\n")?.status.code, 505)
        XCTAssertEqual(errorAfter("GET / HTTP/1.1\r\nHost x\r\n"), .malformedHeader(line: 2, reason: "no ':' after the field name"))
        XCTAssertEqual(errorAfter("GET / HTTP/1.1\nHost: x\n folded\n")?.status.code, 400)
    }

    func testWhatMayStillBecomeARequestWaits() {
        for prefix in ["", "\r\n", "G", "GET /a", "GET /a?q=%C3%A5 HTTP/1.1\r", "GET / HTTP/1.1\r\n", "GET / HTTP/1.1\nHost: x\n",
                       "GET / HTTP/1.1\r\nHost: x\r\nX-Tab: a\tb", "GET / HTTP/1.1\r\nHost: x\r\nX-Latin: caf\u{E9}", "GET / HTTP/1.1\r\nHost: x\r\n\r"] {
            XCTAssertNil(errorAfter(prefix), prefix.debugDescription)
        }
    }

    /// How the bytes arrive never changes the outcome: a head fed in pieces of any size
    /// gives the same requests and the same error as the same bytes fed at once (what
    /// FuzzHTTP checks on arbitrary bytes), here on valid heads with bytes inserted.
    func testPiecesOfAnySizeGiveTheSameRequestsAndError() {
        var generator = SplitMix64(seed: 2_024)
        let templates = ["GET /search?q=mat HTTP/1.1\r\nHost: x\r\nAccept: */*\r\n\r\n", "HEAD /a HTTP/1.0\nX-B: c\n\n",
                         "GET / HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: y\r\nContent-Length: 3\r\n\r\nabc"]
        let insertions: [UInt8] = [0x00, 0x01, 0x09, 0x0A, 0x0D, 0x1B, 0x20, 0x3A, 0x7F, 0x80, 0xC3, 0xE9, 0x25, 0x41]
        let limits = HTTPParserLimits(maxRequestLineBytes: 24, maxHeaderSectionBytes: 40, maxHeaderFields: 2)
        var accepted = 0
        for round in 0..<4000 {
            var bytes = Array(templates[round % templates.count].utf8)
            for _ in 0..<generator.below(3) {
                bytes.insert(insertions[generator.below(insertions.count)], at: generator.below(bytes.count + 1))
            }
            let parserLimits = round % 4 == 3 ? limits : HTTPParserLimits()
            let whole = Self.parse([bytes[...]], limits: parserLimits)
            let size = 1 + generator.below(9)
            let pieces = stride(from: 0, to: bytes.count, by: size).map { bytes[$0..<min($0 + size, bytes.count)] }
            let split = Self.parse(pieces, limits: parserLimits)
            let shown = String(decoding: bytes, as: UTF8.self).debugDescription
            XCTAssertEqual(split.requests, whole.requests, shown)
            XCTAssertEqual(split.error, whole.error, "pieces of \(size): \(shown)")
            if whole.error == nil && !whole.requests.isEmpty { accepted += 1 }
        }
        XCTAssertGreaterThan(accepted, 500, "the mutations should leave many heads valid")
    }

    private static func parse(_ pieces: [ArraySlice<UInt8>], limits: HTTPParserLimits) -> (requests: [HTTPRequest], error: HTTPParseError?) {
        var parser = HTTPRequestParser(limits: limits)
        var requests: [HTTPRequest] = []
        for piece in pieces {
            parser.append(piece)
            do {
                while let request = try parser.next() { requests.append(request) }
            } catch {
                return (requests, error)
            }
        }
        return (requests, nil)
    }
}
