import Foundation
import XCTest

/// The built `talks` executable, run as a user runs it: arguments, a working directory,
/// and what it wrote to stdout and stderr with its exit status. Shared by the end-to-end
/// tests of every command.
enum TalksExecutable {
    /// What one run of `talks` printed and returned.
    struct Run {
        var status: Int32
        var output: String
        var error: String
    }

    /// The repository checkout the tests run from (for `archive/` and fixtures).
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The executable beside the test bundle (both are in the build's products folder).
    static var url: URL {
        let testBinary = URL(fileURLWithPath: ProcessInfo.processInfo.arguments.first { $0.hasSuffix(".xctest") }
            ?? Bundle.main.bundlePath)
        return testBinary.deletingLastPathComponent().appendingPathComponent("talks")
    }

    /// Skips the calling test when the executable has not been built (e.g. a filtered build).
    static func requireBuilt() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: url.path),
                          "the talks executable is not built at \(url.path)")
    }

    /// Runs `talks arguments…` in `directory` (the current one when nil) and waits for it;
    /// `environment` is added to the test's own.
    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> Run {
        try run(program: url.path, arguments, in: directory, environment: environment)
    }

    /// Runs any program the same way (the serve test talks to the server with curl).
    static func run(
        program: String, _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]
    ) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, added in added }
        }
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // Read stderr on another thread so neither pipe can fill up and stall the child.
        let errorData = LockedData()
        let reader = Thread { errorData.set(error.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errorData.isSet { usleep(1_000) }
        return Run(status: process.terminationStatus,
                   output: String(decoding: outputData, as: UTF8.self),
                   error: String(decoding: errorData.value, as: UTF8.self))
    }

    /// A fresh temporary directory, removed by the caller.
    static func temporaryDirectory(_ label: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("talks-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Data handed from a reader thread to the test thread.
private final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?

    func set(_ newValue: Data) { lock.withLock { data = newValue } }
    var isSet: Bool { lock.withLock { data != nil } }
    var value: Data { lock.withLock { data ?? Data() } }
}
