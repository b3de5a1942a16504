import Foundation
import XCTest

/// The sample archive's Zoom export (`archive/landet-lar-79`: `N` cue ids, `Name: text`) and
/// Teams export (`archive/landet-lar-80`: `<guid>/<n>-<m>` cue ids, `<v Name>`), whose
/// episode.json names no speakers, through the real `talks`: the transcript's speakers are the
/// episode's speakers (`talks list`, `/episodes`), `speaker:` finds their episodes and keeps a
/// query to their own cues, and `talks check` on the issue-12 sample episodes is clean.
final class ShippedMeetingExportsCommandTests: XCTestCase {
    private static let archive = TalksExecutable.repositoryRoot.appendingPathComponent("archive").path
    private static let speakers = [
        "landet-lar-79": ["Lena Åkesson", "Tobias Falk"],
        "landet-lar-80": ["Sofia Engström", "Per-Olof Magnusson", "Hanna Lundgren"],
    ]
    private var scratch = ""

    override func setUpWithError() throws {
        try TalksExecutable.requireBuilt()
        try XCTSkipUnless(FileManager.default.fileExists(atPath: Self.archive), "no archive/ in this checkout")
        scratch = try TalksExecutable.temporaryDirectory("meeting-exports").path
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: scratch)
    }

    func testTheNewSampleEpisodesCheckCleanly() throws {
        for id in ["youtube-Lq7pZ2mW9xK", "landet-lar-79", "landet-lar-80"] {
            let check = try TalksExecutable.run(["check", Self.archive + "/" + id])
            XCTAssertEqual(check.status, 0, check.output)
            XCTAssertTrue(check.output.hasSuffix("1 checked: 1 valid, 0 rejected, 0 warnings.\n"), "\(id): \(check.output)")
            XCTAssertFalse(check.output.contains(": warning:"), check.output)
        }
    }

    func testZoomAndTeamsSpeakersAreTheEpisodesSpeakersAndSpeakerFindsThem() throws {
        for id in Self.speakers.keys {
            let metadata = try String(contentsOfFile: Self.archive + "/" + id + "/episode.json", encoding: .utf8)
            XCTAssertFalse(metadata.contains("\"speakers\""), "\(id): the speakers come from the transcript alone")
        }
        let index = scratch + "/index"
        let ingest = try TalksExecutable.run(["ingest", Self.archive, "--index", index])
        XCTAssertEqual(ingest.status, 0, ingest.error)

        let list = try TalksExecutable.run(["list", "--json", "--index", index])
        let listed = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(list.output.utf8)) as? [String: Any])
        var speakers: [String: [String]] = [:]
        for episode in listed["episodes"] as? [[String: Any]] ?? [] where Self.speakers[episode["id"] as? String ?? ""] != nil {
            speakers[episode["id"] as? String ?? ""] = episode["speakers"] as? [String]
        }
        XCTAssertEqual(speakers, Self.speakers)

        let server = try ServedIndex(index: index)
        defer { server.stop() }
        let episodes = try server.get("episodes")
        XCTAssertEqual(episodes.status, 200)
        for name in Self.speakers.values.joined() {
            XCTAssertTrue(episodes.body.contains("\"\(name)\""), "/episodes lists \(name)")
        }
        // speaker: alone finds the episode, and only that speaker's cues.
        for (id, names) in Self.speakers {
            for name in names {
                let answer = try search("speaker:\"\(name)\"", server: server)
                XCTAssertEqual(answer.ids, [id], name)
                XCTAssertFalse(answer.speakers.isEmpty, name)
                XCTAssertEqual(Set(answer.speakers), [name])
            }
        }
        // A word both speakers say: scoped, only the one's cues; unscoped, both.
        for (word, id, one, other) in [("grävningen", "landet-lar-79", "Tobias Falk", "Lena Åkesson"),
                                       ("syskonen", "landet-lar-80", "Hanna Lundgren", "Sofia Engström")] {
            let everyone = try search(word, server: server)
            XCTAssertTrue(everyone.ids.contains(id), word)
            XCTAssertTrue(Set(everyone.speakers).isSuperset(of: [one, other]), "\(word): \(everyone.speakers)")
            let scoped = try search("speaker:\"\(one)\" \(word)", server: server)
            XCTAssertEqual(scoped.ids, [id], word)
            XCTAssertFalse(scoped.speakers.isEmpty)
            XCTAssertEqual(Set(scoped.speakers), [one], word)
        }
    }

    /// The episode ids of a search's results and the speakers of its hits.
    private func search(_ query: String, server: ServedIndex) throws -> (ids: [String], speakers: [String]) {
        let encoded = query.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? query
        let answer = try server.get("search?q=" + encoded + "&hits=20")
        XCTAssertEqual(answer.status, 200, answer.body)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(answer.body.utf8)) as? [String: Any])
        let results = (object["results"] as? [[String: Any]]) ?? []
        let hits = results.flatMap { ($0["hits"] as? [[String: Any]]) ?? [] }
        return (results.compactMap { ($0["episode"] as? [String: Any])?["id"] as? String ?? $0["id"] as? String },
                hits.compactMap { $0["speaker"] as? String })
    }
}
