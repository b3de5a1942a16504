import Foundation
import TalksModel
import XCTest
@testable import TalksIngest

/// Inputs the FuzzEpisodeJSON fuzzer (`Fuzz/`) flagged, kept as regression tests. Every
/// file in `Fixtures/FuzzRegressions/` goes through `EpisodeJSONReader` and must keep the
/// reader's contract: an episode exactly when there is no error, every diagnostic naming
/// the file and a line that exists in it.
///
/// These inputs were flagged because they use a bare CR as a line break, which the JSON
/// parser counts as one (like LF and CR LF) while the fuzzer's first line count did not;
/// the reader was right, and the files now pin that line numbering down.
final class FuzzRegressionTests: XCTestCase {
    func testEveryFuzzRegressionInputKeepsTheReaderContract() throws {
        let folder = Fixtures.path("FuzzRegressions")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".json") }.sorted()
        XCTAssertFalse(names.isEmpty, "no .json files in \(folder)")
        for name in names {
            let bytes = try Fixtures.bytes("FuzzRegressions/" + name)
            let metadata = EpisodeJSONReader.read(bytes, file: name, defaultID: "fuzz-episode")
            XCTAssertEqual(metadata.episode != nil, metadata.errors.isEmpty, name)
            XCTAssertFalse(metadata.diagnostics.isEmpty, "\(name): these inputs are all invalid metadata")
            let lines = Self.lineCount(bytes)
            for diagnostic in metadata.diagnostics {
                XCTAssertEqual(diagnostic.file, name)
                if let line = diagnostic.line {
                    XCTAssert((1...lines).contains(line), "\(name): line \(line) outside 1...\(lines): \(diagnostic)")
                }
            }
        }
    }

    func testBareCarriageReturnsCountAsLineBreaksInDiagnostics() {
        let bytes = Array("{\r\"title\": \"Mat\",\r\n\"number\": \"fem\"\r}".utf8)
        let metadata = EpisodeJSONReader.read(bytes, file: "episode.json", defaultID: "landet-lar-5")
        XCTAssertNil(metadata.episode)
        XCTAssertEqual(metadata.errors.map(\.line), [3])
    }

    /// Lines with LF, CR LF and a lone CR each ending one.
    static func lineCount(_ bytes: [UInt8]) -> Int {
        var count = 1
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x0A || bytes[index] == 0x0D {
                count += 1
                if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
            }
            index += 1
        }
        return count
    }
}
