#if canImport(Glibc)
import Glibc
#endif
import Foundation
import XCTest
@testable import TalksServer

/// One client address cannot take the server: beyond its share of connections it gets 503
/// while other addresses are still served. Loopback has a whole /8, so 127.0.0.2 is a
/// second client on the same machine.
final class AddressLimitTests: XCTestCase {
    /// Connects from 127.0.0.2, or skips where loopback has only 127.0.0.1.
    private func secondClient(_ port: Int) throws -> RawConnection {
        do {
            return try RawConnection(port: port, source: "127.0.0.2")
        } catch {
            throw XCTSkip("cannot connect from 127.0.0.2 here: \(error)")
        }
    }

    /// Waits until the server holds `count` connections (it accepts in its poller thread).
    private func waitForOpenConnections(_ server: HTTPServer, _ count: Int) {
        let deadline = Date().addingTimeInterval(5)
        while server.openConnectionCount != count && Date() < deadline { usleep(5_000) }
        XCTAssertEqual(server.openConnectionCount, count)
    }

    func testAnAddressAtItsLimitGets503WhileAnotherAddressIsServed() throws {
        let harness = try ServerHarness(handler: ProbeHandler()) { $0.maxConnectionsPerAddress = 4 }
        defer { harness.stop() }
        // Idle connections that never send a byte, as a client hoarding them would.
        var idle = try (0..<4).map { _ in try RawConnection(port: harness.port) }
        waitForOpenConnections(harness.server, 4)

        let refused = try RawConnection(port: harness.port)
        let (text, closed) = refused.readUntilClose()
        XCTAssertTrue(text.hasPrefix("HTTP/1.1 503 "), text)
        XCTAssertTrue(text.contains("127.0.0.1 has 4 open connections to this server"), text)
        XCTAssertTrue(closed)

        let other = try secondClient(harness.port)
        other.send("GET /other HTTP/1.1\r\nHost: x\r\n\r\n")
        XCTAssertEqual(other.readResponses(1).first?.body, "GET /other")

        // Closing one of them makes room for that address again.
        idle.removeFirst()
        waitForOpenConnections(harness.server, 4)
        let again = try RawConnection(port: harness.port)
        again.send("GET /again HTTP/1.1\r\nHost: x\r\n\r\n")
        XCTAssertEqual(again.readResponses(1).first?.body, "GET /again")
        withExtendedLifetime(idle) {}
    }

    /// The report: 257 idle connections from one address made every client get 503 for
    /// 15 s. With the defaults, the 65th from that address is refused and another address
    /// is still answered.
    func testTwoHundredFiftySevenIdleConnectionsDoNotLockOutAnotherAddress() throws {
        let configuration = ServerConfiguration()
        XCTAssertEqual(configuration.maxConnectionsPerAddress, 64)
        XCTAssertEqual(configuration.maxConnections, 256)
        let harness = try ServerHarness(handler: ProbeHandler())
        defer { harness.stop() }
        let idle = try (0..<257).map { _ in try RawConnection(port: harness.port) }
        let other = try secondClient(harness.port)
        other.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
        XCTAssertEqual(other.readResponses(1).first?.status, 200)
        XCTAssertEqual(harness.server.openConnectionCount, 65, "64 from 127.0.0.1 and the one from 127.0.0.2")
        withExtendedLifetime(idle) {}
    }

    func testClientAddressesCountIPv4AndIPv6Networks() {
        var storage = sockaddr_storage()
        withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { address in
                address.pointee.sin6_family = sa_family_t(AF_INET6)
                _ = inet_pton(AF_INET6, "2001:db8:1:2:aaaa:bbbb:cccc:dddd", &address.pointee.sin6_addr)
            }
        }
        let first = ClientAddress(storage)
        XCTAssertEqual(first.description, "2001:db8:1:2::/64")
        withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { address in
                _ = inet_pton(AF_INET6, "2001:db8:1:2::1", &address.pointee.sin6_addr)
            }
        }
        XCTAssertEqual(ClientAddress(storage), first, "one /64 is one client")
        withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { address in
                _ = inet_pton(AF_INET6, "::ffff:192.0.2.7", &address.pointee.sin6_addr)
            }
        }
        XCTAssertEqual(ClientAddress(storage).description, "192.0.2.7")
    }
}
