import XCTest
import TalksIndex
@testable import TalksSearch

/// HitCollector's two cue filters together: a cue that says only a typed compound's last
/// part (its head, kept as a hit beside a cue saying every part, `Evidence.keepWhole`)
/// matched a rare word of the query, so a common word in the same query (one said in
/// nearly every episode, `Evidence.dropUnlessAnyMatches`) must not drop it as if it had
/// matched only common words. Rules only; words of no evaluation query.
final class CompoundHeadCommonWordTests: XCTestCase {
    /// 21 episodes saying "veckan" (the common word); one says the parts of `syltburk`
    /// together, its head alone, and the common word alone.
    static func archive() -> [IndexableEpisode] {
        var episodes = (0..<21).map { number in
            TestIndex.episode("vecka-\(number)", title: "Avsnitt \(number)",
                              cues: ["Den här veckan pratar vi om avsnitt \(number).", "Vi pratar om odling."])
        }
        episodes.append(TestIndex.episode("sylt", title: "Skafferiet", cues: [
            "Den här veckan blev det regn.",
            "Vi fyllde en burk med sylt.",
            "Burken stod i skafferiet.",
        ]))
        return episodes
    }

    private func hits(_ response: SearchResponse, _ id: String) -> [String] {
        response.results.first { $0.episode.id == id }?.hits.map(\.text) ?? []
    }

    func testAHeadCueStaysAHitWhenTheQueryAlsoHasACommonWord() throws {
        let index = try TestIndex(Self.archive())
        let alone = try index.search("syltburk", hits: 10)
        XCTAssertEqual(hits(alone, "sylt"), ["Vi fyllde en burk med sylt.", "Burken stod i skafferiet."])
        // "veckan" is said in every episode: its cue goes, the head cue stays.
        let withCommon = try index.search("veckan syltburk", hits: 10)
        XCTAssertEqual(withCommon.results.map(\.episode.id), ["sylt"])
        XCTAssertEqual(hits(withCommon, "sylt"), ["Vi fyllde en burk med sylt.", "Burken stod i skafferiet."])
    }
}
