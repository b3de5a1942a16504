import XCTest
@testable import TalksServer

final class HTTPResponseWriterTests: XCTestCase {
    func testWritesStatusLineHeadersLengthAndBody() {
        var response = HTTPResponse(status: .ok, contentType: "application/json; charset=utf-8", body: "{\"ok\":true}")
        response.headers.add("X-Evil", "a\r\nSet-Cookie: b")
        let text = String(decoding: HTTPResponseWriter.serialize(response, headOnly: false, keepAlive: true, date: "Sun, 06 Nov 1994 08:49:37 GMT"), as: UTF8.self)
        XCTAssertEqual(text, "HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\nX-Evil: a  Set-Cookie: b\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\nContent-Length: 11\r\n\r\n{\"ok\":true}")
    }

    func testHeadKeepsLengthButDropsBodyAndCloseIsAnnounced() {
        let response = HTTPResponse(status: .ok, contentType: "text/plain", body: "hello")
        let text = String(decoding: HTTPResponseWriter.serialize(response, headOnly: true, keepAlive: false, date: "D"), as: UTF8.self)
        XCTAssertEqual(text, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nDate: D\r\nContent-Length: 5\r\nConnection: close\r\n\r\n")
    }

    func testNotModifiedHasNoBodyOrLength() {
        let response = HTTPResponse(status: .notModified, contentType: "text/plain", body: "hello")
        let text = String(decoding: HTTPResponseWriter.serialize(response, headOnly: false, keepAlive: true, version: .http1_0, date: "D"), as: UTF8.self)
        XCTAssertEqual(text, "HTTP/1.1 304 Not Modified\r\nContent-Type: text/plain\r\nDate: D\r\nConnection: keep-alive\r\n\r\n")
    }

    func testIMFFixdate() {
        XCTAssertEqual(HTTPDate.format(secondsSince1970: 784_111_777), "Sun, 06 Nov 1994 08:49:37 GMT")
        XCTAssertEqual(HTTPDate.format(secondsSince1970: 0), "Thu, 01 Jan 1970 00:00:00 GMT")
        XCTAssertEqual(HTTPDate.format(secondsSince1970: 951_782_400), "Tue, 29 Feb 2000 00:00:00 GMT")
        XCTAssertEqual(HTTPDate.format(secondsSince1970: 1_795_000_000), "Wed, 18 Nov 2026 11:06:40 GMT")
    }

    func testQueryParametersAndPercentEncodingRoundTrip() throws {
        let parameters = try QueryParameters(parsing: "q=a+b%2Bc&&empty&x=%C3%B6&q=second")
        XCTAssertEqual(parameters["q"], "a b+c")
        XCTAssertEqual(parameters["empty"], "")
        XCTAssertEqual(parameters["x"], "ö")
        XCTAssertEqual(parameters.names, ["q", "empty", "x", "q"])
        XCTAssertEqual(PercentDecoding.encode("åker & äng/1"), "%C3%A5ker%20%26%20%C3%A4ng%2F1")
        XCTAssertEqual(try PercentDecoding.decode(Substring(PercentDecoding.encode("åker & äng/1")), plusAsSpace: false), "åker & äng/1")
    }
}
