import Foundation
import XCTest

/// Runs the built `talks` executable (beside the test binary in the build's products folder)
/// as a user would: arguments in, exit status, stdout and stderr out.
enum TalksProcess {
    struct Run {
        var status: Int32
        var output: String
        var error: String
    }

    static var executable: URL {
        let testBinary = URL(fileURLWithPath: ProcessInfo.processInfo.arguments.first { $0.hasSuffix(".xctest") }
            ?? CommandLine.arguments[0])
        return testBinary.deletingLastPathComponent().appendingPathComponent("talks")
    }

    static func skipUnlessBuilt() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: executable.path),
                          "the talks executable is not built at \(executable.path)")
    }

    /// Runs `talks arguments…` to the end. Both pipes are drained at once, so a large
    /// stderr cannot block the child.
    static func run(_ arguments: [String], environment: [String: String]? = nil) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let errorText = Drained(error.fileHandleForReading)
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
                   error: errorText.text())
    }

    /// A `talks search --json` answer without what legitimately changes between runs and
    /// generations (`took_ms`, and `score`, which moves with the collection statistics).
    static func searchAnswer(_ json: String) -> String {
        guard var object = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any] else { return json }
        object["took_ms"] = nil
        if let results = object["results"] as? [[String: Any]] {
            object["results"] = results.map { result in
                var result = result
                result["score"] = nil
                return result
            }
        }
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return json }
        return String(decoding: data, as: UTF8.self)
    }
}

/// Reads a pipe to its end on another thread; `text()` waits for the end.
final class Drained: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        DispatchQueue.global().async {
            self.data = handle.readDataToEndOfFile()
            self.done.signal()
        }
    }

    func text() -> String {
        done.wait()
        return String(decoding: data, as: UTF8.self)
    }
}
