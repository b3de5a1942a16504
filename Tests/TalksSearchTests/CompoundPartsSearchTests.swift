import XCTest
@testable import TalksSearch
import TalksIndex

/// A typed compound finds the cues that say its parts together (`QueryPlanner+CompoundParts`):
/// parts in any order and inflected form, in one cue, ranked below the compound itself.
/// Rules only here; `CompoundPartsCommandTests` runs the class through `talks` with the lexicon.
final class CompoundPartsSearchTests: XCTestCase {
    private func makeIndex() throws -> TestIndex {
        try TestIndex([
            TestIndex.episode("ystning", title: "Ystning", cues: [
                "Jag gick en kurs i att göra ost.", "Sen köpte vi kor.", "Osten mognar i källaren."]),
            TestIndex.episode("upphandling", title: "Offentlig mat", cues: [
                "Idag handlar det om upphandling av livsmedel.", "Kommunen köper in mat."]),
            TestIndex.episode("kurser", title: "Utbildning", cues: ["Vi har kurser i bokföring."]),
            TestIndex.episode("ostkurs", title: "Mejeri", cues: ["Vår ostkurs var fullbokad."]),
        ])
    }

    func testAnUnseenCompoundFindsTheCueThatSaysItsParts() throws {
        let index = try makeIndex()
        let response = try index.search("livsmedelsupphandling")
        XCTAssertEqual(response.results.map(\.episode.id), ["upphandling"])
        XCTAssertEqual(response.results.first?.hits.first?.text, "Idag handlar det om upphandling av livsmedel.")
    }

    /// A word with a part the index lacks finds nothing, as before.
    func testAWordWhosePartsAreNotAllSaidFindsNothing() throws {
        let index = try makeIndex()
        let response = try index.search("ystkurs")  // no such word, no parts: nothing
        XCTAssertEqual(response.results.map(\.episode.id), [])
        let parts = try index.search("osttillverkning")  // tillverkning is not said: no split
        XCTAssertEqual(parts.results.map(\.episode.id), [])
    }

    /// A compound the index holds ranks first; the cue that says its parts follows.
    func testAKnownCompoundRanksAboveItsPartsSaidApart() throws {
        let index = try makeIndex()
        XCTAssertEqual(try index.ids("ostkurs"), ["ostkurs", "ystning"])
        let response = try index.search("ostkurs")
        XCTAssertEqual(response.results.last?.hits.first?.text, "Jag gick en kurs i att göra ost.")
    }

    private func makePartsIndex() throws -> TestIndex {
        try TestIndex([
            TestIndex.episode("tillsammans", title: "Gödsel", cues: [
                "Hönsen värper bra.", "Vi sprider gödseln från hönsen på åkern varje vår.", "Gödseln luktar starkt.",
                "Sedan harvar vi."]),
            TestIndex.episode("isär", title: "Åkern", cues: [
                "Hönsen går ute hela dagen.", "Vi pratar om annat en stund.", "På hösten köper vi gödsel till åkern."]),
            TestIndex.episode("helt", title: "Ull", cues: ["Fårullen säljs till spinneriet.", "Spinneriet ligger i byn."]),
            TestIndex.episode("delar", title: "Får", cues: [
                "Ullen från fåren är grov men varm.", "Fåren klipps i maj.", "Fåren betar på ön."]),
            TestIndex.episode("bilvård", title: "Bilen", cues: ["Vi sköter vården av bilen själva.", "Bilen står i ladan."]),
            TestIndex.episode("bilar", title: "Vård", cues: [
                "Bilen står i ladan.", "Vi pratar om annat en stund.", "Vården på sjukhuset är bra."]),
        ])
    }

    /// Parts in any order and inflected form (`gödseln`, `hönsen` for `hönsgödsel`), in one
    /// cue: found; the same parts in different cues of an episode: not found.
    func testPartsSaidInOneCueFindTheCompoundAndPartsApartDoNot() throws {
        let index = try makePartsIndex()
        let response = try index.search("hönsgödsel")
        XCTAssertEqual(response.results.map(\.episode.id), ["tillsammans"])
        // The cue with both parts, then one that says the head (`gödsel`) in the same talk;
        // not one that says only `hönsen`.
        XCTAssertEqual(response.results.first?.hits.map(\.text),
                       ["Vi sprider gödseln från hönsen på åkern varje vår.", "Gödseln luktar starkt."])
        XCTAssertEqual(try index.ids("bilvård"), ["bilvård"], "bilen … vården in one cue, not in three")
    }

    /// The compound and its forms rank above an episode that says its parts more often.
    func testTheCompoundRanksAboveItsParts() throws {
        let index = try makePartsIndex()
        XCTAssertEqual(try index.ids("fårull"), ["helt", "delar"])
        let parts = try index.search("fårull").results.last
        XCTAssertEqual(parts?.hits.map(\.text), ["Ullen från fåren är grov men varm."], "only the cue saying both parts")
    }

    /// A negated word works per cue on the parts too: the only cue saying both parts also
    /// says `åkern`, so the episode goes (a cue with one part is no hit to keep it for).
    func testANegatedWordInTheCueWithThePartsLeavesTheEpisodeOut() throws {
        let index = try makePartsIndex()
        XCTAssertEqual(try index.ids("hönsgödsel -åkern"), [])
        XCTAssertEqual(try index.ids("hönsgödsel -harvar"), ["tillsammans"])
    }

    /// With the compound said whole too, a negated word still works per cue on each: the
    /// episode saying `fårullen` beside `spinneriet` goes, the one saying the parts stays;
    /// the parts' only cue saying `varm` leaves that episode out although other cues say a
    /// part (`fåren`) without it (the negation walk over words alone would keep it: plans
    /// with parts take the marking path, `CueNegation.keepsAHit`).
    func testANegatedWordBesideAKnownCompoundAndItsParts() throws {
        let index = try makePartsIndex()
        XCTAssertEqual(try index.ids("fårull -spinneriet"), ["delar"])
        XCTAssertEqual(try index.ids("fårull -varm"), ["helt"])
        XCTAssertEqual(try index.ids("fårull -maj"), ["helt", "delar"])
    }

    /// Three-part splits are not tried: against an archive's words they are mostly wrong.
    func testOnlyTwoPartSplits() throws {
        let index = try makePartsIndex()
        XCTAssertEqual(try index.ids("hönsgödselull"), [])
    }

    /// Phrases, prefixes and exclusions are not split.
    func testOnlyPlainWordsSplit() throws {
        let index = try makePartsIndex()
        XCTAssertEqual(try index.ids("\"hönsgödsel\""), [])
        XCTAssertEqual(try index.ids("hönsgödsel*"), [])
        // Excluding a compound excludes the compound, not every cue that says its parts.
        XCTAssertEqual(Set(try index.ids("gödsel -hönsgödsel")), ["tillsammans", "isär"])
    }

    /// Words too short to have two parts of three letters stay as they are.
    func testNearPairsHaveNoParts() throws {
        let index = try makeIndex()
        XCTAssertEqual(try index.ids("kostym"), [])
        XCTAssertEqual(try index.ids("korv"), [])
    }
    /// A compound said in `compoundPartsUpToEpisodes` episodes or more is not also looked
    /// for in parts: its own episodes fill the pages. Below that, the parts still count.
    func testACompoundSaidInManyEpisodesIsNotLookedForInParts() throws {
        var episodes = (1...4).map { number in
            TestIndex.episode("ostkurs-\(number)", title: "Mejeri \(number)", cues: ["Vår ostkurs nummer \(number) var fullbokad."])
        }
        episodes.append(TestIndex.episode("ystning", title: "Ystning", cues: ["Jag gick en kurs i att göra ost."]))
        let index = try TestIndex(episodes)
        let reader = try IndexReader.open(directory: index.directory)
        var parameters = RankingParameters()
        parameters.compoundPartsUpToEpisodes = 5
        let below = Searcher(reader: reader, parameters: parameters)
        XCTAssertEqual(try below.search(SearchRequest(query: "ostkurs")).results.last?.episode.id, "ystning",
                       "4 episodes say ostkurs, under the limit of 5: the parts said apart count")
        parameters.compoundPartsUpToEpisodes = 4
        let atLimit = Searcher(reader: reader, parameters: parameters)
        let ids = try atLimit.search(SearchRequest(query: "ostkurs")).results.map(\.episode.id)
        XCTAssertEqual(Set(ids), ["ostkurs-1", "ostkurs-2", "ostkurs-3", "ostkurs-4"],
                       "4 episodes say ostkurs, at the limit of 4: only the compound's episodes")
        XCTAssertEqual(RankingParameters().compoundPartsUpToEpisodes, 50)
    }
}

