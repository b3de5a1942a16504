import Foundation
import XCTest

/// End-to-end: links that are not http(s) links (`javascript:`, `data:`, `vbscript:`,
/// `file:`, protocol-relative, disguised with case, blanks or control characters) never
/// reach the index, the API, the search page or the terminal. `check` and `ingest` drop
/// them with a warning naming file, line and field and index the episode anyway; an index
/// written before links were checked serves none of its old ones.
final class NonWebLinkCommandTests: XCTestCase {
    private var scratch = URL(fileURLWithPath: "/")

    override func setUpWithError() throws {
        try TalksExecutable.requireBuilt()
        scratch = try TalksExecutable.temporaryDirectory("non-web-links")
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: scratch)
    }

    /// The `recording` values tried, as JSON string literals: one episode each.
    static let payloads: [(folder: String, json: String)] = [
        ("javascript", #""javascript:alert(document.domain)""#),
        ("upper-case", #""JAVASCRIPT:alert(1)""#),
        ("leading-blank", #"" javascript:alert(1)""#),
        ("tab-inside", #""java\tscript:alert(1)""#),
        ("newline-inside", #""java\nscript:alert(1)""#),
        ("control-first", #""\u0001javascript:alert(1)""#),
        ("data", #""data:text/html,<script>alert(1)</script>""#),
        ("vbscript", #""vbscript:msgbox(1)""#),
        ("file", #""file:///etc/passwd""#),
        ("protocol-relative", #""//evil.example/video.mp4""#),
        ("no-slashes", #""https:evil.example/video.mp4""#),
        ("no-host", #""https:///video.mp4""#),
        ("relative", #""/media/video.mp4""#),
    ]

    private func write(_ text: String, to relative: String) throws {
        let url = scratch.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// An archive with one episode per payload (in `recording`, with a good `page`), one whose
    /// `page` is bad and recording good, and one `episode.html` with bad Open Graph and
    /// JSON-LD links; every transcript says "lankprov".
    private func makeArchive() throws -> String {
        let transcript = "WEBVTT\n\n00:01:15.000 --> 00:01:18.000\nHär är lankprov nummer ett.\n"
        for (folder, json) in Self.payloads {
            try write("{\n  \"title\": \"Prov \(folder)\",\n  \"recording\": \(json),\n  \"page\": \"https://example.org/\(folder)\"\n}\n",
                      to: "archive/\(folder)/episode.json")
            try write(transcript, to: "archive/\(folder)/transcript.vtt")
        }
        try write("{\n  \"title\": \"Prov sida\",\n  \"recording\": \"HTTPS://Media.Example.org/sida.mp4\",\n  \"page\": \"data:text/html,<b>x</b>\"\n}\n",
                  to: "archive/bad-page/episode.json")
        try write(transcript, to: "archive/bad-page/transcript.vtt")
        try write("""
            <!doctype html>
            <html lang="sv"><head><title>Prov html</title>
            <meta property="og:video" content="javascript:alert(1)">
            <meta property="og:url" content="https://example.org/evenemang/html">
            <script type="application/ld+json">
            {"@context": "https://schema.org", "@type": "Event", "name": "Prov html",
             "startDate": "2022-10-19T12:00:00+02:00", "url": "vbscript:msgbox(1)"}
            </script>
            </head><body><main><h1>Prov html</h1></main></body></html>

            """, to: "archive/html-page/episode.html")
        try write(transcript, to: "archive/html-page/transcript.vtt")
        return scratch.appendingPathComponent("archive").path
    }

    /// Every link-valued field in a JSON document, wherever it is.
    private func links(in json: Any) -> [String] {
        if let object = json as? [String: Any] {
            return object.flatMap { key, value -> [String] in
                if ["recording", "page", "url"].contains(key), let text = value as? String { return [text] }
                return links(in: value)
            }
        }
        if let array = json as? [Any] { return array.flatMap(links(in:)) }
        return []
    }

    private func assertOnlyWebLinks(_ body: String, _ what: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let json = try JSONSerialization.jsonObject(with: Data(body.utf8))
        for link in links(in: json) {
            XCTAssertTrue(link.hasPrefix("https://") || link.hasPrefix("http://"), "\(what) serves \(link)", file: file, line: line)
        }
        for word in ["javascript:", "JAVASCRIPT:", "script:", "data:", "file:", "evil.example", "/media/video"] {
            XCTAssertFalse(body.contains(word), "\(what) contains \(word): \(body)", file: file, line: line)
        }
    }

    func testCheckDropsEveryNonWebLinkWithFileLineAndFieldAndKeepsTheEpisode() throws {
        let archive = try makeArchive()
        let check = try TalksExecutable.run(["check", archive])
        XCTAssertEqual(check.status, 0, "warnings only: \(check.output)")
        XCTAssertFalse(check.output.contains("REJECTED"), check.output)
        for (folder, _) in Self.payloads {
            XCTAssertTrue(check.output.contains("OK       \(folder)  ("), check.output)
            XCTAssertTrue(check.output.contains("\(archive)/\(folder)/episode.json:3: warning: field 'recording': "), folder + "\n" + check.output)
            XCTAssertTrue(check.output.contains("  page       https://example.org/\(folder)\n"), check.output)
        }
        XCTAssertTrue(check.output.contains("\(archive)/bad-page/episode.json:4: warning: field 'page': "), check.output)
        XCTAssertTrue(check.output.contains("  recording  https://Media.Example.org/sida.mp4\n"), check.output)
        XCTAssertTrue(check.output.contains("\(archive)/html-page/episode.html:3: warning: og:video: "), check.output)
        XCTAssertTrue(check.output.contains("\(archive)/html-page/episode.html:5: warning: the Event's url: "), check.output)
        XCTAssertTrue(check.output.contains("  page       https://example.org/evenemang/html\n"), check.output)
        let recordings = check.output.split(separator: "\n").filter { $0.hasPrefix("  recording ") }
        XCTAssertEqual(recordings, ["  recording  https://Media.Example.org/sida.mp4"], check.output)
        XCTAssertEqual(check.output.components(separatedBy: "only http:// and https:// links are kept").count - 1,
                       Self.payloads.count + 3, check.output)
    }

    func testIngestedEpisodesKeepOnlyWebLinksInTheAPIAndTheTerminal() throws {
        let archive = try makeArchive()
        let index = scratch.appendingPathComponent("index").path
        let ingest = try TalksExecutable.run(["ingest", archive, "--index", index])
        XCTAssertEqual(ingest.status, 65, "warnings make ingest exit 65: \(ingest.error)")
        XCTAssertTrue(ingest.output.contains("\(Self.payloads.count + 2) added, 0 replaced, 0 unchanged, 0 rejected"), ingest.output)
        XCTAssertTrue(ingest.error.contains("\(archive)/javascript/episode.json:3: warning: field 'recording': "), ingest.error)

        let search = try TalksExecutable.run(["search", "lankprov", "--limit", "50", "--index", index])
        XCTAssertEqual(search.status, 0, search.error)
        XCTAssertTrue(search.output.contains("  [01:15] Här är lankprov nummer ett.  https://Media.Example.org/sida.mp4#t=75\n"), search.output)
        XCTAssertTrue(search.output.hasSuffix("of \(Self.payloads.count + 2) episodes.\n"), search.output)
        for word in ["javascript:", "JAVASCRIPT:", "data:", "file:", "evil.example"] {
            XCTAssertFalse(search.output.contains(word), search.output)
        }
        let json = try TalksExecutable.run(["search", "lankprov", "--json", "--limit", "50", "--index", index])
        try assertOnlyWebLinks(json.output, "talks search --json")

        let server = try ServedIndex(index: index)
        let results = try server.get("search?q=lankprov&limit=50")
        XCTAssertEqual(results.status, 200)
        try assertOnlyWebLinks(results.body, "/search")
        XCTAssertTrue(results.body.contains("\"total_episodes\":\(Self.payloads.count + 2)"), results.body)
        let episodes = try server.get("episodes?limit=50")
        try assertOnlyWebLinks(episodes.body, "/episodes")
        for (folder, _) in Self.payloads {
            let episode = try server.get("episodes/" + folder)
            XCTAssertEqual(episode.status, 200, folder)
            try assertOnlyWebLinks(episode.body, "/episodes/" + folder)
            XCTAssertTrue(episode.body.contains("\"recording\":null"), episode.body)
        }
    }

    /// `Fixtures/index-with-script-links` was written by talks before links were checked
    /// (commit 6282742): its one episode has `recording` "javascript:alert(document.domain)"
    /// and `page` "data:text/html,<script>alert(1)</script>". It is of index format 1, which
    /// this talks does not read: nothing of it is shown, only the re-ingest message (a
    /// re-ingest checks every link; `EpisodeCoding` still drops a non-web link it reads).
    func testAnIndexWrittenBeforeLinksWereCheckedShowsNoneOfItsOldOnes() throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/index-with-script-links")
        let index = scratch.appendingPathComponent("old-index")
        try FileManager.default.copyItem(at: fixture, to: index)

        for command in [["search", "livsmedelsstrategi"], ["search", "livsmedelsstrategi", "--json"], ["list"]] {
            let run = try TalksExecutable.run(command + ["--index", index.path])
            XCTAssertEqual(run.status, 1, "\(command)")
            XCTAssertEqual(run.output, "", "\(command)")
            XCTAssertTrue(run.error.contains("was written by an older talks (index format 1"), run.error)
            XCTAssertFalse(run.error.contains("javascript") || run.error.contains("data:"), run.error)
        }
    }

    func testImportFeedDropsNonWebEnclosuresAndLinks() throws {
        try write("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHej.\n", to: "feed/1.vtt")
        try write("""
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:podcast="https://podcastindex.org/namespace/1.0">
              <channel>
                <title>Prov</title>
                <item>
                  <title>Skript i flödet</title>
                  <link>javascript:alert(1)</link>
                  <enclosure url=" JaVaScRiPt:alert(document.cookie)" type="audio/mpeg"/>
                  <podcast:transcript url="1.vtt" type="text/vtt"/>
                </item>
                <item>
                  <title>Vanligt avsnitt</title>
                  <link>https://example.org/2</link>
                  <enclosure url="https://media.example.org/2.mp3" type="audio/mpeg"/>
                  <podcast:transcript url="1.vtt" type="text/vtt"/>
                </item>
              </channel>
            </rss>

            """, to: "feed/feed.xml")
        let feed = scratch.appendingPathComponent("feed/feed.xml").path
        let archive = scratch.appendingPathComponent("imported").path
        let run = try TalksExecutable.run(["import-feed", feed, "--into", archive])
        XCTAssertEqual(run.status, 0, run.error)
        XCTAssertTrue(run.output.hasSuffix("2 written, 0 kept.\n"), run.output)
        XCTAssertTrue(run.error.contains("\(feed):7: warning: item 1: <link>: "), run.error)
        XCTAssertTrue(run.error.contains("\(feed):8: warning: item 1: <enclosure url>: "), run.error)
        let first = try String(contentsOfFile: archive + "/skript-i-flodet/episode.json", encoding: .utf8)
        XCTAssertFalse(first.contains("recording") || first.contains("\"page\"") || first.lowercased().contains("javascript"), first)
        let second = try String(contentsOfFile: archive + "/vanligt-avsnitt/episode.json", encoding: .utf8)
        XCTAssertTrue(second.contains("\"recording\": \"https://media.example.org/2.mp3\""), second)
        XCTAssertTrue(second.contains("\"page\": \"https://example.org/2\""), second)
    }

    func testTheSearchPageAllowsNoInlineScript() throws {
        let index = scratch.appendingPathComponent("index").path
        let archive = try makeArchive()
        _ = try TalksExecutable.run(["ingest", archive, "--index", index])
        let server = try ServedIndex(index: index)
        let page = try server.get("")
        XCTAssertEqual(page.status, 200)
        let policy = try XCTUnwrap(page.headers.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-security-policy:") })
        let scriptSources = try XCTUnwrap(policy.split(separator: ";").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("script-src") })
        XCTAssertFalse(scriptSources.contains("unsafe-inline"), String(policy))
        XCTAssertFalse(scriptSources.contains("unsafe-eval") || scriptSources.contains("unsafe-hashes"), String(policy))
        XCTAssertTrue(policy.contains("default-src 'none'"), String(policy))
        // No inline script is left for the policy to allow: every <script> has a src.
        var rest = Substring(page.body)
        var scripts = 0
        while let open = rest.range(of: "<script") {
            let tagEnd = rest[open.upperBound...].firstIndex(of: ">") ?? rest.endIndex
            XCTAssertTrue(rest[open.upperBound..<tagEnd].contains("src="), String(rest[open.lowerBound..<tagEnd]))
            scripts += 1
            rest = rest[tagEnd...]
        }
        XCTAssertEqual(scripts, 1, page.body)
        XCTAssertFalse(page.body.contains("javascript:"), page.body)
        let script = try server.get("search.js")
        XCTAssertEqual(script.status, 200)
        XCTAssertTrue(script.headers.contains("Content-Type: text/javascript; charset=utf-8"), script.headers)
        // The page is rendered on the server: with the hostile archive's hits on it, every
        // link is this server's own (relative) or http(s), whatever case the archive wrote.
        let results = try server.get("?q=lankprov")
        XCTAssertEqual(results.status, 200)
        XCTAssertTrue(results.body.contains("<li class=\"episode\">"), results.body)
        var hrefs: [Substring] = []
        var remaining = Substring(results.body)
        while let attribute = remaining.range(of: "href=\"") {
            let end = remaining[attribute.upperBound...].firstIndex(of: "\"") ?? remaining.endIndex
            hrefs.append(remaining[attribute.upperBound..<end])
            remaining = remaining[end...]
        }
        XCTAssertTrue(hrefs.contains { $0.hasPrefix("https://") }, "the recordings are linked")
        for href in hrefs {
            XCTAssertTrue(href.hasPrefix("?") || href.hasPrefix("#") || href.hasPrefix("watch/") || href.lowercased().hasPrefix("https://"), String(href))
        }
        XCTAssertFalse(results.body.lowercased().contains("javascript:") || results.body.lowercased().contains("vbscript:")
                       || results.body.contains("data:text"), results.body)
    }
}
