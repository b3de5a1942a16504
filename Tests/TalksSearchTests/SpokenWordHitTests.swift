import XCTest
import TalksIndex
import TalksModel
@testable import TalksSearch

/// Hits at the spoken word (issue 12): a hit's time is when its first matched word is said
/// where the transcript gives word times, its link opens at most 2 s before that word and
/// never before the cue, it carries the chapter it falls in, and chapter titles are searched.
/// Through the real writer, reader and `Searcher`.
final class SpokenWordHitTests: XCTestCase {
    /// A cue from 60 s to 69.5 s whose words are timed (the searched word said 6.4 s in), a
    /// cue without word times, and chapters from 0 s, 60 s and 70 s.
    static func dammar(linkTemplate: String? = nil, recording: String = "https://www.youtube.com/watch?v=Qw3rTy7uIo0") -> IndexableEpisode {
        let timed = "vi har under flera år funderat på hur bevattningsdammar kan byggas"
        func offset(_ word: String) -> UInt32 {
            UInt32(timed.utf8.count - (timed.range(of: word).map { timed[$0.lowerBound...].utf8.count } ?? 0))
        }
        let cues = [
            Cue(start: 60, end: 69.5, text: timed, wordTimes: [
                WordTime(utf8Offset: offset("funderat"), milliseconds: 63_200),
                WordTime(utf8Offset: offset("bevattningsdammar"), milliseconds: 66_400),
                WordTime(utf8Offset: offset("kan"), milliseconds: 67_900),
            ]),
            Cue(start: 70, end: 74, text: "utan tidsangivelser säger vi grävmaskin och tillstånd"),
            Cue(start: 75.6, end: 80, text: "byggas tidigt på våren", wordTimes: [WordTime(utf8Offset: 7, milliseconds: 76_300)]),
        ]
        let episode = Episode(
            id: "dammar", title: "Dammar på gården", date: "2024-06-12T18:00:00+02:00",
            recording: WebLink(recording), linkTemplate: linkTemplate,
            chapters: [Chapter(start: 70, title: "Frågor från publiken"), Chapter(start: 0, title: "Inledning"),
                       Chapter(start: 60, title: "Bevattning")])
        return IndexableEpisode(episode: episode, cues: cues, contentHash: "h", sourcePath: "archive/dammar")
    }

    func testAHitIsTheTimeItsWordIsSaidAndLinksAtMostTwoSecondsBefore() throws {
        let index = try TestIndex([Self.dammar()])
        let hit = try XCTUnwrap(try index.search("bevattningsdammar").results.first?.hits.first)
        XCTAssertEqual(hit.start, 66.4)
        XCTAssertEqual(hit.cueStart, 60)
        XCTAssertEqual(hit.url?.text, "https://www.youtube.com/watch?v=Qw3rTy7uIo0&t=65s")
        let linked = 65.0
        XCTAssertTrue(hit.start - linked > 0 && hit.start - linked <= 2, "link \(linked) s for a word at \(hit.start) s")
        XCTAssertGreaterThanOrEqual(hit.start - hit.cueStart, 5, "the word is said well after its cue starts")
        XCTAssertEqual(hit.chapter, "Bevattning")

        // Two matched words: the time is that of the first in the text, whichever the query names first.
        let two = try XCTUnwrap(try index.search("byggas funderat").results.first?.hits.first)
        XCTAssertEqual(two.start, 63.2)
        XCTAssertEqual(two.url?.text, "https://www.youtube.com/watch?v=Qw3rTy7uIo0&t=62s")
    }

    func testWithoutWordTimesAHitIsItsCueStart() throws {
        let index = try TestIndex([Self.dammar()])
        let hit = try XCTUnwrap(try index.search("grävmaskin").results.first?.hits.first)
        XCTAssertEqual(hit.start, 70)
        XCTAssertEqual(hit.cueStart, 70)
        XCTAssertEqual(hit.url?.text, "https://www.youtube.com/watch?v=Qw3rTy7uIo0&t=70s")
        // A word said within a second of its cue's start links to the cue's start, not before it.
        let early = try XCTUnwrap(try index.search("tidigt").results.first?.hits.first)
        XCTAssertEqual(early.start, 76.3)
        XCTAssertEqual(early.url?.text, "https://www.youtube.com/watch?v=Qw3rTy7uIo0&t=75s")
        // The first word of a timed cue before its first word time: the cue's start.
        let first = try XCTUnwrap(try index.search("flera").results.first?.hits.first)
        XCTAssertEqual(first.start, 60)
    }

    func testALinkTemplateGetsTheSpokenWordsSecond() throws {
        let index = try TestIndex([Self.dammar(linkTemplate: "https://play.example.se/v/8841?start={seconds}&at={hh:mm:ss}")])
        let hit = try XCTUnwrap(try index.search("bevattningsdammar").results.first?.hits.first)
        XCTAssertEqual(hit.url?.text, "https://play.example.se/v/8841?start=65&at=00:01:05")
        XCTAssertEqual(try index.searcher.reader.segments[0].episode(0).linkTemplate,
                       "https://play.example.se/v/8841?start={seconds}&at={hh:mm:ss}")
    }

    /// Chapters: [0 s Inledning, 60 s Bevattning, 70 s Frågor från publiken]. A hit at exactly
    /// 70 s is in the third; one at 69.5 s would still be in the second.
    func testEveryHitCarriesTheChapterItFallsIn() throws {
        let index = try TestIndex([Self.dammar()])
        XCTAssertEqual(try index.search("grävmaskin").results.first?.hits.first?.chapter, "Frågor från publiken")
        XCTAssertEqual(try index.search("bevattningsdammar").results.first?.hits.first?.chapter, "Bevattning")
        let chapters = try index.searcher.reader.segments[0].episode(0).chapters
        XCTAssertEqual(chapters.map(\.title), ["Inledning", "Bevattning", "Frågor från publiken"], "stored in start order")
        XCTAssertEqual(chapters.chapter(at: 69.999)?.title, "Bevattning")
        XCTAssertEqual(chapters.chapter(at: 60)?.title, "Bevattning")
        // Without chapters, or before the first one: none.
        var late = Self.dammar()
        late.episode.id = "sen"
        late.episode.chapters = [Chapter(start: 75, title: "Avslutning")]
        let other = try TestIndex([late])
        let hits = try XCTUnwrap(try other.search("byggas").results.first?.hits)
        XCTAssertEqual(hits.map(\.chapter), [nil, "Avslutning"])
        let json = JSONWriter().string(try index.search("grävmaskin").jsonValue)
        XCTAssertTrue(json.contains(#""start":70,"cue_start":70,"end":74,"#), json)
        XCTAssertTrue(json.contains(#""chapter":"Frågor från publiken"}"#), json)
        XCTAssertTrue(json.contains(#""chapters":[{"start":0,"title":"Inledning"},{"start":60,"title":"Bevattning"},"#), json)
    }

    /// A word only in a chapter title finds the episode; a chapter title counts more than the
    /// description and less than the title.
    func testChapterTitlesAreSearchedBetweenTitleAndDescription() throws {
        func episode(_ id: String, title: String = "Ett möte", description: String? = nil, chapter: String = "Början") -> IndexableEpisode {
            var episode = TestIndex.episode(id, title: title, description: description, cues: ["Vi pratar om annat i dag."])
            episode.episode.chapters = [Chapter(start: 0, title: chapter)]
            return episode
        }
        let index = try TestIndex([
            episode("beskrivning", description: "Om grundvattenbildning i sandiga jordar."),
            episode("kapitel", chapter: "Grundvattenbildning"),
            episode("titel", title: "Grundvattenbildning"),
        ])
        XCTAssertEqual(try index.ids("grundvattenbildning"), ["titel", "kapitel", "beskrivning"])
        XCTAssertEqual(try index.ids("publiken"), [])
        let dammar = try TestIndex([Self.dammar()])
        XCTAssertEqual(try dammar.ids("publiken"), ["dammar"])
        XCTAssertEqual(try dammar.ids("\"frågor från publiken\""), ["dammar"])
    }
}
