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
        XCTAssertEqual(errorAfter([0x01]), .malformedRequestLine("byte 0x1 cannot appear in 'METHOD /path HTTP/1.1'"))
        XCTAssertEqual(errorAfter("GET /a\u{7F}")?.status.code, 400)
        XCTAssertEqual(errorAfter("GET /\u{C3}\u{A5}")?.status.code, 400, "the request line is ASCII: å must be percent-encoded")
        XCTAssertEqual(errorAfter("GET / HTTP/1.1\r\nHost: x\r\nX-A: b\u{1}"), .malformedHeader(line: 3, reason: "byte 0x1 is a control character"))
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

    /// Early checks never change the verdict: a head fed one byte at a time is accepted
    /// exactly when the same head fed at once is.
    func testByteAtATimeAgreesWithAllAtOnce() {
        var generator = SplitMix64(seed: 2_024)
        let templates = ["GET /search?q=mat HTTP/1.1\r\nHost: x\r\nAccept: */*\r\n", "HEAD /a HTTP/1.0\nX-B: c\n", "GET / HTTP/1.1\r\nHost: x\r\n"]
        let insertions: [UInt8] = [0x00, 0x01, 0x09, 0x0A, 0x0D, 0x1B, 0x20, 0x3A, 0x7F, 0x80, 0xC3, 0xE9, 0x25, 0x41]
        for round in 0..<3000 {
            var bytes = Array(templates[round % templates.count].utf8)
            for _ in 0..<Int.random(in: 0...2, using: &generator) {
                let position = Int.random(in: 0...bytes.count, using: &generator)
                bytes.insert(insertions[Int.random(in: 0..<insertions.count, using: &generator)], at: position)
            }
            bytes += Array("\r\n".utf8)
            var whole = HTTPRequestParser()
            whole.append(bytes)
            let wholeAccepted = (try? whole.next()).flatMap { $0 } != nil
            var incremental = HTTPRequestParser()
            var incrementalAccepted = false
            feeding: for byte in bytes {
                incremental.append([byte])
                do {
                    if try incremental.next() != nil {
                        incrementalAccepted = true
                        break feeding
                    }
                } catch {
                    break feeding
                }
            }
            XCTAssertEqual(incrementalAccepted, wholeAccepted, String(decoding: bytes, as: UTF8.self).debugDescription)
        }
    }
}
