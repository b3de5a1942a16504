import Foundation
import TalksModel
@testable import TalksIndex

/// Small episodes built in code, and temporary index directories, for the index tests.
enum TestArchive {
    static func episode(
        _ id: String, title: String, cues: [(Double, String, String?)], speakers: [String] = ["Helene Oscarsson"],
        tags: [String] = [], description: String? = nil, series: String? = "Landet lär", hash: String? = nil
    ) -> IndexableEpisode {
        let metadata = Episode(
            id: id, series: series, number: Int(id.filter(\.isNumber)), title: title,
            date: "2022-10-19T12:00:00+02:00", timestamp: 1_666_173_600,
            speakers: speakers.map { Speaker(name: $0, organisation: "Vreta Kluster") },
            description: description, recording: WebLink("https://example.org/\(id).mp4"), page: nil, tags: tags, duration: 600)
        return IndexableEpisode(episode: metadata, cues: cues.map { Cue(start: $0.0, end: $0.0 + 4.5, speaker: $0.2, text: $0.1) },
                                contentHash: hash ?? "hash-\(id)-\(cues.count)", sourcePath: "archive/\(id)")
    }

    /// Besides text, what format version 2 stores: word times in two cues, chapters and a
    /// link template (so the corruption sweeps and round trips cover those bytes too).
    static let vreta = withSpokenWords(episode("55", title: "Om Vreta Kluster och de gröna klustren i Sverige", cues: [
        (0, "Välkomna till Landet lär, idag om gröna kluster.", "Moderator"),
        (5, "Jag heter Helene Oscarsson och kommer från Vreta Kluster.", "Helene Oscarsson"),
        (10, "Östergötlands livsmedelsstrategi är viktig för oss.", "Helene Oscarsson"),
        (15, "Vi har en företagspark med 150 personer i 30 företag.", "Helene Oscarsson"),
        (20, "Snabb-bemanning var ett koncept från pandemin, finansierat av Vinnova.", nil),
        (25, "Strategin bygger på strategier för livsmedel och livsmedelsstrategin i länet.", "Helene Oscarsson"),
    ], tags: ["kluster", "livsmedel"], description: "Lunchwebbinarium om gröna kluster."))

    private static func withSpokenWords(_ plain: IndexableEpisode) -> IndexableEpisode {
        var episode = plain
        // "Östergötlands livsmedelsstrategi är viktig för oss." (10 s): words 2 and 4 timed.
        episode.cues[2].wordTimes = [WordTime(utf8Offset: 16, milliseconds: 11_200), WordTime(utf8Offset: 39, milliseconds: 12_900)]
        // "Vi har en företagspark med 150 personer i 30 företag." (15 s)
        episode.cues[3].wordTimes = [WordTime(utf8Offset: 10, milliseconds: 15_800)]
        episode.episode.chapters = [Chapter(start: 0, title: "Inledning"), Chapter(start: 10, title: "Strategin för livsmedel")]
        episode.episode.linkTemplate = "https://play.example.se/v/55?start={seconds}"
        return episode
    }

    static let water = episode("56", title: "Vatten och torka", cues: [
        (0, "Torkan sommaren 2018 slog hårt mot lantbruket.", "Anna Berg"),
        (6, "Våtmarker håller kvar vatten i landskapet.", "Anna Berg"),
        (12, "Vi pratar om torka och vattenhushållning.", nil),
    ], speakers: ["Anna Berg"], tags: ["vatten"])

    /// A new empty directory under the system temp folder; removed by `cleanUp`.
    static func temporaryDirectory(_ name: String = #function) -> String {
        let safe = name.filter { $0.isLetter || $0.isNumber }
        let path = NSTemporaryDirectory() + "talks-index-\(safe)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func cleanUp(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Builds an index holding `episodes` in one commit.
    @discardableResult
    static func build(_ directory: String, _ episodes: [IndexableEpisode]) throws -> CommitSummary {
        let writer = try IndexWriter.open(directory: directory)
        defer { writer.close() }
        try writer.add(contentsOf: episodes)
        return try writer.commit()
    }

    /// Every occurrence of every term in the live episodes of the index at `directory`,
    /// keyed by episode id and cue number within it: what two builds of the same episodes
    /// must agree on, however they were split into segments and ordered.
    static func occurrences(_ directory: String) throws -> [String: [String]] {
        let reader = try IndexReader.open(directory: directory)
        var result: [String: [String]] = [:]
        for segment in reader.segments {
            for term in 0..<segment.termCount {
                var lines: [String] = []
                for field in Field.allCases {
                    var cursor = segment.postings(term: term, field: field)
                    while cursor.next() {
                        let episode = field.isPerCue ? segment.episodeOrdinal(ofCue: cursor.document) : cursor.document
                        let local = field.isPerCue ? cursor.document - segment.cueRange(ofEpisode: episode).lowerBound : 0
                        if segment.isDeleted(episode: episode) { continue }
                        lines.append("\(field) \(try segment.episodeID(episode)) \(local) \(cursor.frequency) \(cursor.positions())")
                    }
                }
                var aggregate = segment.episodePostings(term: term)
                while aggregate.next() {
                    if segment.isDeleted(episode: aggregate.document) { continue }
                    lines.append("all \(try segment.episodeID(aggregate.document)) \(aggregate.frequency)")
                }
                if !lines.isEmpty { result[segment.term(at: term), default: []] += lines }
            }
        }
        return result.mapValues { $0.sorted() }
    }
}
