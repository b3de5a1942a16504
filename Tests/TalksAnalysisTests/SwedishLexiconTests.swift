import Foundation
import XCTest
import TalksAnalysis

/// The lexicon of the real sv_SE dictionary (skipped, saying so, when hunspell-sv-se is not
/// installed): its size, its paradigm joins, its compound roles, compounds split with them,
/// lemma keys and the analyser with a dictionary; and loading without the package.
final class SwedishLexiconTests: XCTestCase {
    func testSizeOfTheLexicon() throws {
        let statistics = try HunspellFixtures.swedish().statistics
        print("sv_SE lexicon: \(statistics)")
        XCTAssertGreaterThan(statistics.entries, 150_000)
        XCTAssertGreaterThan(statistics.surfaceForms, 700_000)
        XCTAssertGreaterThan(statistics.lemmas, 140_000)
        XCTAssertGreaterThan(statistics.joinedLemmas, 500)
        XCTAssertGreaterThan(statistics.borrowedPluralForms, 20)
    }

    func testParadigmsSvSESplitsOverTwoEntriesAreJoined() throws {
        let lexicon = try HunspellFixtures.swedish()
        XCTAssertEqual(lexicon.lemmas(of: "fibrerna"), ["fiber"])
        XCTAssertEqual(lexicon.lemmas(of: "sägner"), ["sägen"])
        XCTAssertEqual(lexicon.readings(of: "kyrko").map(\.lemma), ["kyrka"])
        XCTAssertEqual(lexicon.readings(of: "abborr").map(\.lemma), ["abborre"])
        XCTAssertEqual(lexicon.lemmas(of: "regler"), ["regel", "regla"])
        // Not joined: manöver has its own plural (manövrar); känslor is känsla's.
        XCTAssertEqual(lexicon.lemmas(of: "manövrer"), ["manövrer"])
        XCTAssertEqual(lexicon.lemmas(of: "känslor"), ["känsla"])
        // Forbidden words are no words.
        XCTAssertFalse(lexicon.contains("arbetsplast"))
    }

    func testCompoundRoles() throws {
        let lexicon = try HunspellFixtures.swedish()
        XCTAssertEqual(lexicon.roles(of: "dricksvatten"), [.standalone, .compoundBegin])
        XCTAssertTrue(lexicon.roles(of: "yrkes").contains(.compoundBegin))
        XCTAssertEqual(lexicon.readings(of: "ränte").map(\.roles), [.compoundBegin])
        XCTAssertTrue(lexicon.roles(of: "försörjningen").contains(.compoundEnd))
        XCTAssertFalse(lexicon.roles(of: "försörjningen").contains(.compoundBegin))
        XCTAssertEqual(lexicon.roles(of: "kom"), [.standalone], "a verb form takes no part in compounds")
    }

    /// Heads the index has never seen alone, with and without linking letters.
    func testCompoundsSplitWithDictionaryRoles() throws {
        let lexicon = try HunspellFixtures.swedish()
        let splitter = CompoundSplitter()
        let none: (String) -> Bool = { _ in false }
        let cases: [(String, [String])] = [
            ("dricksvattenförsörjningen", ["dricksvatten", "försörjning"]),
            ("vattenförsörjningens", ["vatten", "försörjning"]),
            ("livsmedelsstrategin", ["livsmedel", "strategi"]),        // linking -s-
            ("landsbygdsutvecklingen", ["landsbygd", "utveckling"]),   // linking -s-
            ("yrkesutbildningarna", ["yrke", "utbildning"]),            // yrkes, a compound-only form
            ("kyrkomusiken", ["kyrka", "musik"]),                       // kyrko-, joined to kyrka
            ("kärnvapnen", ["kärna", "vapen"]),                         // kärn-, and syncope in the last part
        ]
        for (term, parts) in cases {
            XCTAssertEqual(splitter.split(term, dictionary: lexicon, isWord: none, isKey: none), parts, term)
        }
        // Without the dictionary and with an index that never says dricksvatten alone, the
        // head is unknown: no split.
        let index = Lexicon(["försörjningen", "försörjning", "vatten"])
        XCTAssertNil(splitter.split("dricksvattenförsörjningen", lexicon: index))
        XCTAssertEqual(splitter.split("dricksvattenförsörjningen", dictionary: lexicon, isWord: index.containsWord, isKey: index.containsKey),
                       ["dricksvatten", "försörjning"])
        // Words the dictionary lacks still split against the index: a name as the head.
        let names = Lexicon(["vreta", "kluster"])
        XCTAssertEqual(splitter.split("vretaklustret", dictionary: lexicon, isWord: names.containsWord, isKey: names.containsKey),
                       ["vreta", "kluster"])
    }

    func testLemmaKeys() throws {
        let lexicon = try HunspellFixtures.swedish()
        XCTAssertEqual(SwedishInflection.keys("vapnen", dictionary: lexicon), ["vapen"])
        XCTAssertEqual(SwedishInflection.keys("vapnen", dictionary: nil), [SwedishInflection.key("vapnen")])
        // An unknown compound: its head plus the last part's lemma.
        let forms = ["dricksvattenförsörjningen", "dricksvattenförsörjningens", "dricksvattenförsörjning"]
        for form in forms {
            XCTAssertTrue(lexicon.lemmas(of: form).isEmpty, "\(form) is not in sv_SE")
            XCTAssertEqual(SwedishInflection.keys(form, dictionary: lexicon), ["dricksvattenförsörjning"], form)
        }
        // Words neither the dictionary nor a compound of it knows keep the rules' key.
        XCTAssertEqual(SwedishInflection.keys("vretakluster", dictionary: lexicon), [SwedishInflection.key("vretakluster")])
        XCTAssertEqual(SwedishInflection.keys("agtech", dictionary: lexicon), [SwedishInflection.key("agtech")])
    }

    func testAnalyzerWithDictionary() throws {
        let lexicon = try HunspellFixtures.swedish()
        let text = "Vapnen och numret i öknen: dricksvattenförsörjningen."
        let plain = Analyzer().analyze(text)
        XCTAssertEqual(plain.map(\.lemmas), [[], [], [], [], [], []], "no dictionary, no lemmas")
        let analyzed = Analyzer(dictionary: lexicon).analyze(text)
        XCTAssertEqual(analyzed.map(\.lemmas), [["vapen"], ["och"], ["nummer"], ["i"], ["öken"], ["dricksvattenförsörjning"]])
        XCTAssertEqual(analyzed.last?.compoundParts, ["dricksvatten", "försörjning"])
        XCTAssertEqual(analyzed.map(\.inflectionKey), plain.map(\.inflectionKey), "the rule key is unchanged")
        let standalone = Analyzer(dictionary: lexicon).analyzeStandalone("livsmedelsstrategin")
        XCTAssertEqual(standalone.first?.compoundParts, ["livsmedel", "strategi"])
    }

    /// Without the package: nil and one reason; a malformed file: its file and line.
    func testLoadingWithoutOrWithABrokenDictionary() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("talks-no-such-dictionary/sv_SE.dic").path
        XCTAssertThrowsError(try SwedishLexicon.load(affixPath: HunspellFixtures.directory.appendingPathComponent("small.aff").path,
                                                     dictionaryPath: missing)) { error in
            XCTAssertEqual(error as? SwedishLexiconError, .notInstalled(path: missing))
            XCTAssertEqual("\(error)", "hunspell-sv-se is not installed (no \(missing)): Swedish analysis uses rules only "
                + "(no dictionary lemmas such as vapen/vapnet or öken/öknen, no compound parts the archive never says alone); "
                + "install it with Scripts/install-debian-packages.sh hunspell-sv-se for the dictionary's lemmas and compounds.")
        }
        let broken = HunspellFixtures.directory.appendingPathComponent("broken.aff").path
        let dictionary = HunspellFixtures.directory.appendingPathComponent("small.dic").path
        XCTAssertThrowsError(try SwedishLexicon.load(affixPath: broken, dictionaryPath: dictionary)) { error in
            XCTAssertEqual(error as? SwedishLexiconError, .malformed(HunspellError(
                path: broken, line: 3, problem: .missingTableLines(directive: "SFX", expected: 2, found: 1))))
            XCTAssertTrue("\(error)".contains("broken.aff:3: the file ends inside a SFX table"), "\(error)")
        }
        let loaded = try SwedishLexicon.load(affixPath: HunspellFixtures.directory.appendingPathComponent("small.aff").path,
                                             dictionaryPath: dictionary)
        XCTAssertEqual(loaded.lemmas(of: "vapnen"), ["vapen"])
    }
}
