import Foundation
import TalksIndex
import TalksModel
import XCTest
@testable import TalksServer

/// What format version 2 adds to the wire (issue 12), through the real server: `/search`
/// hits carry `cue_start` and `chapter` and are timed at their word, `/episodes` and
/// `/episodes/{id}` list `chapters`, the transcript carries `word_times`; every body
/// matches the OpenAPI document.
final class SpokenWordRoutesTests: XCTestCase {
    func testHitsChaptersAndWordTimesOnTheWire() throws {
        let directory = try SampleIndex.temporaryDirectory("spoken-word")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let text = "vi har funderat på bevattningsdammar länge"
        let episode = Episode(
            id: "dammar", title: "Dammar på gården", recording: WebLink("https://vimeo.com/76979871"),
            chapters: [Chapter(start: 0, title: "Inledning"), Chapter(start: 62.5, title: "Dammar och tillstånd")])
        let cues = [
            Cue(start: 60, end: 68, text: text, wordTimes: [WordTime(utf8Offset: 20, milliseconds: 65_300)]),
            Cue(start: 68, end: 70, text: "tack för i dag"),
        ]
        try SampleIndex.commit([IndexableEpisode(episode: episode, cues: cues, contentHash: "h", sourcePath: "archive/dammar")],
                               into: directory)
        let harness = try ServerHarness(handler: TalksRoutes(backend: IndexSearchBackend(directory: directory)))
        defer { harness.stop() }
        let validator = try OpenAPIValidator(data: try harness.fetch("/openapi.json").body)
        for path in ["/search", "/episodes", "/episodes/dammar", "/episodes/dammar/transcript"] {
            let reply = try harness.fetch(path == "/search" ? "/search?q=bevattningsdammar" : path)
            XCTAssertEqual(reply.status, 200, path)
            XCTAssertEqual(validator.check(path: path, method: "GET", status: reply.status, contentType: reply.headers["content-type"],
                                           body: reply.body), [], path)
            let body = String(decoding: reply.body, as: UTF8.self)
            switch path {
            case "/search":
                XCTAssertTrue(body.contains(#""hits":[{"start":65.3,"cue_start":60,"end":68,"#), body)
                XCTAssertTrue(body.contains(#""url":"https://vimeo.com/76979871#t=64s","chapter":"Dammar och tillstånd"}"#), body)
            case "/episodes/dammar/transcript":
                XCTAssertTrue(body.contains(#""word_times":[[20,65.3]]"#), body)
            default:
                XCTAssertTrue(body.contains(#""chapters":[{"start":0,"title":"Inledning"},{"start":62.5,"title":"Dammar och tillstånd"}]"#), body)
            }
        }
    }
}
