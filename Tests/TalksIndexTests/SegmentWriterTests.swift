import Foundation
import TalksModel
import XCTest
@testable import TalksIndex

/// `SegmentWriter`: the files it writes do not depend on how many threads write them, and
/// what it writes opens and reads back.
final class SegmentWriterTests: XCTestCase {
    var directories: [String] = []

    override func tearDown() {
        for directory in directories { TestArchive.cleanUp(directory) }
    }

    private func builder() -> SegmentBuilder {
        let analyzer = EpisodeAnalyzer()
        var builder = SegmentBuilder()
        for number in 0..<5 {
            let cues = (0..<(60 + number * 25)).map { index -> (Double, String, String?) in
                (Double(index) * 2, "livsmedelsstrategin och kostchefen \(index % 13) vattenförsörjning ord\(number)", nil)
            }
            builder.add(analyzer.analyse(TestArchive.episode("ep\(number)", title: "Avsnitt \(number)", cues: cues,
                                                             speakers: ["Talare \(number)"])))
        }
        return builder
    }

    func testTheFilesAreTheSameBytesAtAnyNumberOfWorkers() throws {
        let id = SegmentID(generation: 1, number: 0)
        var contents: [[String: Data]] = []
        for workers in [1, 2, 4] {
            let folder = TestArchive.temporaryDirectory(name + "\(workers)")
            directories.append(folder)
            var segment = builder()
            var lexicon = CompoundLexicon.common
            let state = try SegmentWriter(directory: folder, workers: workers, faultInjection: nil)
                .write(&segment, as: id, lexicon: &lexicon)
            XCTAssertEqual(state.reader.episodeCount, 5)
            XCTAssertEqual(try state.reader.episodeID(3), "ep3")
            var files: [String: Data] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
                files[name] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
            }
            XCTAssertEqual(files.count, 7, "\(workers) workers")
            contents.append(files)
        }
        for other in contents.dropFirst() {
            XCTAssertEqual(other.keys.sorted(), contents[0].keys.sorted())
            for (name, bytes) in contents[0] { XCTAssertEqual(other[name], bytes, name) }
        }
    }
}
