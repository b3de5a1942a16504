import XCTest
@testable import TalksServer

/// The request parser on bytes alone: whole requests, every split point, pipelining,
/// limits and garbage.
final class HTTPRequestParserTests: XCTestCase {
    private func parseAll(_ text: String, limits: HTTPParserLimits = HTTPParserLimits()) throws -> [HTTPRequest] {
        var parser = HTTPRequestParser(limits: limits)
        parser.append(Array(text.utf8))
        var requests: [HTTPRequest] = []
        while let request = try parser.next() { requests.append(request) }
        return requests
    }

    private func parseError(_ text: String, limits: HTTPParserLimits = HTTPParserLimits()) -> HTTPParseError? {
        var parser = HTTPRequestParser(limits: limits)
        parser.append(Array(text.utf8))
        do {
            while try parser.next() != nil {}
            return nil
        } catch {
            return error
        }
    }

    func testParsesSimpleGet() throws {
        let requests = try parseAll("GET /search?q=livsmedel+strategi&limit=5 HTTP/1.1\r\nHost: localhost\r\nAccept: */*\r\n\r\n")
        XCTAssertEqual(requests.count, 1)
        let request = try XCTUnwrap(requests.first)
        XCTAssertEqual(request.method, "GET")
        XCTAssertEqual(request.path, "/search")
        XCTAssertEqual(request.pathSegments, ["search"])
        XCTAssertEqual(request.query["q"], "livsmedel strategi")
        XCTAssertEqual(request.query["limit"], "5")
        XCTAssertEqual(request.rawQuery, "q=livsmedel+strategi&limit=5")
        XCTAssertEqual(request.version, .http1_1)
        XCTAssertEqual(request.headers["host"], "localhost")
        XCTAssertEqual(request.headers["ACCEPT"], "*/*")
        XCTAssertTrue(request.keepAlive)
    }

    func testDecodesUTF8PercentEscapesInPathAndQuery() throws {
        let request = try XCTUnwrap(try parseAll("GET /episodes/v%C3%A5r%2F1/transcript?q=%C3%A5ker+%26+%C3%A4ng HTTP/1.1\r\nHost: x\r\n\r\n").first)
        XCTAssertEqual(request.pathSegments, ["episodes", "vår/1", "transcript"])
        XCTAssertEqual(request.query["q"], "åker & äng")
    }

    func testEverySplitPointGivesTheSameRequest() throws {
        let text = "GET /suggest?q=livsm HTTP/1.1\r\nHost: localhost:8080\r\nConnection: close\r\n\r\n"
        let bytes = Array(text.utf8)
        let expected = try XCTUnwrap(try parseAll(text).first)
        for split in 0...bytes.count {
            var parser = HTTPRequestParser()
            parser.append(bytes[..<split])
            var got = try parser.next()
            if split < bytes.count { XCTAssertNil(got, "complete after only \(split) bytes") }
            parser.append(bytes[split...])
            if got == nil { got = try parser.next() }
            XCTAssertEqual(got, expected, "split at \(split)")
            XCTAssertNil(try parser.next())
        }
    }

    func testOneByteAtATime() throws {
        var parser = HTTPRequestParser()
        var requests: [HTTPRequest] = []
        for byte in "GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\n\r\n".utf8 {
            parser.append([byte])
            while let request = try parser.next() { requests.append(request) }
        }
        XCTAssertEqual(requests.map(\.path), ["/a", "/b"])
    }

    func testPipelinedRequestsComeOutInOrder() throws {
        let text = "GET /1 HTTP/1.1\r\nHost: x\r\n\r\nHEAD /2 HTTP/1.1\r\nHost: x\r\n\r\nOPTIONS * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        let requests = try parseAll(text)
        XCTAssertEqual(requests.map(\.method), ["GET", "HEAD", "OPTIONS"])
        XCTAssertEqual(requests.map(\.path), ["/1", "/2", "*"])
        XCTAssertEqual(requests.map(\.keepAlive), [true, true, false])
    }

    func testContentLengthBodyIsSkippedEvenWhenSplit() throws {
        var parser = HTTPRequestParser()
        parser.append(Array("GET /a HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n01234".utf8))
        XCTAssertEqual(try parser.next()?.path, "/a")
        XCTAssertNil(try parser.next())
        XCTAssertTrue(parser.isInsideRequest)
        parser.append(Array("56789GET /b HTTP/1.1\r\nHost: x\r\n\r\n".utf8))
        XCTAssertEqual(try parser.next()?.path, "/b")
        XCTAssertFalse(parser.isInsideRequest)
    }

    func testBareLineFeedsAndLeadingBlankLinesAreAccepted() throws {
        let requests = try parseAll("\r\n\nGET /a HTTP/1.1\nHost: x\n\n")
        XCTAssertEqual(requests.map(\.path), ["/a"])
    }

    func testHTTP10KeepAliveRules() throws {
        XCTAssertEqual(try parseAll("GET / HTTP/1.0\r\n\r\n").first?.keepAlive, false)
        XCTAssertEqual(try parseAll("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n").first?.keepAlive, true)
        XCTAssertEqual(try parseAll("GET / HTTP/1.1\r\nHost: x\r\nConnection: upgrade, Close\r\n\r\n").first?.keepAlive, false)
    }

    func testAbsoluteFormTarget() throws {
        let request = try XCTUnwrap(try parseAll("GET http://example.org:8080/health?x=1 HTTP/1.1\r\nHost: example.org\r\n\r\n").first)
        XCTAssertEqual(request.path, "/health")
        XCTAssertEqual(request.query["x"], "1")
    }

    func testLimitsMapToTheirStatuses() {
        let longLine = "GET /" + String(repeating: "a", count: 9000) + " HTTP/1.1\r\nHost: x\r\n\r\n"
        XCTAssertEqual(parseError(longLine)?.status.code, 414)
        // Also refused before the line is complete.
        XCTAssertEqual(parseError("GET /" + String(repeating: "a", count: 9000))?.status.code, 414)
        let bigHeader = "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + String(repeating: "b", count: 40_000) + "\r\n\r\n"
        XCTAssertEqual(parseError(bigHeader)?.status.code, 431)
        XCTAssertEqual(parseError("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + String(repeating: "b", count: 40_000))?.status.code, 431)
        let manyFields = "GET / HTTP/1.1\r\nHost: x\r\n" + (0..<101).map { "X-\($0): 1\r\n" }.joined() + "\r\n"
        XCTAssertEqual(parseError(manyFields), .tooManyHeaderFields(limit: 100))
        XCTAssertEqual(parseError("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 999999999\r\n\r\n")?.status.code, 413)
    }

    func testMalformedRequestsAre400WithReasons() {
        let cases: [(String, Int)] = [
            ("GET  / HTTP/1.1\r\nHost: x\r\n\r\n", 400),
            ("GET /\r\nHost: x\r\n\r\n", 400),
            ("GE(T / HTTP/1.1\r\nHost: x\r\n\r\n", 400),
            ("GET / HTTP/1.1 extra\r\nHost: x\r\n\r\n", 400),
            ("GET relative HTTP/1.1\r\nHost: x\r\n\r\n", 400),
            ("GET * HTTP/1.1\r\nHost: x\r\n\r\n", 400),
            ("GET / HTTP/1.1\r\n\r\n", 400),
            ("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400),
            ("GET / HTTP/1.1\r\nHost : x\r\n\r\n", 400),
            ("GET / HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n", 400),
            ("GET / HTTP/1.1\r\nHost: x\r\nNoColon\r\n\r\n", 400),
            ("GET / HTTP/1.1\r\nHost: x\u{01}y\r\n\r\n", 400),
            ("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 5, 6\r\n\r\n", 400),
            ("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n", 400),
            ("GET /%zz HTTP/1.1\r\nHost: x\r\n\r\n", 400),
            ("GET /search?q=%E4 HTTP/1.1\r\nHost: x\r\n\r\n", 400),
            ("GET /search?q=%4 HTTP/1.1\r\nHost: x\r\n\r\n", 400),
            ("GET / HTTP/2.0\r\nHost: x\r\n\r\n", 505),
            ("GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n", 501),
            ("GET / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n", 400),
            ("GET / HTTP/1.1\rHost: x\r\n\r\n", 400),
        ]
        for (text, status) in cases {
            let error = parseError(text)
            XCTAssertEqual(error?.status.code, status, "\(text.debugDescription) → \(String(describing: error))")
            XCTAssertFalse(error?.description.isEmpty ?? true)
        }
    }

    func testParserStaysFailedAfterAnError() {
        var parser = HTTPRequestParser()
        parser.append(Array("BAD\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n".utf8))
        XCTAssertThrowsError(try parser.next())
        XCTAssertThrowsError(try parser.next())
    }

    func testRandomGarbageNeverCrashesAndStaysBounded() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("GET /?%:\r\n HTTP/1.1Host".utf8) + [0, 0xFF, 0x7F, 0x80, 0x09]
        for round in 0..<2000 {
            var parser = HTTPRequestParser(limits: HTTPParserLimits(maxRequestLineBytes: 64, maxHeaderSectionBytes: 256, maxHeaderFields: 8))
            let length = Int.random(in: 0..<600, using: &generator)
            let bytes: [UInt8] = (0..<length).map { _ in
                round % 2 == 0 ? UInt8.random(in: 0...255, using: &generator) : alphabet.randomElement(using: &generator) ?? 0
            }
            var offset = 0
            loop: while offset < bytes.count {
                let step = Int.random(in: 1...32, using: &generator)
                parser.append(bytes[offset..<min(bytes.count, offset + step)])
                offset += step
                do {
                    while try parser.next() != nil {}
                } catch {
                    XCTAssertTrue([400, 413, 414, 431, 501, 505].contains(error.status.code))
                    break loop
                }
            }
        }
    }
}
