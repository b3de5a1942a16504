import Foundation
import XCTest
import TalksAnalysis
#if canImport(Glibc)
import Glibc
#endif

/// The on-disk cache of a built lexicon (`SwedishLexiconCache`, through `SwedishLexicon.load`):
/// written on the first load, read back with the same answers and version, ignored and
/// rewritten when damaged (never a crash), and a new file when the sources change.
final class SwedishLexiconCacheTests: XCTestCase {
    private var scratch = URL(fileURLWithPath: "/")
    private var savedCacheHome: String?

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("talks-lexicon-cache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        savedCacheHome = getenv("XDG_CACHE_HOME").map { String(cString: $0) }
        setenv("XDG_CACHE_HOME", scratch.appendingPathComponent("cache").path, 1)
        for name in ["small.aff", "small.dic"] {
            try FileManager.default.copyItem(at: HunspellFixtures.directory.appendingPathComponent(name),
                                             to: scratch.appendingPathComponent(name))
        }
    }

    override func tearDown() {
        if let savedCacheHome { setenv("XDG_CACHE_HOME", savedCacheHome, 1) } else { unsetenv("XDG_CACHE_HOME") }
        try? FileManager.default.removeItem(at: scratch)
    }

    private var affix: String { scratch.appendingPathComponent("small.aff").path }
    private var dictionary: String { scratch.appendingPathComponent("small.dic").path }

    private func cacheFiles() throws -> [String] {
        let folder = scratch.appendingPathComponent("cache/talks").path
        return try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".lexicon") }.sorted()
    }

    private func assertSameAnswers(_ lexicon: SwedishLexicon, _ built: SwedishLexicon, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(lexicon.version, built.version, file: file, line: line)
        XCTAssertEqual(lexicon.statistics, built.statistics, file: file, line: line)
        for form in ["vapnet", "numret", "lagret", "öknarna", "dricksvatten", "okänt"] {
            XCTAssertEqual(lexicon.lemmas(of: form), built.lemmas(of: form), form, file: file, line: line)
            XCTAssertEqual(lexicon.roles(of: form), built.roles(of: form), form, file: file, line: line)
        }
        XCTAssertEqual(lexicon.paradigm(of: "vapen"), built.paradigm(of: "vapen"), file: file, line: line)
    }

    func testTheCacheIsWrittenOnceReadBackAndRebuiltWhenDamaged() throws {
        let built = try SwedishLexicon.build(affixPath: affix, dictionaryPath: dictionary)
        XCTAssertTrue(built.version.hasPrefix("sv_SE "), built.version)
        XCTAssertEqual(built.paradigm(of: "vapen"), ["vapen", "vapens", "vapnen", "vapnet", "vapnets"])

        let first = try SwedishLexicon.load(affixPath: affix, dictionaryPath: dictionary)
        assertSameAnswers(first, built)
        let files = try cacheFiles()
        XCTAssertEqual(files.count, 1)
        let path = scratch.appendingPathComponent("cache/talks/" + (files.first ?? "")).path
        assertSameAnswers(try SwedishLexicon.load(affixPath: affix, dictionaryPath: dictionary), built)

        // Damage of every kind: truncated, a flipped byte in a table, garbage. Each load
        // ignores the file, builds and writes it again.
        let whole = try Data(contentsOf: URL(fileURLWithPath: path))
        var flipped = whole
        flipped[whole.count / 2] ^= 0xFF
        var lengthLie = whole
        lengthLie[12] = 0xFF  // the version string's length
        for damaged in [whole.prefix(whole.count - 7), flipped, lengthLie, Data("TALKSLEX".utf8), Data()] {
            try damaged.write(to: URL(fileURLWithPath: path))
            let loaded = try SwedishLexicon.load(affixPath: affix, dictionaryPath: dictionary)
            XCTAssertEqual(loaded.lemmas(of: "vapnet"), ["vapen"])
            XCTAssertEqual(loaded.version, built.version)
        }

        // Changed sources: another file name, and the version follows the bytes.
        try (String(contentsOfFile: dictionary, encoding: .utf8) + "").appending("\n").write(toFile: dictionary, atomically: false, encoding: .utf8)
        let changed = try SwedishLexicon.load(affixPath: affix, dictionaryPath: dictionary)
        XCTAssertNotEqual(changed.version, built.version)
        XCTAssertEqual(try cacheFiles().count, 2)
    }

    func testTheCacheCanBeSwitchedOff() throws {
        setenv("TALKS_LEXICON_CACHE", "off", 1)
        defer { unsetenv("TALKS_LEXICON_CACHE") }
        _ = try SwedishLexicon.load(affixPath: affix, dictionaryPath: dictionary)
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.appendingPathComponent("cache/talks").path))
    }
}
