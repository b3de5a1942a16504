import Foundation
import XCTest
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// End-to-end: the built `talks serve` process on an ephemeral loopback port, queried with
/// curl (when installed), then stopped with SIGTERM.
final class ServeCommandTests: XCTestCase {
    override func setUpWithError() throws {
        try TalksExecutable.requireBuilt()
    }

    private func run(_ path: String, _ arguments: [String]) throws -> TalksExecutable.Run {
        try TalksExecutable.run(program: path, arguments)
    }

    func testHelpDescribesEveryOption() throws {
        let help = try run(TalksExecutable.url.path, ["serve", "--help"])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.output.hasPrefix("OVERVIEW: Serve search over HTTP: a JSON API, a search page and embed.js.\n"))
        XCTAssertTrue(help.output.contains("USAGE: talks serve [--index <DIR>] [--host <ADDRESS>] [--port <PORT>] [--threads <N>] [--max-connections <N>] [--max-connections-per-address <N>] [--cors-origin <ORIGIN>] [--quiet]\n"))
        for option in ["--index <DIR>", "--host <ADDRESS>", "-p, --port <PORT>", "--threads <N>", "--max-connections <N>",
                       "--max-connections-per-address <N>", "--cors-origin <ORIGIN>", "-q, --quiet"] {
            XCTAssertTrue(help.output.contains("  \(option) ") || help.output.contains("  \(option)\n"), option)
        }
        let bad = try run(TalksExecutable.url.path, ["serve", "--port", "70000"])
        XCTAssertEqual(bad.status, 64)
    }

    func testServesTheSampleArchiveAndStopsOnSIGTERM() throws {
        let archive = TalksExecutable.repositoryRoot.appendingPathComponent("archive").path
        try XCTSkipUnless(FileManager.default.fileExists(atPath: archive), "no archive/ in this checkout")
        let index = FileManager.default.temporaryDirectory.appendingPathComponent("talks-serve-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: index) }
        XCTAssertEqual(try run(TalksExecutable.url.path, ["ingest", archive, "--index", index]).status, 0)

        let server = Process()
        server.executableURL = TalksExecutable.url
        server.arguments = ["serve", "--index", index, "--port", "0"]
        let output = Pipe()
        let log = Pipe()
        server.standardOutput = output
        server.standardError = log
        try server.run()
        defer { if server.isRunning { server.terminate() } }
        var firstLine = Data()
        while !firstLine.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            firstLine.append(chunk)
        }
        let base = String(decoding: firstLine, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertTrue(base.hasPrefix("http://127.0.0.1:") && base.hasSuffix("/"), base)

        let curl = "/usr/bin/curl"
        if FileManager.default.isExecutableFile(atPath: curl) {
            let health = try run(curl, ["-s", "-i", base + "health"])
            XCTAssertTrue(health.output.hasPrefix("HTTP/1.1 200 OK\r\n"), health.output)
            XCTAssertTrue(health.output.contains("\"generation\":"), health.output)
            let search = try run(curl, ["-s", "-o", "/dev/null", "-w", "%{http_code} %{content_type}", base + "search?q=livsmedelsstrategi"])
            XCTAssertEqual(search.output, "200 application/json; charset=utf-8")
            let vtt = try run(curl, ["-s", base + "episodes/landet-lar-55/transcript?format=vtt"])
            XCTAssertTrue(vtt.output.hasPrefix("WEBVTT\n"))
            let head = try run(curl, ["-s", "-I", base])
            XCTAssertTrue(head.output.contains("Content-Type: text/html; charset=utf-8"), head.output)
        }

        kill(server.processIdentifier, SIGTERM)
        server.waitUntilExit()
        XCTAssertEqual(server.terminationStatus, 0)
        let stderr = String(decoding: log.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertTrue(stderr.contains("GET /search?q=livsmedelsstrategi 200 ") || !FileManager.default.isExecutableFile(atPath: curl), stderr)
        XCTAssertTrue(stderr.hasSuffix("talks serve: stopped\n"), stderr)
    }
}
