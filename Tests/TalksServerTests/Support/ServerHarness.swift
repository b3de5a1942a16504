import Foundation
import TalksServer
import XCTest
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Starts a real `HTTPServer` on an ephemeral loopback port in this process and stops it.
final class ServerHarness: @unchecked Sendable {
    let server: HTTPServer
    let port: Int
    private let collector = LogCollector()

    init(handler: any HTTPHandler, configure: (inout ServerConfiguration) -> Void = { _ in }) throws {
        var configuration = ServerConfiguration(host: "127.0.0.1", port: 0, threads: 4)
        configure(&configuration)
        let collector = self.collector
        let server = HTTPServer(configuration: configuration, handler: handler, accessLog: { entry in
            collector.record(entry.line)
        })
        self.server = server
        self.port = try server.start()
    }

    var log: [String] { collector.lines }

    func stop() {
        server.shutdown()
        server.wait()
    }

    func url(_ pathAndQuery: String) throws -> URL {
        try XCTUnwrap(URL(string: "http://127.0.0.1:\(port)\(pathAndQuery)"))
    }

    /// A blocking GET (or other method) through URLSession.
    func fetch(_ pathAndQuery: String, method: String = "GET", headers: [String: String] = [:]) throws -> (status: Int, headers: [String: String], body: Data) {
        var request = URLRequest(url: try url(pathAndQuery))
        request.httpMethod = method
        request.cachePolicy = .reloadIgnoringLocalAndRemoteCacheData
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var result: (Int, [String: String], Data)?
        nonisolated(unsafe) var failure: Error?
        URLSession.shared.dataTask(with: request) { data, response, error in
            if let http = response as? HTTPURLResponse {
                var fields: [String: String] = [:]
                for (key, value) in http.allHeaderFields {
                    if let key = key as? String, let value = value as? String { fields[key.lowercased()] = value }
                }
                result = (http.statusCode, fields, data ?? Data())
            } else {
                failure = error
            }
            done.signal()
        }.resume()
        guard done.wait(timeout: .now() + 20) == .success else { throw RawConnectionError.failed("timeout", 0) }
        if let result { return result }
        throw failure ?? RawConnectionError.failed("no response", 0)
    }
}

/// Access-log lines collected from the server's threads.
final class LogCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []

    func record(_ line: String) {
        lock.lock()
        stored.append(line)
        lock.unlock()
    }

    var lines: [String] {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}
