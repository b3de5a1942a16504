#if canImport(Glibc)
import Glibc
#endif
import Foundation
import XCTest
@testable import TalksServer

/// A body of `parts` parts of `size` bytes ('a', 'b', … by part), each taking `delay` ms to
/// make, failing at part `failAt` when given; counts the parts made.
final class CountingBody: HTTPBodyStream, @unchecked Sendable {
    private let lock = NSLock()
    private var made = 0
    let parts: Int
    let size: Int
    let delay: Int
    let failAt: Int?

    init(parts: Int, size: Int, delay: Int, failAt: Int?) {
        self.parts = parts
        self.size = size
        self.delay = delay
        self.failAt = failAt
    }

    var partsMade: Int { lock.withLock { made } }

    static func expected(parts: Int, size: Int) -> String {
        (0..<parts).map { String(repeating: String(UnicodeScalar(UInt8(97 + $0 % 26))), count: size) }.joined()
    }

    struct Failure: Error {}

    func nextPart(into buffer: inout [UInt8], preferredBytes: Int) throws -> Bool {
        if delay > 0 { usleep(useconds_t(delay * 1000)) }
        let number = lock.withLock { made }
        if number == failAt { throw Failure() }
        buffer.append(contentsOf: [UInt8](repeating: UInt8(97 + number % 26), count: size))
        lock.withLock { made += 1 }
        return number + 1 < parts
    }
}

/// Answers `/stream?parts=&size=&delay=&fail=` with a `CountingBody` (kept in `last`), and
/// anything else with its method and path.
final class StreamingProbeHandler: HTTPHandler, @unchecked Sendable {
    private let lock = NSLock()
    private var bodies: [CountingBody] = []

    var last: CountingBody? { lock.withLock { bodies.last } }

    func respond(to request: HTTPRequest) -> HTTPResponse {
        guard request.path == "/stream" else {
            return HTTPResponse(status: .ok, contentType: "text/plain; charset=utf-8", body: "\(request.method) \(request.path)")
        }
        let body = CountingBody(parts: request.query["parts"].flatMap(Int.init) ?? 1, size: request.query["size"].flatMap(Int.init) ?? 10,
                                delay: request.query["delay"].flatMap(Int.init) ?? 0, failAt: request.query["fail"].flatMap(Int.init))
        lock.withLock { bodies.append(body) }
        var response = HTTPResponse(status: .ok, headers: HTTPHeaders([("Content-Type", "text/plain")]))
        response.bodyStream = body
        return response
    }

    func errorResponse(status: HTTPStatus, message: String) -> HTTPResponse {
        HTTPResponse(status: status, contentType: "text/plain; charset=utf-8", body: message)
    }
}

/// Streamed bodies on a real socket: framing for HTTP/1.1, HTTP/1.0 and HEAD, keep-alive
/// after a stream, failures, the access log, and quick requests answered while a long body
/// is still being made.
final class StreamedBodyTests: XCTestCase {
    func testALongBodyIsChunkedAndTheConnectionStaysUsable() throws {
        let harness = try ServerHarness(handler: StreamingProbeHandler())
        defer { harness.stop() }
        let connection = try RawConnection(port: harness.port)
        connection.send("GET /stream?parts=40&size=30000 HTTP/1.1\r\nHost: x\r\n\r\nGET /after HTTP/1.1\r\nHost: x\r\n\r\n")
        let responses = connection.readResponses(2, timeout: 10)
        XCTAssertEqual(responses.count, 2)
        XCTAssertEqual(responses.first?.header("Transfer-Encoding"), "chunked")
        XCTAssertNil(responses.first?.header("Content-Length"))
        XCTAssertEqual(responses.first?.body, CountingBody.expected(parts: 40, size: 30000))
        XCTAssertEqual(responses.last?.body, "GET /after")
    }

    func testABodyThatFitsInOnePartGetsAContentLength() throws {
        let harness = try ServerHarness(handler: StreamingProbeHandler())
        defer { harness.stop() }
        let connection = try RawConnection(port: harness.port)
        connection.send("GET /stream?parts=1&size=12 HTTP/1.1\r\nHost: x\r\n\r\n")
        let response = connection.readResponses(1).first
        XCTAssertEqual(response?.header("Content-Length"), "12")
        XCTAssertNil(response?.header("Transfer-Encoding"))
        XCTAssertEqual(response?.body, "aaaaaaaaaaaa")
    }

    func testHTTP10GetsTheBodyUntilClose() throws {
        let harness = try ServerHarness(handler: StreamingProbeHandler())
        defer { harness.stop() }
        let connection = try RawConnection(port: harness.port)
        connection.send("GET /stream?parts=5&size=100000 HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
        let (text, closed) = connection.readUntilClose(timeout: 10)
        XCTAssertTrue(closed, "an HTTP/1.0 body without a length ends with the connection")
        let parts = text.components(separatedBy: "\r\n\r\n")
        XCTAssertTrue(parts.first?.contains("Connection: close") ?? false, text.prefix(300).description)
        XCTAssertFalse(parts.first?.contains("Transfer-Encoding") ?? true)
        XCTAssertEqual(parts.dropFirst().joined(separator: "\r\n\r\n"), CountingBody.expected(parts: 5, size: 100000))
    }

    func testHeadSendsTheHeadOnlyAndKeepsTheConnection() throws {
        let harness = try ServerHarness(handler: StreamingProbeHandler())
        defer { harness.stop() }
        let connection = try RawConnection(port: harness.port)
        connection.send("HEAD /stream?parts=3&size=70000 HTTP/1.1\r\nHost: x\r\n\r\nGET /next HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        let (text, closed) = connection.readUntilClose()
        XCTAssertTrue(closed)
        XCTAssertTrue(text.hasPrefix("HTTP/1.1 200 OK\r\n"), text)
        XCTAssertTrue(text.contains("Transfer-Encoding: chunked\r\n"), text)
        let afterHead = text.components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n")
        XCTAssertTrue(afterHead.hasPrefix("HTTP/1.1 200 OK\r\n"), "no body after the HEAD response: \(afterHead.prefix(100))")
        XCTAssertTrue(afterHead.hasSuffix("GET /next"))
    }

    func testAFailingFirstPartIs500AndALaterFailureCutsTheBody() throws {
        let harness = try ServerHarness(handler: StreamingProbeHandler())
        defer { harness.stop() }
        let first = try RawConnection(port: harness.port)
        first.send("GET /stream?parts=3&fail=0 HTTP/1.1\r\nHost: x\r\n\r\n")
        XCTAssertEqual(first.readResponses(1).first?.status, 500)
        let later = try RawConnection(port: harness.port)
        later.send("GET /stream?parts=30&size=70000&fail=20 HTTP/1.1\r\nHost: x\r\n\r\n")
        let (text, closed) = later.readUntilClose(timeout: 10)
        XCTAssertTrue(closed, "a body that cannot be finished closes the connection")
        XCTAssertTrue(text.hasPrefix("HTTP/1.1 200 OK\r\n"))
        XCTAssertFalse(text.hasSuffix("0\r\n\r\n"), "no last chunk: the client can tell the body is incomplete")
        let body = text.components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n")
        XCTAssertGreaterThan(body.utf8.count, 70000, "the parts before the failure were sent")
        XCTAssertNil(dechunk(Array(body.utf8)[...]), "the chunked body must not parse as complete")
    }

    func testTheAccessLogCountsEveryByteOfAStreamedResponse() throws {
        let harness = try ServerHarness(handler: StreamingProbeHandler())
        let connection = try RawConnection(port: harness.port)
        connection.send("GET /stream?parts=10&size=50000 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        let (text, _) = connection.readUntilClose(timeout: 10)
        harness.stop()
        let line = try XCTUnwrap(harness.log.first { $0.contains("/stream") })
        XCTAssertTrue(line.hasPrefix("GET /stream?parts=10&size=50000 200 \(text.utf8.count) "), "\(line) for \(text.utf8.count) bytes")
    }

    /// With one worker, a quick request sent while a long body is being made is answered
    /// before that body is finished: the body is made a few parts per turn.
    func testAQuickRequestIsAnsweredWhileALongBodyIsBeingMade() throws {
        let handler = StreamingProbeHandler()
        let harness = try ServerHarness(handler: handler) { $0.threads = 1 }
        defer { harness.stop() }
        let slow = try RawConnection(port: harness.port)
        slow.send("GET /stream?parts=200&size=1000&delay=5 HTTP/1.1\r\nHost: x\r\n\r\n")
        let deadline = Date().addingTimeInterval(5)
        while (handler.last?.partsMade ?? 0) < 10 && Date() < deadline { usleep(2_000) }
        let quick = try RawConnection(port: harness.port)
        quick.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
        XCTAssertEqual(quick.readResponses(1, timeout: 5).first?.body, "GET /health")
        let made = handler.last?.partsMade ?? 0
        XCTAssertLessThan(made, 200, "the quick request must not wait for the whole body")
        XCTAssertEqual(slow.readResponses(1, timeout: 10).first?.body, CountingBody.expected(parts: 200, size: 1000))
    }
}
