import Foundation
import XCTest
@testable import TalksServer

/// On a real socket: a request line that is already wrong gets its 400 as soon as it
/// arrives, without waiting for the header timeout (set to a minute here, so waiting for it
/// would show as no answer at all within the read's five seconds).
final class MalformedRequestLineServerTests: XCTestCase {
    func testControlBytesEndingInABareLineFeedGet400AtOnce() throws {
        let harness = try ServerHarness(handler: ProbeHandler()) { $0.headerTimeout = 60 }
        defer { harness.stop() }
        let payloads: [[UInt8]] = [
            [0x01, 0x02, 0x03, 0x0A],
            Array("\u{1B}[2J\u{7F}\n".utf8),
            [0x01],
            Array("GET / HTTP/1.1\nHost: x\n\u{1}".utf8),
            Array("GET / HTTP/9.9\n".utf8),
        ]
        for payload in payloads {
            let connection = try RawConnection(port: harness.port)
            connection.send(payload)
            let (text, closed) = connection.readUntilClose(timeout: 5)
            XCTAssertTrue(text.hasPrefix("HTTP/1.1 400 ") || text.hasPrefix("HTTP/1.1 505 "), "\(payload) → \(text.debugDescription)")
            XCTAssertTrue(text.contains("Connection: close"), text)
            XCTAssertTrue(closed, "\(payload)")
        }
    }
}
