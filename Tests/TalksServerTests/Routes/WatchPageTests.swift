import Foundation
import TalksIndex
import TalksIndexing
import TalksIngest
import TalksModel
import TalksSearch
import XCTest
@testable import TalksServer

/// `/watch/{id}` through the real server on an index of `Fixtures/watch-archive`: a media
/// file episode whose title, names and cues are hostile HTML, and YouTube, Vimeo and audio
/// recordings.
final class WatchPageTests: XCTestCase {
    nonisolated(unsafe) static var indexDirectory: String?
    var harness: ServerHarness!

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/watch-archive").path

    override func setUpWithError() throws {
        if Self.indexDirectory == nil {
            let directory = try SampleIndex.temporaryDirectory("watch")
            let scan = try ArchiveScanner.scan([Self.fixtures])
            let episodes = try scan.sources.map { try EpisodeLoader.load($0).get().indexable }
            XCTAssertEqual(episodes.count, 4)
            try SampleIndex.commit(episodes, into: directory)
            Self.indexDirectory = directory
        }
        harness = try ServerHarness(handler: TalksRoutes(backend: IndexSearchBackend(directory: try XCTUnwrap(Self.indexDirectory))))
    }

    override func tearDown() {
        harness?.stop()
    }

    private func page(_ path: String, status: Int = 200) throws -> (html: String, headers: [String: String]) {
        let reply = try harness.fetch(path)
        XCTAssertEqual(reply.status, status, path)
        XCTAssertEqual(reply.headers["content-type"], "text/html; charset=utf-8", path)
        return (String(decoding: reply.body, as: UTF8.self), reply.headers)
    }

    /// Every `<li>` of the transcript that is a cue, as (id, attributes and content).
    private func cueLines(_ html: String) -> [String] {
        html.split(separator: "\n").filter { $0.hasPrefix("<li id=\"c") }.map(String.init)
    }

    private func jsonLD(_ html: String) throws -> [String: Any] {
        let open = "<script type=\"application/ld+json\">"
        let start = try XCTUnwrap(html.range(of: open)).upperBound
        let end = try XCTUnwrap(html.range(of: "</script>", range: start..<html.endIndex)).lowerBound
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(html[start..<end].utf8)) as? [String: Any])
    }

    func testHostileTitlesNamesAndCuesAreEscaped() throws {
        let (html, headers) = try page("/watch/hostile")
        for raw in ["<script>alert", "<img src=x", "<b>lär", "onerror=alert(2)>", "</title><script>"] {
            XCTAssertFalse(html.contains(raw), "unescaped \(raw)")
        }
        XCTAssertTrue(html.contains("<h1>Strategi &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;citat&quot; &#39;apostrof&#39;</h1>"))
        XCTAssertTrue(html.contains("<span class=\"s\">Eva &lt;img src=x onerror=alert(2)&gt;:</span>"))
        XCTAssertTrue(html.contains("&lt;script&gt;alert(4)&lt;/script&gt;"))
        XCTAssertTrue(html.contains("href=\"https://www.example.org/landet-lar/90?a=1&amp;b=2\""))
        // The only scripts: the JSON-LD data block and /watch.js.
        XCTAssertEqual(html.components(separatedBy: "<script").count - 1, 2)
        XCTAssertTrue(html.contains("<script src=\"../watch.js\"></script>"))
        let policy = try XCTUnwrap(headers["content-security-policy"])
        XCTAssertTrue(policy.contains("script-src 'self';"), policy)
        XCTAssertFalse(policy.split(separator: ";").contains { $0.contains("script-src") && $0.contains("unsafe") }, policy)
        XCTAssertTrue(policy.hasSuffix("; media-src https://media.example.org"), policy)
        XCTAssertFalse(policy.contains("frame-src"), policy)
        XCTAssertTrue(html.hasPrefix("<!doctype html>\n<html lang=\"sv\">"))
    }

    func testEveryCueIsALineAndTheCueAtTIsCurrent() throws {
        let (html, _) = try page("/watch/hostile?t=106")
        let lines = cueLines(html)
        XCTAssertEqual(lines.count, 5)
        XCTAssertEqual(lines.map { $0.split(separator: "\"")[3] }, ["1", "5.5", "9.5", "106.6", "110.5"])
        // A hit links at whole seconds (106 for a cue at 106.6): that cue is the current one.
        let current = lines.filter { $0.contains("aria-current=\"true\"") }
        XCTAssertEqual(current.count, 1)
        XCTAssertTrue(current.first?.hasPrefix("<li id=\"c3\" data-start=\"106.6\" aria-current=\"true\">") ?? false, current.first ?? "")
        XCTAssertTrue(html.contains("<video id=\"player\" data-kind=\"media\" controls preload=\"metadata\" src=\"https://media.example.org/landet-lar/90.mp4#t=106.6\">"))
        XCTAssertTrue(lines[3].contains("<a class=\"t\" href=\"?t=106#c3\">1:46</a>"), lines[3])
        // The same speaker again is kept in the text, hidden from the eye.
        XCTAssertTrue(lines[3].contains("<span class=\"s r\">Olle Ek:</span>"), lines[3])
        XCTAssertTrue(lines[2].contains("<span class=\"s\">Olle Ek:</span>"), lines[2])
        XCTAssertEqual(cueLines(try page("/watch/hostile?t=1:46").html).filter { $0.contains("aria-current") }.first?.prefix(12), "<li id=\"c3\" ")
        XCTAssertFalse(cueLines(try page("/watch/hostile").html).contains { $0.contains("aria-current") })
        // Within a cue, the player starts at the time asked for.
        XCTAssertTrue(try page("/watch/hostile?t=108").html.contains("90.mp4#t=108\">"))
    }

    func testQueryMarksInflectionsCompoundsAndFoldedWordsAsSearchDoes() throws {
        let (html, _) = try page("/watch/hostile?q=strategi")
        let lines = cueLines(html)
        XCTAssertTrue(lines[0].contains("om <mark>strategin</mark> för"), lines[0])
        XCTAssertTrue(lines[1].contains("Den regionala <mark>livsmedelsstrategin</mark> är"), lines[1])
        XCTAssertTrue(lines[2].contains("<mark>Strategierna</mark> skiljer"), lines[2])
        XCTAssertFalse(lines[3].contains("<mark>"))
        XCTAssertTrue(html.contains("<p id=\"match-count\" role=\"status\">3 träffar för ”strategi”</p>"))
        XCTAssertTrue(html.contains("<button type=\"button\" id=\"next-match\" hidden>"))
        XCTAssertTrue(lines[0].contains("href=\"?t=1&amp;q=strategi#c0\""), lines[0])

        let folded = cueLines(try page("/watch/hostile?q=ostergotland").html)
        XCTAssertTrue(folded[2].contains("i <mark>Östergötland</mark>."), folded[2])
        let phrase = try page("/watch/hostile?q=%22fr%C3%A5ga+fr%C3%A5n%22+-torka")
        XCTAssertTrue(cueLines(phrase.html)[4].contains("en <mark>fråga</mark> <mark>från</mark> chatten om torka"), cueLines(phrase.html)[4])
        XCTAssertTrue(phrase.html.contains("2 träffar för ”&quot;fråga från&quot; -torka”"))

        // The page marks what a search hit marks in the same cue.
        let reply = try harness.fetch("/search?q=strategi&hits=10")
        let body = try XCTUnwrap(try JSONSerialization.jsonObject(with: reply.body) as? [String: Any])
        let result = try XCTUnwrap((body["results"] as? [[String: Any]])?.first { ($0["episode"] as? [String: Any])?["id"] as? String == "hostile" })
        for hit in try XCTUnwrap(result["hits"] as? [[String: Any]]) {
            let snippet = try XCTUnwrap(hit["snippet_html"] as? String)
            XCTAssertTrue(lines.contains { $0.contains(snippet) }, snippet)
        }
    }

    func testAQueryTheLanguageRejectsStillShowsTheTranscript() throws {
        let (html, _) = try page("/watch/hostile?q=%22oavslutad")
        XCTAssertTrue(html.contains("Sökningen kunde inte tolkas vid tecken 1: citattecknet som börjar här avslutas aldrig"))
        XCTAssertFalse(html.contains("bad query"))
        XCTAssertEqual(cueLines(html).count, 5)
        XCTAssertFalse(html.contains("<mark>"))
    }

    func testJSONLDAndOpenGraphDescribeTheVideo() throws {
        let (html, _) = try page("/watch/hostile")
        let video = try jsonLD(html)
        XCTAssertEqual(video["@context"] as? String, "https://schema.org")
        XCTAssertEqual(video["@type"] as? String, "VideoObject")
        XCTAssertEqual(video["name"] as? String, "Strategi </title><script>alert(1)</script> & \"citat\" 'apostrof'")
        XCTAssertEqual(video["uploadDate"] as? String, "2023-03-01T12:00:00+01:00")
        XCTAssertEqual(video["duration"] as? String, "PT1H2M5S")
        XCTAssertEqual(video["contentUrl"] as? String, "https://media.example.org/landet-lar/90.mp4")
        XCTAssertTrue((video["description"] as? String)?.hasPrefix("Om livsmedelsstrategier </script>") ?? false)
        let transcript = try XCTUnwrap(video["transcript"] as? String)
        XCTAssertTrue(transcript.hasPrefix("Välkomna! Idag pratar vi om strategin för <script>alert(4)</script>."), transcript)
        XCTAssertTrue(transcript.hasSuffix("Vi tar en fråga från chatten om torka."))
        let url = try XCTUnwrap(video["url"] as? String)
        XCTAssertEqual(url, "http://127.0.0.1:\(harness.port)/watch/hostile")
        XCTAssertTrue(html.contains("<meta property=\"og:type\" content=\"video.other\">"))
        XCTAssertTrue(html.contains("<meta property=\"og:url\" content=\"\(url)\">"))
        XCTAssertTrue(html.contains("<meta property=\"og:video\" content=\"https://media.example.org/landet-lar/90.mp4\">"))
        XCTAssertTrue(html.contains("<meta property=\"og:title\" content=\"Strategi &lt;/title&gt;"))

        let youTube = try jsonLD(try page("/watch/youtube-talk").html)
        XCTAssertEqual(youTube["embedUrl"] as? String, "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")
        XCTAssertNil(youTube["contentUrl"])
        XCTAssertEqual(youTube["duration"] as? String, "PT44S", "without a duration, the last cue's end")
    }

    func testPlatformRecordingsPlayInTheirOwnPlayers() throws {
        let youTube = try page("/watch/youtube-talk?t=40")
        XCTAssertTrue(youTube.html.contains("<iframe id=\"player\" data-kind=\"youtube\" data-base=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ\" src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=40\""))
        XCTAssertTrue(youTube.headers["content-security-policy"]?.hasSuffix("; frame-src https://www.youtube-nocookie.com") ?? false)
        XCTAssertFalse(youTube.html.contains("og:video"))
        XCTAssertTrue(youTube.html.contains("href=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ&amp;t=40s\""), "the original stays one click away")

        let vimeo = try page("/watch/vimeo-talk?t=75")
        XCTAssertTrue(vimeo.html.contains("src=\"https://player.vimeo.com/video/76979871#t=75s\""))
        XCTAssertTrue(vimeo.headers["content-security-policy"]?.hasSuffix("; frame-src https://player.vimeo.com") ?? false)

        let audio = try page("/watch/audio-talk")
        XCTAssertTrue(audio.html.contains("<audio id=\"player\" data-kind=\"media\" controls preload=\"metadata\" src=\"https://podd.example.se/avsnitt/12.mp3\">"))
        XCTAssertTrue(audio.html.contains("<meta property=\"og:audio\" content=\"https://podd.example.se/avsnitt/12.mp3\">"))
        XCTAssertTrue(audio.headers["content-security-policy"]?.hasSuffix("; media-src https://podd.example.se") ?? false)
    }

    func testAnUnknownIdIsASwedishNotFoundPage() throws {
        let (html, headers) = try page("/watch/%3Cscript%3Enope", status: 404)
        XCTAssertTrue(html.contains("<h1>Avsnittet finns inte</h1>"))
        XCTAssertTrue(html.contains("id ”&lt;script&gt;nope”"))
        XCTAssertFalse(html.contains("<script"))
        XCTAssertEqual(headers["cache-control"], "no-store")
    }

    func testWithoutAnIndexTheWatchPageIsA503Page() throws {
        let bare = try ServerHarness(handler: TalksRoutes(backend: IndexSearchBackend(directory: try SampleIndex.temporaryDirectory("watch-empty"))))
        defer { bare.stop() }
        let reply = try bare.fetch("/watch/hostile")
        XCTAssertEqual(reply.status, 503)
        XCTAssertEqual(reply.headers["content-type"], "text/html; charset=utf-8")
        XCTAssertTrue(String(decoding: reply.body, as: UTF8.self).contains("<h1>Sidan kan inte visas just nu</h1>"))
    }

    /// A transcript longer than the page's limit shows the cues around `?t=` and says so.
    func testAVeryLongTranscriptShowsAWindowAroundT() throws {
        var routes = TalksRoutes(backend: IndexSearchBackend(directory: try XCTUnwrap(Self.indexDirectory)))
        routes.watchPageCues = 2
        let limited = try ServerHarness(handler: routes)
        defer { limited.stop() }
        let reply = try limited.fetch("/watch/hostile?t=106&q=strategi")
        XCTAssertEqual(reply.status, 200)
        let html = String(decoding: reply.body, as: UTF8.self)
        let lines = cueLines(html)
        XCTAssertEqual(lines.map { String($0.prefix(10)) }, ["<li id=\"c2", "<li id=\"c3"])
        XCTAssertTrue(lines[1].contains("aria-current=\"true\""))
        XCTAssertTrue(html.contains("här visas rad 3–4 av 5. Hela transkriptet finns som <a href=\"../episodes/hostile/transcript?format=vtt\">WebVTT</a>"))
        XCTAssertTrue(html.contains("1 träff för ”strategi”"), "the count is of the cues shown")
        let start = cueLines(String(decoding: try limited.fetch("/watch/hostile").body, as: UTF8.self))
        XCTAssertEqual(start.map { String($0.prefix(10)) }, ["<li id=\"c0", "<li id=\"c1"])
    }

    func testABadTimeIsA400PageNamingTheParameter() throws {
        for t in ["abc", "-5", "1:75", "1e9", "99999999", "1::2", "nan"] {
            let (html, _) = try page("/watch/hostile?t=\(t)", status: 400)
            XCTAssertTrue(html.contains("t ska vara sekunder (75 eller 75.5) eller en tid (1:15 eller 1:02:03), högst 1000 timmar, inte ”\(t)”."), t)
            XCTAssertFalse(html.contains("must be"), t)
        }
    }

    /// The header leads back to the search, with the query the viewer came with (escaped in
    /// the URL and in the attribute), and the date reads as the search page writes it.
    func testTheHeaderLeadsBackToTheSearchKeepingTheQuery() throws {
        let (plain, _) = try page("/watch/hostile?t=5")
        XCTAssertTrue(plain.contains("<p class=\"site\"><a href=\"../\">← Sök i inspelningarna</a></p>"))
        let (searched, _) = try page("/watch/hostile?t=5&q=%22mat%22%20%26%20%3Cb%3E%20v%C3%A5tmark")
        XCTAssertTrue(searched.contains("<p class=\"site\"><a href=\"../?q=%22mat%22%20%26%20%3Cb%3E%20v%C3%A5tmark\">← Sök i inspelningarna</a></p>"))
        XCTAssertTrue(plain.contains("<time datetime=\"2023-03-01T12:00:00+01:00\">1 mars 2023</time>"))
    }

    func testTheWatchPageIsCachedLikeOtherRoutes() throws {
        let first = try harness.fetch("/watch/hostile?t=5")
        let tag = try XCTUnwrap(first.headers["etag"])
        XCTAssertTrue(tag.hasPrefix("W/\"g"))
        XCTAssertEqual(first.headers["cache-control"], "public, max-age=60")
        XCTAssertEqual(try harness.fetch("/watch/hostile?t=5", headers: ["If-None-Match": tag]).status, 304)
        XCTAssertNotEqual(try harness.fetch("/watch/hostile?t=6").headers["etag"], tag)
        let script = try harness.fetch("/watch.js")
        XCTAssertEqual(script.status, 200)
        XCTAssertEqual(script.headers["content-type"], "text/javascript; charset=utf-8")
        XCTAssertTrue(String(decoding: script.body, as: UTF8.self).contains("addEventListener(\"timeupdate\""))
    }

    /// Chapters are headings in the transcript and a list of links (the index stores them
    /// on another branch; here the page is built from an episode that has them).
    func testChaptersAreHeadingsAndLinks() throws {
        let episode = Episode(id: "k", title: "Kapitel", chapters: [
            Chapter(start: 0, title: "Inledning"), Chapter(start: 100, title: "Frågor <från> publiken"),
        ])
        let cues = [Cue(start: 1, end: 4, text: "Hej."), Cue(start: 99, end: 100, text: "Sist."), Cue(start: 106.6, end: 110, text: "Första frågan.")]
        let html = WatchPage(episode: episode, cues: cues, player: nil, startSeconds: nil, query: nil, matches: nil, pageURL: nil).html()
        XCTAssertTrue(html.contains("<h2 id=\"chapters-heading\">Kapitel</h2>"))
        XCTAssertTrue(html.contains("<li><a href=\"?t=100#c2\" data-start=\"100\"><span class=\"time\">1:40</span> Frågor &lt;från&gt; publiken</a></li>"))
        XCTAssertTrue(html.contains("<li class=\"chapter\"><h3>Frågor &lt;från&gt; publiken</h3></li>\n<li id=\"c2\""))
        XCTAssertTrue(html.contains("<li class=\"chapter\"><h3>Inledning</h3></li>\n<li id=\"c0\""))
        XCTAssertTrue(html.contains("Inspelningen kan inte spelas upp på den här sidan."))
    }
}
