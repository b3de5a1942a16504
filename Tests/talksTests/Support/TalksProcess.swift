import Foundation
import XCTest

/// Runs the built `talks` executable (or any other program) as a user would and captures
/// its exit status, stdout and stderr. Shared by every end-to-end test of the CLI.
enum TalksProcess {
    /// The repository checkout these tests belong to.
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The executable beside the test binary (both are in the build's products folder).
    static var executable: URL {
        let testBinary = URL(fileURLWithPath: ProcessInfo.processInfo.arguments.first { $0.hasSuffix(".xctest") }
            ?? Bundle.main.bundlePath)
        return testBinary.deletingLastPathComponent().appendingPathComponent("talks")
    }

    /// What one run printed and returned.
    struct Run {
        var status: Int32
        var output: String
        var error: String
    }

    /// Skips the calling test when `swift test` has not built the executable.
    static func skipUnlessBuilt() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: executable.path),
                          "the talks executable is not built at \(executable.path)")
    }

    /// Runs `talks` with `arguments`, in `directory` when given.
    static func talks(_ arguments: [String], in directory: URL? = nil) throws -> Run {
        try run(executable.path, arguments, in: directory)
    }

    /// Runs the program at `path` and waits for it. Stderr is read on another thread so a
    /// chatty program cannot fill one pipe while we wait on the other.
    static func run(_ path: String, _ arguments: [String], in directory: URL? = nil) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let errorData = ErrorBox()
        let errorHandle = error.fileHandleForReading
        let errorRead = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            errorData.data = errorHandle.readDataToEndOfFile()
            errorRead.signal()
        }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        errorRead.wait()
        return Run(status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
                   error: String(decoding: errorData.data, as: UTF8.self))
    }

    /// Holds what the stderr reader thread read until the process has ended.
    private final class ErrorBox: @unchecked Sendable {
        var data = Data()
    }
}
