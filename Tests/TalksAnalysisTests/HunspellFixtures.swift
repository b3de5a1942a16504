import Foundation
import XCTest
import TalksAnalysis

/// The Hunspell files the tests read: the small fixtures in `Fixtures/hunspell/` and, when
/// Debian's hunspell-sv-se is installed, the real sv_SE dictionary (shared by all tests of
/// a process, loaded once).
enum HunspellFixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/hunspell")

    /// The bytes of a fixture file.
    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: directory.appendingPathComponent(name)))
    }

    /// The affix file and dictionary of fixture `name` (`small` → small.aff, small.dic).
    static func files(_ name: String) throws -> (AffixFile, DictionaryFile) {
        let affixes = try AffixFile(bytes: bytes("\(name).aff"), path: "\(name).aff")
        let dictionary = try DictionaryFile(bytes: bytes("\(name).dic"), path: "\(name).dic", affixes: affixes)
        return (affixes, dictionary)
    }

    /// The lexicon of fixture `name`.
    static func lexicon(_ name: String) throws -> SwedishLexicon {
        let (affixes, dictionary) = try files(name)
        return SwedishLexicon(affixes: affixes, dictionary: dictionary)
    }

    /// The affix file of `text` (for one-line error cases).
    static func affixFile(_ text: String, path: String = "test.aff") throws -> AffixFile {
        try AffixFile(bytes: Array(text.utf8), path: path)
    }

    /// The real sv_SE lexicon, or an XCTSkip naming the missing package (CI installs it:
    /// `.ci/run` runs `Scripts/install-debian-packages.sh hunspell-sv-se`).
    static func swedish() throws -> SwedishLexicon {
        if let lexicon = SwedishLexicon.shared { return lexicon }
        let reason = SwedishLexicon.sharedUnavailableReason.map { "\($0)" } ?? "unknown"
        if case .notInstalled = SwedishLexicon.sharedUnavailableReason {
            throw XCTSkip("hunspell-sv-se is not installed (\(SwedishLexicon.defaultDictionaryPath)); install it with Scripts/install-debian-packages.sh hunspell-sv-se. \(reason)")
        }
        XCTFail("the installed sv_SE dictionary did not load: \(reason)")
        throw XCTSkip("sv_SE did not load")
    }
}
