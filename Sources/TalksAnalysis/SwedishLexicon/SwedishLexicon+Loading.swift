#if canImport(Glibc)
import Glibc
#endif
import TalksModel
import TalksSystem

/// Why the Swedish lexicon is not available. Analysis goes on without it (the rules of
/// `SwedishInflection` and the index's own vocabulary for compounds); the caller says so
/// once, with this error's description.
public enum SwedishLexiconError: TalksError, Hashable {
    /// The dictionary file does not exist: the Debian package is not installed.
    case notInstalled(path: String)
    /// The file exists but could not be read (`reason` names errno in words).
    case unreadable(path: String, reason: String)
    /// The file could be read but not parsed.
    case malformed(HunspellError)

    public var description: String {
        let consequence = "talks analyses Swedish with its built-in rules only (no dictionary lemmas, no dictionary compound parts)."
        switch self {
        case .notInstalled(let path):
            return "The Swedish dictionary \(path) is not installed (Debian package hunspell-sv-se; "
                + "Scripts/install-debian-packages.sh hunspell-sv-se installs it); " + consequence
        case .unreadable(let path, let reason):
            return "The Swedish dictionary \(path) cannot be read: \(reason); " + consequence
        case .malformed(let error):
            return "The Swedish dictionary cannot be used: \(error) " + consequence
        }
    }
}

extension SwedishLexicon {
    /// Where Debian's `hunspell-sv-se` (via `hunspell-sv`) installs the dictionary.
    public static let defaultAffixPath = "/usr/share/hunspell/sv_SE.aff"
    public static let defaultDictionaryPath = "/usr/share/hunspell/sv_SE.dic"

    /// Builds the lexicon from a Hunspell affix and dictionary file pair.
    public init(affixes: AffixFile, dictionary: DictionaryFile) {
        self = SwedishLexiconBuilder.build(affixes: affixes, dictionary: dictionary)
    }

    /// Reads and builds the lexicon from the two files (by default Debian's sv_SE).
    /// Takes about half a second of CPU and 33 MB of tables for sv_SE (release build; see
    /// `LexiconFiguresTests`): share one (`shared`) rather than loading again.
    public static func load(
        affixPath: String = defaultAffixPath, dictionaryPath: String = defaultDictionaryPath
    ) throws(SwedishLexiconError) -> SwedishLexicon {
        let affixBytes = try read(affixPath)
        let dictionaryBytes = try read(dictionaryPath)
        do {
            let affixes = try AffixFile(bytes: affixBytes, path: affixPath)
            let dictionary = try DictionaryFile(bytes: dictionaryBytes, path: dictionaryPath, affixes: affixes)
            return SwedishLexicon(affixes: affixes, dictionary: dictionary)
        } catch {
            throw .malformed(error)
        }
    }

    /// The lexicon of the default files, loaded on first use and shared by the whole
    /// process (Swift runs a static's initialiser once, thread-safely); nil when it is
    /// unavailable, and `sharedUnavailableReason` says why.
    public static var shared: SwedishLexicon? { try? sharedResult.get() }

    /// Why `shared` is nil (for the one message a caller prints), or nil when it loaded.
    public static var sharedUnavailableReason: SwedishLexiconError? {
        if case .failure(let error) = sharedResult { return error }
        return nil
    }

    private static let sharedResult: Result<SwedishLexicon, SwedishLexiconError> = Result { () throws(SwedishLexiconError) in
        try load()
    }

    private static func read(_ path: String) throws(SwedishLexiconError) -> [UInt8] {
        do {
            return try SystemFile.readFile(path)
        } catch {
            if error.code == ENOENT { throw .notInstalled(path: path) }
            throw .unreadable(path: path, reason: error.reason)
        }
    }
}
