import Foundation
import XCTest

/// A working directory holding a copy of `Fixtures/speakers-archive` as `archive/`, indexed
/// into `index/` by the real `talks ingest archive`, for the speaker and synonym tests.
final class SpeakerArchiveWorkspace {
    let directory: URL
    var archive: URL { directory.appendingPathComponent("archive") }
    var synonyms: URL { archive.appendingPathComponent("synonyms.txt") }

    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/speakers-archive")

    init(_ label: String) throws {
        try TalksExecutable.requireBuilt()
        directory = try TalksExecutable.temporaryDirectory(label)
        try FileManager.default.copyItem(at: Self.fixture, to: archive)
        let ingest = try TalksExecutable.run(["ingest", "archive", "--index", "index"], in: directory)
        XCTAssertEqual(ingest.status, 0, ingest.error)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// `talks ARGUMENTS… --index index` in the workspace.
    func run(_ arguments: [String]) throws -> TalksExecutable.Run {
        try TalksExecutable.run(arguments + ["--index", "index"], in: directory)
    }

    /// `talks search QUERY --json --index index`, decoded.
    func searchJSON(_ query: String, hits: Int = 10) throws -> [String: Any] {
        let run = try self.run(["search", query, "--json", "--hits", String(hits)])
        XCTAssertEqual(run.status, 0, run.error)
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any], run.output)
    }

    /// Episode ids of a search answer, best first.
    static func ids(_ answer: [String: Any]) -> [String] {
        let results = answer["results"] as? [[String: Any]] ?? []
        return results.compactMap { ($0["episode"] as? [String: Any])?["id"] as? String }
    }

    /// (episode id, speaker, text) of every hit of a search answer, in order.
    static func hits(_ answer: [String: Any]) -> [(id: String, speaker: String?, text: String)] {
        let results = answer["results"] as? [[String: Any]] ?? []
        return results.flatMap { result -> [(id: String, speaker: String?, text: String)] in
            let id = (result["episode"] as? [String: Any])?["id"] as? String ?? ""
            return (result["hits"] as? [[String: Any]] ?? []).map { hit in
                (id, hit["speaker"] as? String, hit["text"] as? String ?? "")
            }
        }
    }
}
