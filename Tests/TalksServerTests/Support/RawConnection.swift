#if canImport(Glibc)
import Glibc
#endif
import Foundation
import XCTest

/// A plain TCP client for what URLSession will not send: malformed bytes, pipelined
/// requests, one byte at a time.
final class RawConnection {
    let descriptor: Int32

    /// Connects to 127.0.0.1:`port`, from `source` (another loopback address such as
    /// 127.0.0.2, to look like a second client) when given.
    init(port: Int, source: String? = nil) throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw RawConnectionError.failed("socket", errno) }
        if let source {
            var local = sockaddr_in()
            local.sin_family = sa_family_t(AF_INET)
            local.sin_addr.s_addr = inet_addr(source)
            let bound = withUnsafePointer(to: &local) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard bound == 0 else {
                let code = errno
                close(descriptor)
                throw RawConnectionError.failed("bind \(source)", code)
            }
        }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port)).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            let code = errno
            close(descriptor)
            throw RawConnectionError.failed("connect", code)
        }
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    func send(_ text: String) { send(Array(text.utf8)) }

    func send(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Glibc.send(descriptor, base + offset, buffer.count - offset, Int32(MSG_NOSIGNAL))
            }
            if sent <= 0 { return }
            offset += sent
        }
    }

    /// Reads until the server closes or `timeout` seconds pass; returns what arrived and
    /// whether the server closed.
    func readUntilClose(timeout: Double = 5) -> (text: String, closed: Bool) {
        var received: [UInt8] = []
        let deadline = Date().addingTimeInterval(timeout)
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while Date() < deadline {
            var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let wait = Int32(max(1, deadline.timeIntervalSinceNow * 1000))
            if poll(&entry, 1, wait) <= 0 { break }
            let count = read(descriptor, &buffer, buffer.count)
            if count <= 0 { return (String(decoding: received, as: UTF8.self), true) }
            received.append(contentsOf: buffer[0..<count])
        }
        return (String(decoding: received, as: UTF8.self), false)
    }

    /// Reads complete responses (head + Content-Length body) until `count` have arrived.
    func readResponses(_ count: Int, timeout: Double = 5) -> [RawResponse] {
        var received: [UInt8] = []
        var responses: [RawResponse] = []
        let deadline = Date().addingTimeInterval(timeout)
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while responses.count < count && Date() < deadline {
            while let (response, used) = RawResponse.parse(received) {
                responses.append(response)
                received.removeFirst(used)
                if responses.count == count { return responses }
            }
            var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            if poll(&entry, 1, Int32(max(1, deadline.timeIntervalSinceNow * 1000))) <= 0 { break }
            let got = read(descriptor, &buffer, buffer.count)
            if got <= 0 { break }
            received.append(contentsOf: buffer[0..<got])
        }
        while responses.count < count, let (response, used) = RawResponse.parse(received) {
            responses.append(response)
            received.removeFirst(used)
        }
        return responses
    }
}

enum RawConnectionError: Error {
    case failed(String, Int32)
}

/// A response as read off the wire.
struct RawResponse {
    var status: Int
    var headers: [(String, String)]
    var body: String

    func header(_ name: String) -> String? {
        headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }

    /// Parses one response from the front of `bytes`, its body framed by Content-Length or
    /// chunked (responses to HEAD are not framed by their Content-Length; callers of HEAD
    /// use `readUntilClose`).
    static func parse(_ bytes: [UInt8]) -> (RawResponse, Int)? {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard bytes.count >= 4, let end = (0...(bytes.count - 4)).first(where: { Array(bytes[$0..<$0 + 4]) == separator }) else { return nil }
        let head = String(decoding: bytes[0..<end], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { return nil }
        let headers = lines.compactMap { line -> (String, String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        if headers.contains(where: { $0.0.lowercased() == "transfer-encoding" && $0.1 == "chunked" }) {
            guard let (body, used) = dechunk(bytes[(end + 4)...]) else { return nil }
            return (RawResponse(status: status, headers: headers, body: String(decoding: body, as: UTF8.self)), end + 4 + used)
        }
        let length = headers.first { $0.0.lowercased() == "content-length" }.flatMap { Int($0.1) } ?? 0
        guard bytes.count >= end + 4 + length else { return nil }
        let body = String(decoding: bytes[(end + 4)..<(end + 4 + length)], as: UTF8.self)
        return (RawResponse(status: status, headers: headers, body: body), end + 4 + length)
    }
}

/// The body of a complete chunked message at the front of `bytes` and how many bytes it
/// took, or nil when it has not all arrived (RFC 9112 §7.1; no chunk extensions or trailers).
func dechunk(_ bytes: ArraySlice<UInt8>) -> ([UInt8], Int)? {
    var body: [UInt8] = []
    var index = bytes.startIndex
    while true {
        guard let lineEnd = bytes[index...].firstIndex(of: 0x0A), lineEnd > index, bytes[lineEnd - 1] == 0x0D,
              let size = Int(String(decoding: bytes[index..<(lineEnd - 1)], as: UTF8.self), radix: 16) else { return nil }
        let dataStart = lineEnd + 1
        guard bytes.endIndex - dataStart >= size + 2 else { return nil }
        if size == 0 { return (body, dataStart + 2 - bytes.startIndex) }
        body.append(contentsOf: bytes[dataStart..<(dataStart + size)])
        index = dataStart + size + 2
    }
}
