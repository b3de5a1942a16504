import Foundation
import XCTest

/// Locates test inputs: fixtures beside the tests and the shared WPT data next to the repository.
enum TestData {
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let fixtures = testsDirectory.appendingPathComponent("Fixtures")
    static let repositoryRoot = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
    static let webVTTConformance = repositoryRoot.appendingPathComponent("../shared/testdata/webvtt-wpt").standardizedFileURL

    static func fixture(_ name: String) throws -> [UInt8] {
        try [UInt8](Data(contentsOf: fixtures.appendingPathComponent(name)))
    }

    /// The WPT folder, or an XCTSkip naming the missing path.
    static func conformanceFolder(_ sub: String) throws -> URL {
        let folder = webVTTConformance.appendingPathComponent(sub)
        guard FileManager.default.fileExists(atPath: folder.path) else {
            throw XCTSkip("WebVTT conformance data not found at \(folder.path) (../shared/testdata is absent)")
        }
        return folder
    }
}
