import Foundation
import TalksIndex
import TalksModel
import TalksSearch
import XCTest
@testable import TalksServer

/// The server-rendered search page at `/`: results, facet selects with counts, watch links,
/// pages, the embedding parameters, and escaping, on a generated index of 25 episodes in
/// two series (so results span three pages), through the real server.
final class SearchPageRoutesTests: XCTestCase {
    nonisolated(unsafe) static var indexDirectory: String?
    var harness: ServerHarness!
    var directory = ""

    static func episodes() -> [IndexableEpisode] {
        (0..<25).map { number in
            let series = number % 5 == 0 ? "Stad & \"land\"" : "Landet lär"
            // Each episode's one speaker says the words (speaker= keeps hits to their cues).
            let speaker = number % 2 == 0 ? "Anna Berg" : "Omar Said"
            let episode = Episode(
                id: "avsnitt-\(number)", series: series, number: number, title: number == 3 ? "<script>alert(1)</script> Kaffe" : "Avsnitt \(number)",
                date: "\(2020 + number % 4)-05-0\(1 + number % 9)T12:00:00+02:00", timestamp: nil,
                speakers: [Speaker(name: speaker)], description: nil,
                recording: WebLink("https://media.example.org/\(number).mp4"), page: nil, tags: [])
            let cues = [Cue(start: 12.7, end: 15, speaker: speaker, text: "Vi dricker kaffe här.", line: 3),
                        Cue(start: 3_725.2, end: 3_730, speaker: nil, text: "Mer kaffe på slutet.", line: 6)]
            return IndexableEpisode(episode: episode, cues: cues, contentHash: "h\(number)", sourcePath: "test/\(number)")
        }
    }

    override func setUpWithError() throws {
        if Self.indexDirectory == nil {
            let directory = try SampleIndex.temporaryDirectory("page")
            try SampleIndex.commit(Self.episodes(), into: directory)
            Self.indexDirectory = directory
        }
        directory = try XCTUnwrap(Self.indexDirectory)
        harness = try ServerHarness(handler: TalksRoutes(backend: IndexSearchBackend(directory: directory)))
    }

    override func tearDown() {
        harness?.stop()
    }

    private func page(_ pathAndQuery: String, status: Int = 200) throws -> String {
        let reply = try harness.fetch(pathAndQuery)
        XCTAssertEqual(reply.status, status, pathAndQuery)
        XCTAssertEqual(reply.headers["content-type"], "text/html; charset=utf-8", pathAndQuery)
        XCTAssertEqual(reply.headers["content-security-policy"], PagePolicy.page, pathAndQuery)
        return String(decoding: reply.body, as: UTF8.self)
    }

    private func count(_ needle: String, in html: String) -> Int {
        html.components(separatedBy: needle).count - 1
    }

    func testResultsLinkToTheWatchPageWithTheRecordingBeside() throws {
        let html = try page("/?q=kaffe")
        XCTAssertEqual(count("<li class=\"episode\">", in: html), 10, "the first page of ten")
        XCTAssertTrue(html.contains("<p id=\"status\" role=\"status\" aria-live=\"polite\">25 avsnitt</p>"), html)
        let response = try Searcher(directory: directory).search(SearchRequest(query: "kaffe", limit: 10))
        let first = try XCTUnwrap(response.results.first)
        for hit in first.hits {
            let second = Int(hit.start)
            XCTAssertTrue(html.contains("<a class=\"time\" href=\"watch/\(first.episode.id)?t=\(second)&amp;q=kaffe\""), "\(second)")
            XCTAssertTrue(html.contains("<a class=\"original\" href=\"\(try XCTUnwrap(hit.url).text)\" target=\"_blank\" rel=\"noopener\""))
        }
        XCTAssertTrue(html.contains(">1:02:05</a>"), "an hour in is h:mm:ss")
        XCTAssertTrue(html.contains("<form id=\"search\" role=\"search\" action=\"\" method=\"get\">"), "a GET form works without script")
        XCTAssertFalse(html.contains("<script>alert(1)</script>"), "titles are escaped")
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; Kaffe"))
    }

    func testFacetSelectsCountEveryMatchAndNarrow() throws {
        let html = try page("/?q=kaffe")
        XCTAssertTrue(html.contains("<option value=\"Landet lär\">Landet lär (20)</option>"), html)
        XCTAssertTrue(html.contains("<option value=\"Stad &amp; &quot;land&quot;\">Stad &amp; &quot;land&quot; (5)</option>"))
        XCTAssertTrue(html.contains("<option value=\"Anna Berg\">Anna Berg (13)</option>"))
        XCTAssertTrue(html.contains("<option value=\"2020\">2020 (7)</option>"))
        let narrowed = try page("/?q=kaffe&series=Stad%20%26%20%22land%22")
        XCTAssertEqual(count("<li class=\"episode\">", in: narrowed), 5)
        XCTAssertEqual(count("Landet lär #", in: narrowed), 0)
        XCTAssertTrue(narrowed.contains("<option value=\"Stad &amp; &quot;land&quot;\" selected>"))
        XCTAssertTrue(narrowed.contains("<a href=\"?q=kaffe\" aria-label=\"Ta bort filtret serie Stad &amp; &quot;land&quot;\">×</a>"), narrowed)
        let byYear = try page("/?q=kaffe&year=2021&speaker=Omar%20Said")
        XCTAssertTrue(byYear.contains("<option value=\"2021\" selected>2021 (6)</option>"), byYear)
        XCTAssertTrue(byYear.contains("<option value=\"Omar Said\" selected>Omar Said (6)</option>"), byYear)
    }

    func testPagesLinkTheWholeState() throws {
        let second = try page("/?q=kaffe&year=2020&page=1")
        XCTAssertFalse(second.contains("<nav class=\"pages\""), "7 episodes are one page")
        let middle = try page("/?q=kaffe&page=2")
        XCTAssertTrue(middle.contains("<a rel=\"prev\" href=\"?q=kaffe\">"), middle)
        XCTAssertTrue(middle.contains("<span aria-current=\"page\">2</span>"))
        XCTAssertTrue(middle.contains("<a rel=\"next\" href=\"?q=kaffe&amp;page=3\">"))
        XCTAssertEqual(count("<li class=\"episode\">", in: try page("/?q=kaffe&page=3")), 5)
    }

    func testTheEmbeddingKeepsItsLockedFilterAndItsLook() throws {
        let html = try page("/?series=Landet%20l%C3%A4r&lock=series&embed=1&theme=dark&accent=%23ffcc00&font=Georgia%2C%20serif")
        XCTAssertEqual(count("<li class=\"episode\">", in: html), 10, "a locked filter alone lists its episodes")
        XCTAssertFalse(html.contains("id=\"filter-series\""), "no select for the locked filter")
        XCTAssertTrue(html.contains("<input type=\"hidden\" name=\"series\" value=\"Landet lär\">"))
        XCTAssertTrue(html.contains("<li>Serie: Landet lär</li>"), "shown without a remove link")
        XCTAssertTrue(html.contains("<html lang=\"sv\" data-theme=\"dark\">"))
        XCTAssertTrue(html.contains("--host-accent: #ffcc00; --host-on-accent: #000000; --host-font: Georgia, serif"), html)
        XCTAssertTrue(html.contains("<a rel=\"next\" href=\"?series=Landet%20l%C3%A4r&amp;page=2&amp;embed=1&amp;lock=series&amp;theme=dark&amp;accent=%23ffcc00&amp;font=Georgia%2C%20serif\">"), html)
        XCTAssertTrue(html.contains("target=\"_blank\""), "in a frame the watch page opens in a tab")
        let hostile = try page("/?q=kaffe&accent=red%3B%7D%3C%2Fstyle%3E&font=x%3C%2Fstyle%3E&theme=%22")
        XCTAssertFalse(hostile.contains("<style>:root { --host"), "a look value of another form is ignored")
        XCTAssertTrue(hostile.contains("<html lang=\"sv\">"))
    }

    func testProblemsAreShownInSwedishWithTheirStatus() throws {
        // The query parser's errors in Swedish, with the column, none of its English.
        for (query, sentence) in [("%22kaffe", "Sökningen kunde inte tolkas vid tecken 1: citattecknet som börjar här avslutas aldrig"),
                                  ("mat%20OR", "Sökningen kunde inte tolkas vid tecken 5: OR och - behöver ett sökord bredvid sig"),
                                  ("kaffe%20-year%3A2022", "Sökningen kunde inte tolkas vid tecken 7: ett filter kan inte uteslutas med -"),
                                  ("%21%21%21", "Sökningen kunde inte tolkas: det finns inget ord att söka efter")] {
            let html = try page("/?q=\(query)", status: 400)
            XCTAssertTrue(html.contains(sentence), query)
            XCTAssertFalse(html.contains("bad query"), query)
            XCTAssertTrue(html.contains("<p id=\"status\" class=\"problem\" role=\"status\""), query)
        }
        XCTAssertTrue(try page("/?q=kaffe&year=22", status: 400).contains("Adressen kunde inte läsas: year ska vara ett år med fyra siffror, t.ex. 2022, inte ”22”."))
        XCTAssertTrue(try page("/?q=kaffe&page=0", status: 400).contains("Adressen kunde inte läsas: page ska vara ett heltal från 1 till "))
        XCTAssertTrue(try page("/?q=xyzzy").contains("Inga träffar för ”xyzzy”."))
        let empty = try SampleIndex.temporaryDirectory("page-empty")
        let bare = try ServerHarness(handler: TalksRoutes(backend: IndexSearchBackend(directory: empty)))
        defer { bare.stop() }
        XCTAssertEqual(try bare.fetch("/").status, 200)
        let unavailable = try bare.fetch("/?q=kaffe")
        XCTAssertEqual(unavailable.status, 503)
        XCTAssertTrue(String(decoding: unavailable.body, as: UTF8.self).contains("Sökningen är inte tillgänglig just nu."))
    }

    func testTextOnAnAccentKeepsItsContrast() {
        XCTAssertEqual(SearchPage.onAccent("#1a6b3c"), "#ffffff")
        XCTAssertEqual(SearchPage.onAccent("#ffcc00"), "#000000")
        XCTAssertEqual(SearchPage.onAccent("#fff"), "#000000")
        XCTAssertEqual(SearchPage.onAccent("#000"), "#ffffff")
    }
}
