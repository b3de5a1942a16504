import Foundation
import XCTest

/// Locates `../shared/testdata/` beside the repository root.
enum SharedTestData {
    static var directory: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // TalksAnalysisTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()  // repository root
            .appendingPathComponent("../shared/testdata")
            .standardizedFileURL
    }

    /// The lines of a shared test file, or an XCTSkip when the shared folder is absent.
    static func lines(_ relativePath: String) throws -> [String] {
        guard FileManager.default.fileExists(atPath: directory.path) else {
            throw XCTSkip("shared test data not found at \(directory.path); it lives beside the repository")
        }
        let url = directory.appendingPathComponent(relativePath)
        let text = try String(contentsOf: url, encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}
