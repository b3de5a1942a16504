import XCTest
import TalksAnalysis

final class SwedishStemmerTests: XCTestCase {
    /// Every word of the Snowball vocabulary stems to the expected output, line by line.
    func testReproducesSnowballVocabulary() throws {
        let words = try SharedTestData.lines("snowball-swedish/voc.txt")
        let expected = try SharedTestData.lines("snowball-swedish/output.txt")
        XCTAssertEqual(words.count, 30_738)
        XCTAssertEqual(expected.count, words.count)
        var failures: [String] = []
        for (word, stem) in zip(words, expected) {
            let actual = SwedishStemmer.stem(word)
            if actual != stem { failures.append("\(word): expected \(stem), got \(actual)") }
        }
        print("Snowball Swedish: \(words.count - failures.count) of \(words.count) lines match")
        XCTAssertEqual(failures.count, 0, failures.prefix(30).joined(separator: "\n"))
    }

    /// The rules the current algorithm added over the pre-2023 one.
    func testCurrentAlgorithmChanges() {
        XCTAssertEqual(SwedishStemmer.stem("aftonbladet"), "aftonblad")
        XCTAssertEqual(SwedishStemmer.stem("barnröst"), "barnrös")
        XCTAssertEqual(SwedishStemmer.stem("paket"), "paket")
        XCTAssertEqual(SwedishStemmer.stem("torka"), "tork")
        XCTAssertEqual(SwedishStemmer.stem("torkan"), "torkan")
    }

    func testShortAndEmptyWordsAreUnchanged() {
        XCTAssertEqual(SwedishStemmer.stem(""), "")
        XCTAssertEqual(SwedishStemmer.stem("å"), "å")
        XCTAssertEqual(SwedishStemmer.stem("as"), "as")
    }
}
