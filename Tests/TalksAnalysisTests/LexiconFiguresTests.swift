import Foundation
import XCTest
import TalksAnalysis

/// Prints the Swedish lexicon's figures: load time and memory, lemma-key and splitting
/// rates against the rules-only peers, and what an index of a given vocabulary would store
/// for search to need no lexicon. Asserts nothing about speed; meaningful only in release:
/// `swift test -c release -Xswiftc -enable-testing --filter LexiconFiguresTests`.
final class LexiconFiguresTests: XCTestCase {
    private static func skipUnlessOptimized() throws {
        #if DEBUG
        throw XCTSkip("lexicon figures are printed in release builds only: swift test -c release -Xswiftc -enable-testing --filter LexiconFiguresTests")
        #endif
    }

    private static func cpuSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    private static func residentBytes() -> Int {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = statm.split(separator: " ")
        return fields.count > 1 ? (Int(fields[1]) ?? 0) * Int(sysconf(Int32(_SC_PAGESIZE))) : 0
    }

    /// Median wall and CPU seconds of `runs` runs of `body`.
    private func median(_ runs: Int, _ body: () throws -> Void) rethrows -> (wall: Double, cpu: Double) {
        var walls: [Double] = [], cpus: [Double] = []
        for _ in 0..<runs {
            let wall = DispatchTime.now().uptimeNanoseconds, cpu = Self.cpuSeconds()
            try body()
            walls.append(Double(DispatchTime.now().uptimeNanoseconds - wall) / 1e9)
            cpus.append(Self.cpuSeconds() - cpu)
        }
        return (walls.sorted()[runs / 2], cpus.sorted()[runs / 2])
    }

    func testPrintLoadTimeAndMemory() throws {
        try Self.skipUnlessOptimized()
        guard FileManager.default.fileExists(atPath: SwedishLexicon.defaultDictionaryPath) else {
            throw XCTSkip("hunspell-sv-se is not installed")
        }
        let before = Self.residentBytes()
        var lexicon = try SwedishLexicon.load()
        let grown = Self.residentBytes() - before
        let affixBytes = Array(try Data(contentsOf: URL(fileURLWithPath: SwedishLexicon.defaultAffixPath)))
        let dictionaryBytes = Array(try Data(contentsOf: URL(fileURLWithPath: SwedishLexicon.defaultDictionaryPath)))
        let parsing = try median(5) {
            let affixes = try AffixFile(bytes: affixBytes, path: "sv_SE.aff")
            _ = try DictionaryFile(bytes: dictionaryBytes, path: "sv_SE.dic", affixes: affixes)
        }
        let loading = try median(5) { lexicon = try SwedishLexicon.load() }
        let statistics = lexicon.statistics
        print("""
        Swedish lexicon (sv_SE, release build), medians of 5:
          load (read + parse + generate + tables): \(String(format: "%.3f", loading.wall)) s wall, \(String(format: "%.3f", loading.cpu)) s CPU
          of which reading and parsing both files: \(String(format: "%.3f", parsing.wall)) s wall, \(String(format: "%.3f", parsing.cpu)) s CPU
          tables: \(statistics.memoryBytes / 1_000_000) MB; resident set grew \(grown / 1_000_000) MB on the first load
          \(statistics.entries) entries (\(statistics.entriesUsed) used), \(statistics.surfaceForms) surface forms, \(statistics.lemmas) lemmas, \
        \(statistics.readings) readings, \(statistics.joinedLemmas) lemmas joined, \(statistics.borrowedPluralForms) plural forms borrowed
        """)
    }

    /// Lemma keys against the rules' key, and the dictionary split against the strict
    /// split, over the distinct words of Snowball's vocabulary: what ingest pays per term.
    func testPrintLemmaKeyAndSplittingRates() throws {
        try Self.skipUnlessOptimized()
        let lexicon = try HunspellFixtures.swedish()
        let words = try SharedTestData.lines("snowball-swedish/voc.txt")
        let index = Lexicon(words)
        let splitter = CompoundSplitter()
        var checksum = 0
        let rules = median(3) { for word in words { checksum &+= SwedishInflection.key(word).utf8.count } }
        let lemmas = median(3) { for word in words { checksum &+= SwedishInflection.keys(word, dictionary: lexicon).count } }
        let strict = median(3) { for word in words { checksum &+= splitter.split(word, lexicon: index)?.count ?? 0 } }
        let roles = median(3) {
            for word in words {
                checksum &+= splitter.split(word, dictionary: lexicon, isWord: index.containsWord, isKey: index.containsKey)?.count ?? 0
            }
        }
        func rate(_ seconds: Double) -> String { String(format: "%.2f µs/term", seconds / Double(words.count) * 1e6) }
        var strictSplits = 0, roleSplits = 0, known = 0, compoundKeyed = 0
        for word in words {
            if splitter.split(word, lexicon: index) != nil { strictSplits += 1 }
            if splitter.split(word, dictionary: lexicon, isWord: index.containsWord, isKey: index.containsKey) != nil { roleSplits += 1 }
            if !lexicon.lemmas(of: word).isEmpty { known += 1 } else if !lexicon.compoundLemmas(of: word).isEmpty { compoundKeyed += 1 }
        }
        print("""
        Per distinct term over voc.txt (\(words.count) words, checksum \(checksum)), medians of 3:
          rule key (today)                \(rate(rules.cpu))
          keys(_:dictionary:)             \(rate(lemmas.cpu))   \(known) known to sv_SE, \(compoundKeyed) more keyed as compounds
          strict split (today)            \(rate(strict.cpu))   \(strictSplits) split
          split with dictionary roles     \(rate(roles.cpu))   \(roleSplits) split
        """)
    }

    /// What an index of these words would store for search to need no lexicon: a key per
    /// term (the lemma instead of the rule key), and the paradigm of each lemma it keys by,
    /// so that a query form the index never saw (`vapnen` when only `vapnet` was said)
    /// finds its lemma.
    func testPrintIndexStorageForArchiveAndVocabulary() throws {
        try Self.skipUnlessOptimized()
        let lexicon = try HunspellFixtures.swedish()
        var formsOfLemma: [String: [String]] = [:]
        lexicon.forEachWordForm { form, lemmas in
            for lemma in lemmas { formsOfLemma[lemma, default: []].append(form) }
        }
        let tokenizer = Tokenizer()
        let archive = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("archive")
        var archiveWords = Set<String>()
        for folder in try FileManager.default.contentsOfDirectory(atPath: archive.path) {
            let url = archive.appendingPathComponent(folder).appendingPathComponent("transcript.vtt")
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            archiveWords.formUnion(tokenizer.tokens(in: text).map(\.term))
        }
        let vocabulary = Set(try SharedTestData.lines("snowball-swedish/voc.txt"))
        for (name, words) in [("sample archive transcripts", archiveWords), ("voc.txt", vocabulary)] {
            var ruleKeys = Set<String>(), lemmaKeys = Set<String>(), keyedLemmas = Set<String>()
            var ruleKeyBytes = 0, lemmaKeyBytes = 0, multiKeyTerms = 0, entries = 0
            for word in words {
                if ruleKeys.insert(SwedishInflection.key(word)).inserted { ruleKeyBytes += SwedishInflection.key(word).utf8.count }
                let known = lexicon.lemmaKeys(of: word)
                let keys = known.isEmpty ? [SwedishInflection.key(word)] : known
                entries += keys.count
                if keys.count > 1 { multiKeyTerms += 1 }
                for key in keys where lemmaKeys.insert(key).inserted { lemmaKeyBytes += key.utf8.count }
                keyedLemmas.formUnion(lexicon.lemmas(of: word))
            }
            var paradigmForms = 0, paradigmBytes = 0
            for lemma in keyedLemmas {
                for form in formsOfLemma[lemma] ?? [] where !words.contains(form) {
                    paradigmForms += 1
                    paradigmBytes += form.utf8.count
                }
            }
            // A sorted table of forms (bytes + 4-byte offset) with a 4-byte lemma-key ordinal each.
            let paradigmTable = paradigmBytes + paradigmForms * 8
            print("""
            Index storage for \(name) (\(words.count) distinct terms):
              inflection keys: \(ruleKeys.count) rule keys (\(ruleKeyBytes) B) → \(lemmaKeys.count) lemma/rule keys (\(lemmaKeyBytes) B), \
            \(entries) term entries (\(multiKeyTerms) terms under two keys or more)
              paradigm table: \(keyedLemmas.count) dictionary lemmas with \(paradigmForms) forms not in the vocabulary, \
            \(paradigmBytes) B of text, about \(paradigmTable / 1000) kB as a sorted table
            """)
        }
    }
}
