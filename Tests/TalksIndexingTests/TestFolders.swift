import Foundation

/// Temporary folders for the indexing tests: an archive written by the test and the index
/// built from it, removed afterwards.
enum TestFolders {
    /// A new empty directory under the system temp folder; removed by `cleanUp`.
    static func temporaryDirectory(_ name: String = #function) -> String {
        let safe = name.filter { $0.isLetter || $0.isNumber }
        let path = NSTemporaryDirectory() + "talks-indexing-\(safe)-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func cleanUp(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }
}
