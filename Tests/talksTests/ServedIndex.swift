import Foundation
import XCTest

/// A `talks serve` process on an ephemeral loopback port over one index, queried with curl
/// as a browser or a script would, and stopped with SIGTERM when the test is done.
final class ServedIndex {
    /// One answer: the status line's code, the header block and the body.
    struct Answer {
        var status: Int
        var headers: String
        var body: String
    }

    static let curl = "/usr/bin/curl"
    private let server = Process()
    /// "http://127.0.0.1:PORT/".
    let base: String

    /// Starts the server; skips the test when curl is not installed.
    init(index: String) throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: Self.curl), "curl is not installed")
        server.executableURL = TalksExecutable.url
        server.arguments = ["serve", "--index", index, "--port", "0", "--quiet"]
        let output = Pipe()
        server.standardOutput = output
        server.standardError = FileHandle.nullDevice
        try server.run()
        var firstLine = Data()
        while !firstLine.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            firstLine.append(chunk)
        }
        base = String(decoding: firstLine, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard base.hasPrefix("http://") else {
            stop()
            throw XCTSkip("talks serve did not start: \(base)")
        }
    }

    deinit { stop() }

    func stop() {
        guard server.isRunning else { return }
        kill(server.processIdentifier, SIGTERM)
        server.waitUntilExit()
    }

    /// GET `path` (relative to the server's root, e.g. "episodes/x/transcript").
    func get(_ path: String) throws -> Answer {
        let run = try TalksExecutable.run(program: Self.curl, ["-s", "-i", "--max-time", "10", base + path])
        let parts = run.output.components(separatedBy: "\r\n\r\n")
        let headers = parts.first ?? ""
        let status = Int(headers.split(separator: " ").dropFirst().first ?? "") ?? 0
        return Answer(status: status, headers: headers, body: parts.dropFirst().joined(separator: "\r\n\r\n"))
    }
}
