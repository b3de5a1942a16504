import Foundation
import XCTest

/// Transcript speakers as episode speakers, and `speaker:` keeping a query to one person's
/// cues, through the real `talks` executable on `Fixtures/speakers-archive` (a Zoom export,
/// a Teams export, WebVTT voices and an unlabelled one-speaker lecture).
final class SpeakerScopeCommandTests: XCTestCase {
    private var workspace: SpeakerArchiveWorkspace!

    override func setUpWithError() throws {
        workspace = try SpeakerArchiveWorkspace("speakers")
    }

    override func tearDown() {
        workspace = nil
    }

    func testTranscriptOnlySpeakersAreListedOnceWithTheMetadataSpelling() throws {
        let run = try workspace.run(["list", "--json"])
        XCTAssertEqual(run.status, 0, run.error)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        var speakers: [String: [String]] = [:]
        for episode in object["episodes"] as? [[String: Any]] ?? [] {
            speakers[episode["id"] as? String ?? ""] = episode["speakers"] as? [String]
        }
        XCTAssertEqual(speakers, [
            // Zoom `Name:` prefixes: the host from the metadata, then the transcript's guests.
            "zoom-radgivning": ["Karin Lindqvist", "Helene Oscarsson", "Olof Berg"],
            // Teams voices "Karin" and "JONAS  EK" are the metadata's people; Helene is added.
            "teams-mote": ["Karin Lindqvist", "Jonas Ek", "Helene Oscarsson"],
            // No speakers in the metadata: the voices are the speakers.
            "voices-seminarium": ["Maja Ström", "Olof Berg"],
            "ensam-forelasning": ["Per Ahlström"],
        ])
    }

    func testSpeakerWithWordsReturnsOnlyThatSpeakersCues() throws {
        // Helene says "livsmedelsstrategi" in the Zoom episode, Karin says "livsmedelsstrategin"
        // in the Teams one: Karin's query must not return Helene's cues or her episode.
        let answer = try workspace.searchJSON("speaker:\"Karin Lindqvist\" livsmedelsstrategi")
        XCTAssertEqual(SpeakerArchiveWorkspace.ids(answer), ["teams-mote"])
        let hits = SpeakerArchiveWorkspace.hits(answer)
        XCTAssertEqual(hits.map(\.speaker), ["Karin Lindqvist"])
        XCTAssertTrue(hits.first?.text.contains("livsmedelsstrategin") ?? false, "\(hits)")

        // The same words without speaker: both episodes, Helene's cues among the hits.
        let everyone = try workspace.searchJSON("livsmedelsstrategi")
        XCTAssertEqual(Set(SpeakerArchiveWorkspace.ids(everyone)), ["teams-mote", "zoom-radgivning"])
        XCTAssertTrue(SpeakerArchiveWorkspace.hits(everyone).contains { $0.speaker == "Helene Oscarsson" })

        // A speaker known only from transcripts, by part of the name, scoped the same way.
        let helene = try workspace.searchJSON("speaker:helene livsmedelsstrategi")
        XCTAssertEqual(SpeakerArchiveWorkspace.ids(helene), ["zoom-radgivning"])
        XCTAssertEqual(Set(SpeakerArchiveWorkspace.hits(helene).map(\.speaker)), ["Helene Oscarsson"])
        // Olof speaks in two episodes but never says the word: no result at all.
        XCTAssertEqual(SpeakerArchiveWorkspace.ids(try workspace.searchJSON("speaker:\"Olof Berg\" livsmedelsstrategi")), [])
    }

    func testSpeakerAloneListsTheEpisodesAndTheirCuesInTimeOrder() throws {
        let answer = try workspace.searchJSON("speaker:\"Helene Oscarsson\"", hits: 10)
        // Newest first, as every filter-only query lists.
        XCTAssertEqual(SpeakerArchiveWorkspace.ids(answer), ["teams-mote", "zoom-radgivning"])
        let hits = SpeakerArchiveWorkspace.hits(answer)
        XCTAssertEqual(hits.map(\.id), ["teams-mote", "teams-mote", "zoom-radgivning", "zoom-radgivning"])
        XCTAssertEqual(Set(hits.map(\.speaker)), ["Helene Oscarsson"])
        let results = answer["results"] as? [[String: Any]] ?? []
        for result in results {
            let starts = (result["hits"] as? [[String: Any]] ?? []).compactMap { $0["start"] as? Double }
            XCTAssertEqual(starts, starts.sorted(), "cues in time order")
        }
        // Bounded like other hits.
        let one = try workspace.searchJSON("speaker:\"Helene Oscarsson\"", hits: 1)
        XCTAssertEqual(SpeakerArchiveWorkspace.hits(one).count, 2, "one hit per episode")
    }

    func testUnlabelledCuesBelongToTheOnlySpeaker() throws {
        let answer = try workspace.searchJSON("speaker:Ahlström försöksgårdar")
        XCTAssertEqual(SpeakerArchiveWorkspace.ids(answer), ["ensam-forelasning"])
        XCTAssertEqual(SpeakerArchiveWorkspace.hits(answer).map(\.speaker), ["Per Ahlström"])
    }

    func testTheCommandLineShowsTheMergedName() throws {
        // The Teams voice says "Karin"; the hit shows the metadata's full name.
        let run = try workspace.run(["search", "speaker:karin skolköken"])
        XCTAssertEqual(run.status, 0, run.error)
        XCTAssertTrue(run.output.contains(
            "  [00:19] Karin Lindqvist: Vad såg de, Helene? Blev det fler gårdar som levererar till skolköken?  https://media.example.org/gron/4.mp4#t=19\n"),
            run.output)
        XCTAssertTrue(run.output.hasSuffix("1–1 of 1 episode.\n"), run.output)
    }

    func testTheServerListsTranscriptSpeakersAndScopesSearch() throws {
        // The server runs elsewhere: index the archive by its absolute path.
        let index = workspace.directory.appendingPathComponent("absolute-index").path
        let ingest = try TalksExecutable.run(["ingest", workspace.archive.path, "--index", index])
        XCTAssertEqual(ingest.status, 0, ingest.error)
        let server = try ServedIndex(index: index)
        defer { server.stop() }
        let episodes = try server.get("episodes")
        XCTAssertEqual(episodes.status, 200)
        XCTAssertTrue(episodes.body.contains("\"speakers\":[\"Karin Lindqvist\",\"Helene Oscarsson\",\"Olof Berg\"]"), episodes.body)
        let search = try server.get("search?q=speaker%3A%22Karin%20Lindqvist%22%20livsmedelsstrategi")
        XCTAssertEqual(search.status, 200)
        let answer = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(search.body.utf8)) as? [String: Any])
        XCTAssertEqual(SpeakerArchiveWorkspace.ids(answer), ["teams-mote"])
        XCTAssertEqual(SpeakerArchiveWorkspace.hits(answer).map(\.speaker), ["Karin Lindqvist"])
    }
}

extension SpeakerScopeCommandTests {
    func testExplainSaysTheQueryIsKeptToTheSpeaker() throws {
        let run = try workspace.run(["search", "speaker:karin skolköken", "--explain"])
        XCTAssertEqual(run.status, 0, run.error)
        XCTAssertTrue(run.output.hasPrefix("skolköken  (idf "), run.output)
        XCTAssertTrue(run.output.hasSuffix("speaker:\"karin\"  only cues this speaker says match, rank and are shown\n"), run.output)
    }
}
