import XCTest
import TalksAnalysis
import TalksTestSupport

/// Reading Hunspell affix and dictionary files: the directives, flag types and entry
/// syntax, and a typed error naming file and line for every kind of malformed line.
final class HunspellFileTests: XCTestCase {
    func testSmallAffixFileDirectives() throws {
        let (affixes, dictionary) = try HunspellFixtures.files("small")
        XCTAssertEqual(affixes.encoding, "UTF-8")
        XCTAssertEqual(affixes.flagType, .character)
        XCTAssertEqual(affixes.forbiddenWord, HunspellFlag("%"))
        XCTAssertEqual(affixes.needAffix, HunspellFlag("¤"))
        XCTAssertEqual(affixes.compoundBegin, HunspellFlag("X"))
        XCTAssertEqual(affixes.compoundMiddle, HunspellFlag("U"))
        XCTAssertEqual(affixes.compoundEnd, HunspellFlag("Y"))
        XCTAssertEqual(affixes.onlyInCompound, HunspellFlag("Z"))
        XCTAssertEqual(affixes.compoundPermit, HunspellFlag("W"))
        XCTAssertEqual(affixes.compoundForbid, HunspellFlag("Q"))
        XCTAssertNil(affixes.compoundFlag)
        XCTAssertEqual(affixes.compoundMinimum, 3)
        XCTAssertTrue(affixes.fullStrip)
        XCTAssertEqual(affixes.compoundRules, ["X*Y"])
        XCTAssertEqual(affixes.classes.count, 12)

        let neuter = try XCTUnwrap(affixes.classes[HunspellFlag("C")])
        XCTAssertEqual(neuter.kind, .suffix)
        XCTAssertTrue(neuter.crossProduct)
        XCTAssertEqual(neuter.rules.count, 8)
        XCTAssertEqual(neuter.rules[2].strip, "en")
        XCTAssertEqual(neuter.rules[2].append, "net")
        XCTAssertEqual(neuter.rules[6].condition.description, "mer")
        let linking = try XCTUnwrap(affixes.classes[HunspellFlag("v")])
        XCTAssertFalse(linking.crossProduct)
        XCTAssertEqual(linking.rules[1].strip, "")
        XCTAssertEqual(linking.rules[1].append, "s")
        XCTAssertEqual(linking.rules[1].continuation, [HunspellFlag("W"), HunspellFlag("X"), HunspellFlag("Z")])
        XCTAssertEqual(affixes.classes[HunspellFlag("O")]?.kind, .prefix)

        XCTAssertEqual(dictionary.declaredCount, 18)
        XCTAssertEqual(dictionary.entries.count, 21)
        XCTAssertEqual(dictionary.entries[0].word, "vapen")
        XCTAssertEqual(dictionary.entries[0].flags.map(\.description).joined(), "ACFUXY")
        XCTAssertEqual(dictionary.entries[0].line, 2)
        let phrase = try XCTUnwrap(dictionary.entries.first { $0.word == "bästa vän" })
        XCTAssertEqual(phrase.flags, [HunspellFlag("A")])
        let escaped = try XCTUnwrap(dictionary.entries.last)
        XCTAssertEqual(escaped.word, "and/or", "a backslash escapes the slash; the tab ends word and flags")
        XCTAssertEqual(escaped.flags, [])
    }

    func testFlagTypesAndAliases() throws {
        let (long, longWords) = try HunspellFixtures.files("long-flags")
        XCTAssertEqual(long.flagType, .long)
        XCTAssertEqual(longWords.entries[0].flags.count, 4)
        XCTAssertNotNil(long.classes[longWords.entries[0].flags[0]])
        XCTAssertEqual(long.compoundBegin.map { longWords.entries[0].flags.contains($0) }, true)

        let (numeric, numericWords) = try HunspellFixtures.files("numeric-flags")
        XCTAssertEqual(numeric.flagType, .numeric)
        XCTAssertEqual(numericWords.entries[0].flags, [HunspellFlag(1), HunspellFlag(22), HunspellFlag(500)])
        XCTAssertEqual(numeric.compoundEnd, HunspellFlag(500))

        let (aliased, aliasedWords) = try HunspellFixtures.files("aliases")
        XCTAssertEqual(aliased.flagAliases.count, 2)
        XCTAssertEqual(aliasedWords.entries[0].flags, [HunspellFlag("A"), HunspellFlag("D")])
        XCTAssertEqual(aliasedWords.entries[1].flags, [HunspellFlag("A")])

        let (latin1, latin1Words) = try HunspellFixtures.files("latin1")
        XCTAssertEqual(latin1.encoding, "ISO8859-1")
        XCTAssertEqual(latin1Words.entries[0].word, "fågel")
    }

    /// Every kind of malformed line: the error names the file, the line and the problem.
    func testMalformedAffixLinesNameFileAndLine() {
        let cases: [(text: String, line: Int?, problem: HunspellError.Problem)] = [
            ("SFX A Y 2\nSFX A 0 s .\n", 1, .missingTableLines(directive: "SFX", expected: 2, found: 1)),
            ("# comment\nSFX A Y many\n", 2, .invalidAffixHeader(text: "SFX A Y many")),
            ("SFX A X 1\nSFX A 0 s .\n", 1, .invalidAffixHeader(text: "SFX A X 1")),
            ("SFX A Y 1\nSFX B 0 s .\n", 2, .invalidAffixRule(text: "SFX B 0 s .", reason: "its flag B is not the class's flag A")),
            ("SFX A Y 1\nSFX A 0\n", 2, .invalidAffixRule(text: "SFX A 0", reason: "it has 3 fields, at least 4 are needed")),
            ("SFX A Y 1\nSFX A 0 s [ab\n", 2, .invalidCondition(text: "[ab", reason: "a [ is not closed by ]")),
            ("SFX A Y 1\nSFX A 0 s []\n", 2, .invalidCondition(text: "[]", reason: "a bracket holds no letters")),
            ("SFX A Y 1\nSFX A 0 s a]\n", 2, .invalidCondition(text: "a]", reason: "a ] closes no [")),
            ("SET KOI8-R\n", 1, .unsupportedEncoding("KOI8-R")),
            ("FLAG wide\n", 1, .unsupportedFlagType("wide")),
            ("COMPOUNDBEGIN\n", 1, .missingValue(directive: "COMPOUNDBEGIN")),
            ("COMPOUNDBEGIN XY\n", 1, .notOneFlag(directive: "COMPOUNDBEGIN", text: "XY")),
            ("COMPOUNDMIN few\n", 1, .invalidNumber(directive: "COMPOUNDMIN", text: "few")),
            ("FLAG num\nSFX 1 Y 1\nSFX 1 0 s/2,x .\n", 3, .invalidFlags(
                text: "2,x", reason: "FLAG num takes numbers from 1 to 65535 separated by commas; \"x\" is not one")),
            ("SFX A Y 1\nPFX A Y 1\n", 1, .missingTableLines(directive: "SFX", expected: 1, found: 0)),
            ("AF 2\nAF AB\n", 1, .missingTableLines(directive: "AF", expected: 2, found: 1)),
        ]
        for (text, line, problem) in cases {
            XCTAssertThrowsError(try HunspellFixtures.affixFile(text), text) { error in
                XCTAssertEqual(error as? HunspellError, HunspellError(path: "test.aff", line: line, problem: problem), text)
            }
        }
        // A second class of the other kind for one flag.
        XCTAssertThrowsError(try HunspellFixtures.affixFile("SFX A Y 1\nSFX A 0 s .\nPFX A Y 1\nPFX A 0 o .\n")) { error in
            XCTAssertEqual((error as? HunspellError)?.line, 3)
        }
        // Invalid UTF-8 in a UTF-8 affix file.
        XCTAssertThrowsError(try AffixFile(bytes: Array("SET UTF-8\nTRY ".utf8) + [0xC3, 0x28, 0x0A], path: "bad.aff")) { error in
            XCTAssertEqual(error as? HunspellError, HunspellError(path: "bad.aff", line: 2, problem: .invalidEncoding(encoding: "UTF-8")))
        }
    }

    func testMalformedDictionaryLinesNameFileAndLine() throws {
        let plain = try HunspellFixtures.affixFile("SET UTF-8\nSFX A Y 1\nSFX A 0 s .\n")
        let long = try HunspellFixtures.affixFile("SET UTF-8\nFLAG long\n")
        let aliased = try HunspellFixtures.affixFile("SET UTF-8\nAF 1\nAF A\n")
        let cases: [(affixes: AffixFile, bytes: [UInt8], line: Int?, problem: HunspellError.Problem)] = [
            (plain, Array("hus/A\n".utf8), 1, .missingEntryCount(text: "hus/A")),
            (plain, [], nil, .missingEntryCount(text: "")),
            (plain, Array("2\nhus/A\n/A\n".utf8), 3, .emptyWord),
            (plain, Array("2\nhus/A\nb".utf8) + [0xFF] + Array("r\n".utf8), 3, .invalidEncoding(encoding: "UTF-8")),
            (long, Array("1\nhus/ABC\n".utf8), 2, .invalidFlags(
                text: "ABC", reason: "FLAG long takes two characters per flag, and there are 3")),
            (aliased, Array("2\nhus/1\nbil/2\n".utf8), 3, .unknownFlagAlias(number: "2", defined: 1)),
        ]
        for (affixes, bytes, line, problem) in cases {
            XCTAssertThrowsError(try DictionaryFile(bytes: bytes, path: "test.dic", affixes: affixes)) { error in
                XCTAssertEqual(error as? HunspellError, HunspellError(path: "test.dic", line: line, problem: problem))
            }
        }
        // A byte order mark, CRLF line ends, blank lines and lines starting with a tab are fine.
        let dictionary = try DictionaryFile(bytes: [0xEF, 0xBB, 0xBF] + Array("2\r\nhus/A\r\n\n\tkommentar\r\nbil\r\n".utf8),
                                            path: "test.dic", affixes: plain)
        XCTAssertEqual(dictionary.entries.map(\.word), ["hus", "bil"])
        XCTAssertEqual(dictionary.entries.map(\.line), [2, 5])
    }

    func testErrorDescriptionsNameFileAndLine() {
        let error = HunspellError(path: "/usr/share/hunspell/sv_SE.aff", line: 12, problem: .missingTableLines(directive: "SFX", expected: 6, found: 2))
        XCTAssertEqual(error.description, "/usr/share/hunspell/sv_SE.aff:12: the file ends inside a SFX table: 6 lines announced, 2 found.")
        let whole = HunspellError(path: "x.dic", line: nil, problem: .missingEntryCount(text: ""))
        XCTAssertEqual(whole.description, "x.dic: the first line must be the number of entries, found \"\".")
    }

    /// Random and truncated inputs either parse or throw a `HunspellError`; nothing crashes.
    func testArbitraryBytesNeverCrash() throws {
        let affix = try HunspellFixtures.bytes("small.aff")
        let dictionary = try HunspellFixtures.bytes("small.dic")
        var random = SplitMix64(seed: 2024)
        let alphabet = Array("SFXPY0123 ./[]^%¤aeröå\n\t\\AFLAGnumlong".utf8)
        for round in 0..<400 {
            var affixBytes = Array(affix.prefix(random.below(affix.count + 1)))
            var dictionaryBytes = Array(dictionary.prefix(random.below(dictionary.count + 1)))
            for _ in 0..<random.below(12) {
                if !affixBytes.isEmpty { affixBytes[random.below(affixBytes.count)] = alphabet[random.below(alphabet.count)] }
                if !dictionaryBytes.isEmpty { dictionaryBytes[random.below(dictionaryBytes.count)] = UInt8(truncatingIfNeeded: random.next()) }
            }
            do {
                let affixes = try AffixFile(bytes: affixBytes, path: "fuzz.aff")
                let words = try DictionaryFile(bytes: dictionaryBytes, path: "fuzz.dic", affixes: affixes)
                let lexicon = SwedishLexicon(affixes: affixes, dictionary: words)
                _ = lexicon.lemmas(of: "vapnet")
            } catch {
                XCTAssertFalse(error.description.isEmpty, "round \(round)")
            }
        }
    }
}
