import Foundation
import TalksIndex
import TalksModel
import TalksSearch
import XCTest
@testable import TalksServer

/// Every endpoint of `talks serve` on a real index of the sample archive, through the real
/// server on a loopback port, with URLSession (and raw sockets for what it hides).
final class RoutesTests: XCTestCase {
    nonisolated(unsafe) static var indexDirectory: String?
    var harness: ServerHarness!
    var directory = ""

    override func setUpWithError() throws {
        if Self.indexDirectory == nil {
            let directory = try SampleIndex.temporaryDirectory("routes")
            try SampleIndex.commit(try SampleIndex.episodes(), into: directory)
            Self.indexDirectory = directory
        }
        directory = try XCTUnwrap(Self.indexDirectory)
        harness = try ServerHarness(handler: TalksRoutes(backend: IndexSearchBackend(directory: directory)))
    }

    override func tearDown() {
        harness?.stop()
    }

    private func json(_ data: Data) throws -> [String: Any] {
        try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    private func errorMessage(_ data: Data) throws -> String {
        let error = try XCTUnwrap(try json(data)["error"] as? [String: Any])
        return try XCTUnwrap(error["message"] as? String)
    }

    func testSearchAnswersWithTheSameJSONAsTheLibrary() throws {
        let reply = try harness.fetch("/search?q=livsmedelsstrategi&limit=3&hits=2")
        XCTAssertEqual(reply.status, 200)
        XCTAssertEqual(reply.headers["content-type"], "application/json; charset=utf-8")
        XCTAssertEqual(reply.headers["access-control-allow-origin"], "*")
        XCTAssertEqual(reply.headers["cache-control"], "public, max-age=60")
        XCTAssertTrue(reply.headers["etag"]?.hasPrefix("W/\"g") ?? false)
        let body = try json(reply.body)
        let results = try XCTUnwrap(body["results"] as? [[String: Any]])
        XCTAssertFalse(results.isEmpty, "the sample archive talks about livsmedelsstrategi")
        XCTAssertLessThanOrEqual(results.count, 3)
        let expected = try Searcher(directory: directory).search(SearchRequest(query: "livsmedelsstrategi", limit: 3, hitsPerEpisode: 2))
        XCTAssertEqual(body["total_episodes"] as? Int, expected.totalEpisodes)
        XCTAssertEqual(results.compactMap { ($0["episode"] as? [String: Any])?["id"] as? String }, expected.results.map(\.episode.id))
        let hits = try XCTUnwrap(results.first?["hits"] as? [[String: Any]])
        XCTAssertFalse(hits.isEmpty)
        XCTAssertLessThanOrEqual(hits.count, 2)
        XCTAssertTrue((hits.first?["snippet_html"] as? String)?.contains("<mark>") ?? false)
        XCTAssertTrue((hits.first?["url"] as? String)?.contains("#t=") ?? false)
    }

    func testSearchParametersAreCheckedWith400JSON() throws {
        let cases = [
            "/search", "/search?q=", "/search?q=mat&limit=0", "/search?q=mat&limit=abc", "/search?q=mat&offset=-1",
            "/search?q=mat&hits=99", "/search?q=mat&after=2022-13-01", "/search?q=mat&before=igår",
            "/search?q=%22oavslutad", "/search?q=" + String(repeating: "a", count: 600),
        ]
        for path in cases {
            let reply = try harness.fetch(path)
            XCTAssertEqual(reply.status, 400, path)
            XCTAssertEqual(reply.headers["content-type"], "application/json; charset=utf-8", path)
            XCTAssertFalse(try errorMessage(reply.body).isEmpty, path)
        }
        XCTAssertTrue(try errorMessage(try harness.fetch("/search?q=%22oavslutad").body).contains("bad query"))
    }

    func testSearchFiltersNarrowResults() throws {
        let all = try json(try harness.fetch("/search?q=och&limit=100").body)
        let before = try json(try harness.fetch("/search?q=och&limit=100&before=2000-01-01").body)
        XCTAssertGreaterThan(all["total_episodes"] as? Int ?? 0, 0)
        XCTAssertEqual(before["total_episodes"] as? Int, 0)
    }

    func testSuggestCompletesAPrefix() throws {
        let reply = try harness.fetch("/suggest?q=livsm")
        XCTAssertEqual(reply.status, 200)
        let suggestions = try XCTUnwrap(try json(reply.body)["suggestions"] as? [String])
        XCTAssertFalse(suggestions.isEmpty)
        XCTAssertTrue(suggestions.allSatisfy { $0.hasPrefix("livsm") }, "\(suggestions)")
        XCTAssertEqual(try json(try harness.fetch("/suggest?q=").body)["suggestions"] as? [String], [])
        XCTAssertEqual(try harness.fetch("/suggest").status, 400)
    }

    func testEpisodesAreListedAndPaged() throws {
        let all = try json(try harness.fetch("/episodes").body)
        let total = try XCTUnwrap(all["total"] as? Int)
        XCTAssertEqual(total, try SampleIndex.episodes().count)
        let page = try json(try harness.fetch("/episodes?limit=3&offset=2").body)
        let ids = (page["episodes"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
        let allIDs = (all["episodes"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
        XCTAssertEqual(ids, Array(allIDs.dropFirst(2).prefix(3)))
        XCTAssertEqual(try harness.fetch("/episodes?limit=0").status, 400)
    }

    func testOneEpisodeAndItsTranscript() throws {
        let episode = try json(try harness.fetch("/episodes/landet-lar-55").body)
        XCTAssertEqual(episode["title"] as? String, "Om Vreta Kluster och de gröna klustren i Sverige")
        let speakers = try XCTUnwrap(episode["speakers"] as? [[String: Any]])
        XCTAssertEqual(speakers.first?["organisation"] as? String, "Vreta Kluster")

        let transcript = try json(try harness.fetch("/episodes/landet-lar-55/transcript").body)
        let cues = try XCTUnwrap(transcript["cues"] as? [[String: Any]])
        let expected = try XCTUnwrap(try Searcher(directory: directory).transcript(id: "landet-lar-55"))
        XCTAssertEqual(cues.count, expected.count)
        XCTAssertEqual(cues.first?["speaker"] as? String, "Karin Lindqvist")

        let vtt = try harness.fetch("/episodes/landet-lar-55/transcript?format=vtt")
        XCTAssertEqual(vtt.status, 200)
        XCTAssertEqual(vtt.headers["content-type"], "text/vtt; charset=utf-8")
        let text = String(decoding: vtt.body, as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("WEBVTT\n\n00:00:03.000 --> 00:00:07.200\n<v Karin Lindqvist>Hej och välkomna"), String(text.prefix(200)))
        XCTAssertEqual(text.components(separatedBy: " --> ").count - 1, expected.count)

        for path in ["/episodes/finns-inte", "/episodes/finns-inte/transcript", "/episodes/finns-inte/transcript?format=vtt"] {
            let reply = try harness.fetch(path)
            XCTAssertEqual(reply.status, 404, path)
            XCTAssertTrue(try errorMessage(reply.body).contains("finns-inte"))
        }
        XCTAssertEqual(try harness.fetch("/episodes/landet-lar-55/transcript?format=srt").status, 400)
    }

    func testHealthReportsTheGeneration() throws {
        let reply = try harness.fetch("/health")
        XCTAssertEqual(reply.status, 200)
        XCTAssertEqual(reply.headers["cache-control"], "no-store")
        let body = try json(reply.body)
        XCTAssertEqual(body["status"] as? String, "ok")
        XCTAssertEqual(body["generation"] as? Int, Int(try Searcher(directory: directory).generation))
    }

    func testStaticDocuments() throws {
        let page = try harness.fetch("/")
        XCTAssertEqual(page.status, 200)
        XCTAssertEqual(page.headers["content-type"], "text/html; charset=utf-8")
        let html = String(decoding: page.body, as: UTF8.self)
        XCTAssertTrue(html.contains("<html lang=\"sv\">"))
        XCTAssertTrue(html.contains("Sök i inspelningarna"))
        XCTAssertTrue(html.contains("<script src=\"search.js\"></script>"))
        XCTAssertNil(page.headers["x-frame-options"], "the page must work inside an iframe")
        let pageScript = try harness.fetch("/search.js")
        XCTAssertEqual(pageScript.headers["content-type"], "text/javascript; charset=utf-8")
        let javascript = String(decoding: pageScript.body, as: UTF8.self)
        XCTAssertTrue(javascript.contains("\"suggest?\"") && javascript.contains("history.pushState"))
        let script = try harness.fetch("/embed.js")
        XCTAssertEqual(script.headers["content-type"], "text/javascript; charset=utf-8")
        XCTAssertTrue(String(decoding: script.body, as: UTF8.self).contains("createElement(\"iframe\")"))
        let openAPI = try json(try harness.fetch("/openapi.json").body)
        XCTAssertEqual(openAPI["openapi"] as? String, "3.1.0")
    }

    func testUnknownPathMethodAndPreflight() throws {
        let missing = try harness.fetch("/nope")
        XCTAssertEqual(missing.status, 404)
        XCTAssertTrue(try errorMessage(missing.body).contains("/nope"))
        let delete = try harness.fetch("/search?q=mat", method: "DELETE")
        XCTAssertEqual(delete.status, 405)
        XCTAssertEqual(delete.headers["allow"], "GET, HEAD, OPTIONS")
        let post = try harness.fetch("/episodes", method: "POST")
        XCTAssertEqual(post.status, 405)
        let preflight = try harness.fetch("/search", method: "OPTIONS", headers: ["Origin": "https://example.se", "Access-Control-Request-Method": "GET"])
        XCTAssertEqual(preflight.status, 204)
        XCTAssertEqual(preflight.headers["access-control-allow-methods"], "GET, HEAD, OPTIONS")
        XCTAssertEqual(preflight.headers["access-control-allow-origin"], "*")
    }

    func testETagGives304AndHeadHasNoBody() throws {
        let first = try RawConnection(port: harness.port)
        first.send("GET /search?q=kluster HTTP/1.1\r\nHost: x\r\n\r\n")
        let response = try XCTUnwrap(first.readResponses(1).first)
        XCTAssertEqual(response.status, 200)
        let tag = try XCTUnwrap(response.header("ETag"))
        first.send("GET /search?q=kluster HTTP/1.1\r\nHost: x\r\nIf-None-Match: \"other\", \(tag)\r\n\r\n")
        let notModified = try XCTUnwrap(first.readResponses(1).first)
        XCTAssertEqual(notModified.status, 304)
        XCTAssertEqual(notModified.body, "")
        XCTAssertEqual(notModified.header("ETag"), tag)
        first.send("GET /search?q=kluster&limit=2 HTTP/1.1\r\nHost: x\r\nIf-None-Match: \(tag)\r\n\r\n")
        XCTAssertEqual(first.readResponses(1).first?.status, 200, "another request has another tag")
        first.send("HEAD /episodes/landet-lar-55 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        let (text, closed) = first.readUntilClose()
        XCTAssertTrue(closed)
        XCTAssertTrue(text.hasPrefix("HTTP/1.1 200 OK"))
        XCTAssertTrue(text.hasSuffix("\r\n\r\n"))
        XCTAssertFalse(text.contains("Content-Length: 0"))
    }

    func testConcurrentURLSessionClientsGetConsistentAnswers() throws {
        let expected = try harness.fetch("/search?q=kluster&limit=5").body
        let expectedIDs = (try json(expected)["results"] as? [[String: Any]])?.compactMap { ($0["episode"] as? [String: Any])?["id"] as? String }
        let failures = LogCollector()
        let harness = try XCTUnwrap(self.harness)
        DispatchQueue.concurrentPerform(iterations: 8) { client in
            for round in 0..<15 {
                do {
                    let path = round % 3 == 0 ? "/suggest?q=kl" : (round % 3 == 1 ? "/episodes/landet-lar-55" : "/search?q=kluster&limit=5")
                    let reply = try harness.fetch(path)
                    if reply.status != 200 { failures.record("client \(client): \(path) → \(reply.status)") }
                    if path.hasPrefix("/search") {
                        let object = try JSONSerialization.jsonObject(with: reply.body) as? [String: Any]
                        let ids = (object?["results"] as? [[String: Any]])?.compactMap { ($0["episode"] as? [String: Any])?["id"] as? String }
                        if ids != expectedIDs { failures.record("client \(client): \(String(describing: ids))") }
                    }
                } catch {
                    failures.record("client \(client): \(error)")
                }
            }
        }
        XCTAssertEqual(failures.lines, [])
    }

    func testCORSOriginIsConfigurable() throws {
        let strict = try ServerHarness(handler: TalksRoutes(backend: IndexSearchBackend(directory: directory), corsOrigin: "https://www.example.se"))
        defer { strict.stop() }
        let reply = try strict.fetch("/health")
        XCTAssertEqual(reply.headers["access-control-allow-origin"], "https://www.example.se")
        XCTAssertEqual(reply.headers["vary"], "Origin")
    }

    func testResponsesMatchTheOpenAPIDocument() throws {
        let validator = try OpenAPIValidator(data: try harness.fetch("/openapi.json").body)
        let requests: [(String, String, Int)] = [
            ("GET", "/search?q=livsmedelsstrategi", 200), ("GET", "/search?q=xyzzyqq", 200), ("GET", "/search", 400),
            ("GET", "/search?q=%22x", 400), ("GET", "/suggest?q=kl", 200), ("GET", "/suggest", 400),
            ("GET", "/episodes?limit=2", 200), ("GET", "/episodes?offset=x", 400),
            ("GET", "/episodes/landet-lar-55", 200), ("GET", "/episodes/none", 404),
            ("GET", "/episodes/landet-lar-55/transcript", 200), ("GET", "/episodes/landet-lar-55/transcript?format=vtt", 200),
            ("GET", "/episodes/none/transcript", 404), ("GET", "/episodes/landet-lar-55/transcript?format=x", 400),
            ("GET", "/health", 200), ("GET", "/openapi.json", 200), ("GET", "/", 200), ("GET", "/search.js", 200), ("GET", "/embed.js", 200),
            ("GET", "/watch/landet-lar-55?t=106&q=strategi", 200), ("GET", "/watch/none", 404), ("GET", "/watch/landet-lar-55?t=x", 400),
            ("GET", "/watch.js", 200),
            ("OPTIONS", "/search", 204), ("DELETE", "/episodes", 405), ("PUT", "/health", 405),
        ]
        for (method, pathAndQuery, status) in requests {
            let reply = try harness.fetch(pathAndQuery, method: method)
            XCTAssertEqual(reply.status, status, "\(method) \(pathAndQuery)")
            let path = String(pathAndQuery.split(separator: "?", maxSplits: 1).first ?? "/")
            let problems = validator.check(path: path, method: method, status: reply.status, contentType: reply.headers["content-type"], body: reply.body)
            XCTAssertEqual(problems, [], "\(method) \(pathAndQuery)")
        }
        // The document describes nothing the server does not serve.
        let paths = try XCTUnwrap(validator.document["paths"] as? [String: Any])
        for template in paths.keys {
            var concrete = template.replacingOccurrences(of: "{id}", with: "landet-lar-55")
            if template == "/search" || template == "/suggest" { concrete += "?q=kluster" }
            XCTAssertEqual(try harness.fetch(concrete).status, 200, template)
        }
    }

    func testWithoutAnIndexIndexRoutesAre503ButTheServerRuns() throws {
        let empty = try SampleIndex.temporaryDirectory("empty")
        let bare = try ServerHarness(handler: TalksRoutes(backend: IndexSearchBackend(directory: empty)))
        defer { bare.stop() }
        let validator = try OpenAPIValidator(data: try bare.fetch("/openapi.json").body)
        for path in ["/health", "/search?q=mat", "/episodes", "/suggest?q=ma"] {
            let reply = try bare.fetch(path)
            XCTAssertEqual(reply.status, 503, path)
            let plain = String(path.split(separator: "?").first ?? "")
            XCTAssertEqual(validator.check(path: plain, method: "GET", status: 503, contentType: reply.headers["content-type"], body: reply.body), [])
        }
        XCTAssertEqual(try bare.fetch("/").status, 200)
    }
}
