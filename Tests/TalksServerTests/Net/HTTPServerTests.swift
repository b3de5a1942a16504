#if canImport(Glibc)
import Glibc
#endif
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import XCTest
@testable import TalksServer

/// Answers with the method and path it was asked, optionally after sleeping (`?sleep=ms`):
/// a probe for the network shell, independent of any index.
struct ProbeHandler: HTTPHandler {
    func respond(to request: HTTPRequest) -> HTTPResponse {
        if let sleep = request.query["sleep"].flatMap(Int.init) { usleep(useconds_t(sleep * 1000)) }
        if let size = request.query["size"].flatMap(Int.init) {
            return HTTPResponse(status: .ok, headers: HTTPHeaders([("Content-Type", "text/plain")]), body: [UInt8](repeating: 0x61, count: size))
        }
        return HTTPResponse(status: .ok, contentType: "text/plain; charset=utf-8", body: "\(request.method) \(request.path)")
    }

    func errorResponse(status: HTTPStatus, message: String) -> HTTPResponse {
        HTTPResponse(status: status, contentType: "text/plain; charset=utf-8", body: message)
    }
}

/// The socket shell on a real loopback port: keep-alive, pipelining, limits, timeouts,
/// slow clients, garbage and shutdown.
final class HTTPServerTests: XCTestCase {
    func testKeepAliveServesSeveralRequestsOnOneConnection() throws {
        let harness = try ServerHarness(handler: ProbeHandler())
        defer { harness.stop() }
        let connection = try RawConnection(port: harness.port)
        for path in ["/a", "/b", "/c"] {
            connection.send("GET \(path) HTTP/1.1\r\nHost: x\r\n\r\n")
            let responses = connection.readResponses(1)
            XCTAssertEqual(responses.first?.status, 200)
            XCTAssertEqual(responses.first?.body, "GET \(path)")
            XCTAssertNil(responses.first?.header("Connection"))
            XCTAssertNotNil(responses.first?.header("Date"))
        }
        connection.send("GET /last HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        let (text, closed) = connection.readUntilClose()
        XCTAssertTrue(closed, "the server must close after Connection: close")
        XCTAssertTrue(text.contains("Connection: close"))
        XCTAssertTrue(text.hasSuffix("GET /last"))
    }

    func testHTTP10ClosesUnlessKeepAliveAsked() throws {
        let harness = try ServerHarness(handler: ProbeHandler())
        defer { harness.stop() }
        let connection = try RawConnection(port: harness.port)
        connection.send("GET /old HTTP/1.0\r\n\r\n")
        let (text, closed) = connection.readUntilClose()
        XCTAssertTrue(closed)
        XCTAssertTrue(text.hasPrefix("HTTP/1.1 200 OK\r\n"))
    }

    func testPipelinedRequestsAnsweredInOrder() throws {
        let harness = try ServerHarness(handler: ProbeHandler())
        defer { harness.stop() }
        let connection = try RawConnection(port: harness.port)
        connection.send((1...100).map { "GET /\($0) HTTP/1.1\r\nHost: x\r\n\r\n" }.joined())
        let responses = connection.readResponses(100)
        XCTAssertEqual(responses.map(\.body), (1...100).map { "GET /\($0)" })
    }

    func testHeadSendsLengthWithoutBody() throws {
        let harness = try ServerHarness(handler: ProbeHandler())
        defer { harness.stop() }
        let connection = try RawConnection(port: harness.port)
        connection.send("HEAD /x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        let (text, closed) = connection.readUntilClose()
        XCTAssertTrue(closed)
        XCTAssertTrue(text.contains("Content-Length: 7\r\n"), text)
        XCTAssertTrue(text.hasSuffix("\r\n\r\n"), "HEAD must not carry a body: \(text.debugDescription)")
    }

    func testMalformedRequestGets400AndClose() throws {
        let harness = try ServerHarness(handler: ProbeHandler())
        defer { harness.stop() }
        let cases: [(String, Int)] = [
            ("GARBAGE\r\n\r\n", 400),
            ("GET / HTTP/1.1\r\n\r\n", 400),
            ("GET /" + String(repeating: "a", count: 9000) + " HTTP/1.1\r\nHost: x\r\n\r\n", 414),
            ("GET / HTTP/1.1\r\nHost: x\r\nX: " + String(repeating: "b", count: 33_000) + "\r\n\r\n", 431),
            ("GET / HTTP/3.0\r\nHost: x\r\n\r\n", 505),
            ("GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n", 501),
            ("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999\r\n\r\n", 413),
        ]
        for (request, status) in cases {
            let connection = try RawConnection(port: harness.port)
            connection.send(request)
            let (text, closed) = connection.readUntilClose()
            XCTAssertTrue(text.hasPrefix("HTTP/1.1 \(status) "), "\(request.prefix(40).debugDescription) → \(text.prefix(80))")
            XCTAssertTrue(text.contains("Connection: close"))
            XCTAssertTrue(closed)
        }
    }

    func testSlowClientIsDroppedAtTheHeaderDeadline() throws {
        let harness = try ServerHarness(handler: ProbeHandler()) { $0.headerTimeout = 1 }
        defer { harness.stop() }
        let connection = try RawConnection(port: harness.port)
        let started = Date()
        let request = Array("GET /slow HTTP/1.1\r\nHost: x\r\nX-Padding: aaaaaaaaaaaaaaaaaaaa\r\n\r\n".utf8)
        var closedEarly = false
        for byte in request {
            connection.send([byte])
            var entry = pollfd(fd: connection.descriptor, events: Int16(POLLIN), revents: 0)
            if poll(&entry, 1, 100) > 0 {
                closedEarly = true
                break
            }
        }
        XCTAssertTrue(closedEarly, "a client sending 10 bytes a second must not finish a request")
        let (text, closed) = connection.readUntilClose(timeout: 3)
        XCTAssertTrue(text.hasPrefix("HTTP/1.1 408 "), text)
        XCTAssertTrue(closed)
        XCTAssertLessThan(Date().timeIntervalSince(started), 4)
    }

    func testIdleKeepAliveConnectionIsClosed() throws {
        let harness = try ServerHarness(handler: ProbeHandler()) { $0.idleTimeout = 0.5 }
        defer { harness.stop() }
        let connection = try RawConnection(port: harness.port)
        connection.send("GET /a HTTP/1.1\r\nHost: x\r\n\r\n")
        XCTAssertEqual(connection.readResponses(1).first?.status, 200)
        let (text, closed) = connection.readUntilClose(timeout: 3)
        XCTAssertTrue(closed)
        XCTAssertEqual(text, "", "an idle close sends nothing")
    }

    func testConnectionLimitAnswers503() throws {
        let harness = try ServerHarness(handler: ProbeHandler()) { $0.maxConnections = 2 }
        defer { harness.stop() }
        let first = try RawConnection(port: harness.port)
        let second = try RawConnection(port: harness.port)
        first.send("GET /1 HTTP/1.1\r\nHost: x\r\n\r\n")
        second.send("GET /2 HTTP/1.1\r\nHost: x\r\n\r\n")
        XCTAssertEqual(first.readResponses(1).first?.status, 200)
        XCTAssertEqual(second.readResponses(1).first?.status, 200)
        let third = try RawConnection(port: harness.port)
        let (text, closed) = third.readUntilClose()
        XCTAssertTrue(text.hasPrefix("HTTP/1.1 503 "), text)
        XCTAssertTrue(closed)
        withExtendedLifetime((first, second)) {}
    }

    func testConcurrentClientsAllAnswered() throws {
        let harness = try ServerHarness(handler: ProbeHandler()) { $0.threads = 3 }
        let failures = LogCollector()
        DispatchQueue.concurrentPerform(iterations: 16) { client in
            do {
                let connection = try RawConnection(port: harness.port)
                for request in 0..<25 {
                    connection.send("GET /c\(client)/\(request) HTTP/1.1\r\nHost: x\r\n\r\n")
                    let response = connection.readResponses(1).first
                    if response?.body != "GET /c\(client)/\(request)" { failures.record("client \(client) request \(request): \(String(describing: response))") }
                }
            } catch {
                failures.record("client \(client): \(error)")
            }
        }
        // A worker logs a request after its response is written, so a client can read its
        // answer before the line exists: stop the server (in-flight work finishes) first.
        harness.stop()
        XCTAssertEqual(failures.lines, [])
        XCTAssertEqual(harness.log.filter { $0.contains(" 200 ") }.count, 400)
    }

    func testClientThatDoesNotReadHoldsNoWorkerAndIsDroppedAtTheWriteDeadline() throws {
        let harness = try ServerHarness(handler: ProbeHandler()) {
            $0.threads = 1
            $0.writeTimeout = 1
        }
        defer { harness.stop() }
        let stuck = try RawConnection(port: harness.port)
        var size: Int32 = 4096
        setsockopt(stuck.descriptor, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        stuck.send((0..<8).map { _ in "GET /big?size=4000000 HTTP/1.1\r\nHost: x\r\n\r\n" }.joined())
        usleep(300_000)
        let started = Date()
        let other = try RawConnection(port: harness.port)
        other.send("GET /meanwhile HTTP/1.1\r\nHost: x\r\n\r\n")
        XCTAssertEqual(other.readResponses(1, timeout: 2).first?.body, "GET /meanwhile")
        XCTAssertLessThan(Date().timeIntervalSince(started), 0.5, "the only worker must not be stuck writing to the first client")
        // The first client never reads: after the write timeout the server gives up on it.
        var closed = false
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline && !closed {
            usleep(100_000)
            closed = harness.server.openConnectionCount == 1
        }
        XCTAssertTrue(closed, "the non-reading connection must be closed at its write deadline")
    }

    func testGarbageNeverTakesTheServerDown() throws {
        let harness = try ServerHarness(handler: ProbeHandler()) { $0.headerTimeout = 0.3 }
        defer { harness.stop() }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<24 {
            let connection = try RawConnection(port: harness.port)
            let length = Int.random(in: 1...3000, using: &generator)
            connection.send((0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) })
            _ = connection.readUntilClose(timeout: 2)
        }
        let connection = try RawConnection(port: harness.port)
        connection.send("GET /still-here HTTP/1.1\r\nHost: x\r\n\r\n")
        XCTAssertEqual(connection.readResponses(1).first?.body, "GET /still-here")
    }

    func testAccessLogLineHasMethodPathStatusBytesAndMicroseconds() throws {
        let harness = try ServerHarness(handler: ProbeHandler())
        let connection = try RawConnection(port: harness.port)
        connection.send("GET /logged?x=1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        let (text, _) = connection.readUntilClose()
        harness.stop()
        let line = try XCTUnwrap(harness.log.first { $0.contains("/logged") })
        XCTAssertTrue(line.hasPrefix("GET /logged?x=1 200 \(text.utf8.count) "), line)
        XCTAssertTrue(line.hasSuffix("us"))
    }

    func testShutdownFinishesInFlightRequestThenRefusesConnections() throws {
        let harness = try ServerHarness(handler: ProbeHandler())
        let connection = try RawConnection(port: harness.port)
        connection.send("GET /work?sleep=600 HTTP/1.1\r\nHost: x\r\n\r\n")
        usleep(150_000)
        let stopped = DispatchSemaphore(value: 0)
        Thread { harness.stop(); stopped.signal() }.start()
        let (text, closed) = connection.readUntilClose(timeout: 5)
        XCTAssertTrue(text.hasPrefix("HTTP/1.1 200 OK"), text)
        XCTAssertTrue(text.contains("Connection: close"))
        XCTAssertTrue(text.hasSuffix("GET /work"))
        XCTAssertTrue(closed)
        XCTAssertEqual(stopped.wait(timeout: .now() + 5), .success)
        XCTAssertThrowsError(try RawConnection(port: harness.port), "the listener must be closed")
    }

    func testListensOnIPv6Loopback() throws {
        let server = HTTPServer(configuration: ServerConfiguration(host: "::1", port: 0, threads: 1), handler: ProbeHandler())
        let port: Int
        do {
            port = try server.start()
        } catch {
            throw XCTSkip("no IPv6 loopback here: \(error)")
        }
        defer {
            server.shutdown()
            server.wait()
        }
        // URLSession on Linux refuses IPv6 literal URLs, so a plain IPv6 socket asks.
        let descriptor = socket(AF_INET6, Int32(SOCK_STREAM.rawValue), 0)
        XCTAssertGreaterThanOrEqual(descriptor, 0)
        defer { close(descriptor) }
        var address = sockaddr_in6()
        address.sin6_family = sa_family_t(AF_INET6)
        address.sin6_port = in_port_t(UInt16(port)).bigEndian
        XCTAssertEqual(inet_pton(AF_INET6, "::1", &address.sin6_addr), 1)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) }
        }
        XCTAssertEqual(connected, 0)
        let request = Array("GET /six HTTP/1.1\r\nHost: [::1]\r\nConnection: close\r\n\r\n".utf8)
        XCTAssertEqual(request.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, 0) }, request.count)
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            if count <= 0 { break }
            received.append(contentsOf: buffer[0..<count])
        }
        let text = String(decoding: received, as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("HTTP/1.1 200 OK"), text)
        XCTAssertTrue(text.hasSuffix("GET /six"), text)
    }

    func testBindingAnUsedPortIsANamedError() throws {
        let harness = try ServerHarness(handler: ProbeHandler())
        defer { harness.stop() }
        let second = HTTPServer(configuration: ServerConfiguration(port: harness.port), handler: ProbeHandler())
        XCTAssertThrowsError(try second.start()) { error in
            XCTAssertTrue("\(error)".contains("bind failed"), "\(error)")
        }
        XCTAssertThrowsError(try HTTPServer(configuration: ServerConfiguration(host: "example.org", port: 0), handler: ProbeHandler()).start())
    }
}
