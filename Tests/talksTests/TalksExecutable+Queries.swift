import Foundation
import XCTest

/// The two questions command tests ask of a built index through the real `talks`.
extension TalksExecutable {
    /// What `talks search QUERY --explain` prints for the index at `index` (asserts exit 0).
    static func explained(_ query: String, index: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let run = try run(["search", query, "--explain", "--index", index])
        XCTAssertEqual(run.status, 0, run.error, file: file, line: line)
        return run.output
    }

    /// The ids of the episodes `talks search QUERY --json` finds in `index`, sorted (asserts exit 0).
    static func foundEpisodes(_ query: String, index: String, file: StaticString = #filePath, line: UInt = #line) throws -> [String] {
        let run = try run(["search", query, "--json", "--index", index])
        XCTAssertEqual(run.status, 0, "\(query): \(run.error)", file: file, line: line)
        let object = try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any]
        let results = object?["results"] as? [[String: Any]] ?? []
        return results.compactMap { ($0["episode"] as? [String: Any])?["id"] as? String }.sorted()
    }
}
