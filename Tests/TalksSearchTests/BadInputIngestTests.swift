import Foundation
import TalksIndex
import TalksIndexing
import TalksModel
import XCTest
@testable import TalksSearch
import TalksTestSupport

/// Bad input loses nothing (issue 5): an archive is indexed, then a batch where most episodes
/// are broken in one way each. The good ones are indexed and found, every bad one is named
/// with its file, line and reason, and the episodes indexed before are found exactly as before.
final class BadInputIngestTests: XCTestCase {
    private var batch: BadBatch?

    override func tearDown() {
        batch?.remove()
    }

    /// What a search shows of the old episodes: ids and hits (scores change with the
    /// collection statistics when episodes are added, so they are left out).
    private func shown(_ searcher: Searcher, _ query: String) throws -> [String] {
        try searcher.search(SearchRequest(query: query, limit: 20, hitsPerEpisode: 5)).results.map { result in
            result.episode.id + " " + result.episode.title + " | "
                + result.hits.map { "\($0.start)-\($0.end) \($0.text) \($0.snippetHTML)" }.joined(separator: " | ")
        }
    }

    private func cues(_ reader: IndexReader, _ id: String) throws -> [String] {
        let (segment, ordinal) = try XCTUnwrap(reader.locate(episodeID: id), id)
        let segmentReader = reader.segments[segment]
        return try segmentReader.cueRange(ofEpisode: ordinal).map { try segmentReader.cue($0).text }
    }

    func testBrokenEpisodesAreNamedAndTheRestIsIndexedAndEarlierEpisodesStay() throws {
        let batch = try BadBatch(name: name)
        self.batch = batch
        let index = batch.root + "/index"

        let first = try ArchiveIndexer.ingest(paths: [batch.good], index: index)
        XCTAssertEqual(first.added, 3)
        XCTAssertEqual(first.rejections, [])
        let before = try Searcher(directory: index)
        var shownBefore: [String: [String]] = [:]
        var cuesBefore: [String: [String]] = [:]
        for (id, word) in BadBatch.oldWords {
            shownBefore[word] = try shown(before, word)
            XCTAssertEqual(shownBefore[word]?.count, 1, word)
            cuesBefore[id] = try cues(IndexReader.open(directory: index), id)
        }

        let second = try ArchiveIndexer.ingest(paths: [batch.batch], index: index)
        XCTAssertEqual(second.added, 5, "ny-1, ny-2, dubblett, baklanges, lang-rad")
        XCTAssertEqual(second.replaced, 0, "the broken copy of gamla-1 replaces nothing")
        XCTAssertEqual(second.liveEpisodes, 8)

        // Every broken folder is named once, with file, line and reason.
        XCTAssertEqual(second.rejections.count, BadBatch.broken.count, "\(second.rejections)")
        for expected in BadBatch.broken {
            let rejection = second.rejections.first { $0.path.hasSuffix("/" + expected.folder) }
            let errors = rejection?.diagnostics.filter { $0.severity == .error } ?? []
            XCTAssertEqual(errors.count, 1, "\(expected.folder): \(errors)")
            let error = try XCTUnwrap(errors.first, expected.folder)
            XCTAssertTrue(error.file.hasSuffix("/" + expected.file), "\(expected.folder): \(error)")
            XCTAssertEqual(error.line, expected.line, "\(expected.folder): \(error)")
            XCTAssertTrue(error.message.contains(expected.reason), "\(expected.folder): \(error)")
        }
        // Episodes with one bad cue are indexed without it, and the cue is named.
        for expected in BadBatch.warned {
            let warning = second.warnings.first { $0.file.hasSuffix("/" + expected.file) }
            XCTAssertEqual(warning?.line, expected.line, "\(second.warnings)")
            XCTAssertTrue(warning?.message.contains(expected.reason) ?? false, "\(String(describing: warning))")
        }

        let after = try Searcher(directory: index)
        for (id, word) in BadBatch.newWords {
            let results = try after.search(SearchRequest(query: word)).results
            XCTAssertEqual(results.map(\.episode.id), [id], word)
        }
        XCTAssertEqual(try after.search(SearchRequest(query: "kopian")).totalEpisodes, 0, "the duplicate was skipped")
        XCTAssertEqual(try after.search(SearchRequest(query: "baklänges")).totalEpisodes, 0, "the reversed cue was skipped")
        XCTAssertEqual(try after.search(SearchRequest(query: "efter långa raden")).results.map(\.episode.id), ["lang-rad"])
        let reader = try IndexReader.open(directory: index)
        let longCue = try cues(reader, "lang-rad")
        XCTAssertEqual(longCue.count, 2)
        XCTAssertLessThanOrEqual(longCue.first?.utf8.count ?? .max, 16 * 1024)

        // The earlier episodes: the same cues, the same hits.
        for (id, word) in BadBatch.oldWords {
            XCTAssertEqual(try shown(after, word), shownBefore[word], word)
            XCTAssertEqual(try cues(reader, id), cuesBefore[id], id)
        }
        XCTAssertFalse(try IndexVerifier.verify(directory: index).isCorrupt)

        // Ingesting the same batch again changes nothing and names the same problems.
        let third = try ArchiveIndexer.ingest(paths: [batch.batch], index: index)
        XCTAssertEqual(third.unchanged, 5)
        XCTAssertEqual(third.rejections.count, BadBatch.broken.count)
        XCTAssertEqual(third.generation, second.generation, "nothing to commit")
    }
}
