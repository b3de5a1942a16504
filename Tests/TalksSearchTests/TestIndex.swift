import Foundation
import TalksAnalysis
import TalksIndex
import TalksModel
@testable import TalksSearch

/// Builds small real indexes for tests: episodes written in the test, indexed with the real
/// `IndexWriter` into a fresh temporary directory, opened with a real `Searcher`.
final class TestIndex {
    let directory: String
    private(set) var searcher: Searcher

    /// One cue per string, 5 seconds apart starting at 10 s; "Name: text" sets the speaker.
    static func episode(
        _ id: String, title: String, date: String = "2022-10-19T12:00:00+02:00", series: String? = "Landet lär",
        number: Int? = nil, speakers: [String] = [], description: String? = nil, tags: [String] = [],
        recording: String? = nil, cues: [String]
    ) -> IndexableEpisode {
        var loadedCues: [Cue] = []
        for (index, line) in cues.enumerated() {
            var speaker: String?
            var text = line
            if let colon = line.firstIndex(of: ":"), line[..<colon].allSatisfy({ $0.isLetter || $0 == " " }),
               line[..<colon].contains(" ") {
                speaker = String(line[..<colon])
                text = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
            }
            let start = 10 + Double(index) * 5
            loadedCues.append(Cue(start: start, end: start + 4.5, speaker: speaker, text: text, line: index * 3 + 3))
        }
        let episode = Episode(
            id: id, series: series, number: number, title: title, date: date, timestamp: nil,
            speakers: speakers.map { Speaker(name: $0) }, description: description,
            recording: WebLink(recording ?? "https://media.example.org/\(id).mp4"), page: nil, tags: tags)
        return IndexableEpisode(episode: episode, cues: loadedCues,
                                contentHash: String(id.hashValue, radix: 16), sourcePath: "test/\(id)")
    }

    /// `lexicon`: the Swedish lexicon the segments are keyed with, as `talks ingest` does
    /// when hunspell-sv-se is installed; nil (the default) analyses with rules only.
    init(_ episodes: [IndexableEpisode], lexicon: PendingLexicon? = nil) throws {
        directory = NSTemporaryDirectory() + "talks-search-test-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let writer = try IndexWriter.open(directory: directory)
        writer.lexicon = lexicon
        for episode in episodes { try writer.add(episode) }
        _ = try writer.commit()
        writer.close()
        searcher = try Searcher(directory: directory)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Applies changes in a new generation and reopens the searcher; `lexicon` as in `init`.
    func update(adding episodes: [IndexableEpisode] = [], removing ids: [String] = [], lexicon: PendingLexicon? = nil) throws {
        let writer = try IndexWriter.open(directory: directory)
        writer.lexicon = lexicon
        for episode in episodes { try writer.add(episode) }
        for id in ids { try writer.remove(id: id) }
        _ = try writer.commit()
        writer.close()
        searcher = try Searcher(directory: directory)
    }

    func search(_ query: String, limit: Int = 10, offset: Int = 0, hits: Int = 3) throws -> SearchResponse {
        try searcher.search(SearchRequest(query: query, limit: limit, offset: offset, hitsPerEpisode: hits))
    }

    /// The episode ids of a query's results, in rank order.
    func ids(_ query: String, limit: Int = 10) throws -> [String] {
        try search(query, limit: limit).results.map(\.episode.id)
    }
}
