import XCTest
import TalksAnalysis
import TalksTestSupport

/// Words that look like inflections or parts of each other but are different words: with
/// the dictionary, neither their lemma keys nor compound splitting may join them, in either
/// direction, whatever else an index holds. (Not `bana`/`banan`: `banan` is also the
/// definite form of `bana`, so the dictionary rightly gives it both lemmas.)
final class NearPairsTests: XCTestCase {
    /// (shorter, longer): different words, each a plausible false inflection or false part.
    static let pairs = NearPairs.pairs

    /// Compounds of the longer word, whose split must give the longer word, not the shorter.
    static let compounds: [(String, String, String)] = [
        ("kostnadsökningen", "kostnad", "kost"), ("marknadsplatsen", "marknad", "mark"),
        ("stationshuset", "station", "stat"), ("barnomsorgen", "barn", "bar"), ("postkontoret", "post", "ost"),
        ("tidningsartikeln", "tidning", "tid"), ("handelskammaren", "handel", "hand"),
        ("filmfestivalen", "film", "fil"), ("musikskolan", "musik", "mus"), ("parkeringsplatsen", "parkering", "park"),
    ]

    private func keys(_ word: String, _ lexicon: SwedishLexicon) -> Set<String> {
        Set(SwedishInflection.keys(word, dictionary: lexicon))
    }

    func testLemmaKeysKeepNearPairsApart() throws {
        let lexicon = try HunspellFixtures.swedish()
        XCTAssertGreaterThanOrEqual(Self.pairs.count, 50)
        var rulesJoined: [String] = []
        for (short, long) in Self.pairs {
            XCTAssertTrue(keys(short, lexicon).isDisjoint(with: keys(long, lexicon)),
                          "\(short) \(keys(short, lexicon).sorted()) and \(long) \(keys(long, lexicon).sorted()) share a key")
            if SwedishInflection.key(short) == SwedishInflection.key(long) { rulesJoined.append("\(short)/\(long)") }
        }
        print("Near pairs: \(Self.pairs.count) kept apart by lemma keys; the rules alone join \(rulesJoined)")
    }

    /// Neither word is a part of the other: split against an index that holds both, all the
    /// common words and the dictionary's roles, in both directions.
    func testCompoundSplittingKeepsNearPairsApart() throws {
        let lexicon = try HunspellFixtures.swedish()
        let splitter = CompoundSplitter()
        for (short, long) in Self.pairs {
            var index = Lexicon.common
            index.formUnion([short, long])
            for (term, other) in [(long, short), (short, long)] {
                let withIndex = splitter.split(term, dictionary: lexicon, isWord: index.containsWord, isKey: index.containsKey) ?? []
                let alone = splitter.split(term, dictionary: lexicon, isWord: { _ in false }, isKey: { _ in false }) ?? []
                for part in withIndex + alone {
                    XCTAssertTrue(keys(part, lexicon).isDisjoint(with: keys(other, lexicon)), "\(term) split into \(withIndex) / \(alone) finds \(other)")
                }
            }
        }
    }

    func testCompoundsOfTheLongerWordKeepIt() throws {
        let lexicon = try HunspellFixtures.swedish()
        let splitter = CompoundSplitter()
        for (compound, part, notPart) in Self.compounds {
            var index = Lexicon.common
            index.formUnion([part, notPart])
            let parts = splitter.split(compound, dictionary: lexicon, isWord: index.containsWord, isKey: index.containsKey)
            XCTAssertEqual(parts?.first, part, compound)
            XCTAssertFalse(parts?.contains(notPart) ?? false, "\(compound) → \(parts ?? [])")
        }
    }
}
