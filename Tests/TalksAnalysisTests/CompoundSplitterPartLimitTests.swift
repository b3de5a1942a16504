import XCTest
@testable import TalksAnalysis

/// A splitter limited to two parts (`maximumParts = 2`, what search splits a typed
/// compound with) finds exactly the two-part splits the default splitter finds: the
/// fewest parts win, so the best split of at most two parts is the best split whenever
/// that has two. Checked over Snowball's Swedish vocabulary split against itself, which
/// also exercises the search's pruning (a part only the last may follow is judged only
/// when a last part can follow it) at both limits.
final class CompoundSplitterPartLimitTests: XCTestCase {
    func testTheTwoPartLimitKeepsEveryTwoPartSplit() throws {
        let words = try SharedTestData.lines("snowball-swedish/voc.txt")
        let vocabulary = Lexicon(words)
        let full = CompoundSplitter()
        var limited = CompoundSplitter()
        limited.maximumParts = 2
        var twoParts = 0
        var longer = 0
        for word in words {
            let fully = full.split(word, lexicon: vocabulary)
            let two = limited.split(word, lexicon: vocabulary)
            if let fully, fully.count == 2 {
                twoParts += 1
                XCTAssertEqual(two, fully, word)
            } else {
                if fully != nil { longer += 1 }
                XCTAssertNil(two, "\(word): \(two ?? []) where the full split is \(fully ?? [])")
            }
        }
        // The splitter's doc comment: about 5,500 of 30,738 words split, some into three or more.
        XCTAssertGreaterThan(twoParts, 4_000)
        XCTAssertGreaterThan(longer, 50)
    }
}
