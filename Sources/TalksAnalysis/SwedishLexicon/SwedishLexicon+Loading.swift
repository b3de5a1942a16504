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
        let consequence = "Swedish analysis uses rules only (no dictionary lemmas such as vapen/vapnet or öken/öknen, "
            + "no compound parts the archive never says alone)"
        switch self {
        case .notInstalled(let path):
            return "hunspell-sv-se is not installed (no \(path)): " + consequence
                + "; install it with Scripts/install-debian-packages.sh hunspell-sv-se for the dictionary's lemmas and compounds."
        case .unreadable(let path, let reason):
            return "The Swedish dictionary \(path) cannot be read: \(reason); " + consequence + "."
        case .malformed(let error):
            return "The Swedish dictionary cannot be used: \(error) " + consequence + "."
        }
    }
}

extension SwedishLexicon {
    /// Where Debian's `hunspell-sv-se` (via `hunspell-sv`) installs the dictionary.
    public static let defaultAffixPath = "/usr/share/hunspell/sv_SE.aff"
    public static let defaultDictionaryPath = "/usr/share/hunspell/sv_SE.dic"

    /// The environment variable naming another folder holding `sv_SE.aff` and `sv_SE.dic`
    /// (instead of `/usr/share/hunspell`): for a dictionary installed elsewhere, and for
    /// tests of the lexicon-less path (a folder without them).
    public static let directoryVariable = "TALKS_HUNSPELL_DIR"

    /// The affix and dictionary paths to use: in `$TALKS_HUNSPELL_DIR` when it is set and
    /// not empty, else Debian's.
    public static var configuredPaths: (affix: String, dictionary: String) {
        guard let pointer = getenv(directoryVariable), case let folder = String(cString: pointer), !folder.isEmpty else {
            return (defaultAffixPath, defaultDictionaryPath)
        }
        let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        return (base + "/sv_SE.aff", base + "/sv_SE.dic")
    }

    /// Builds the lexicon from a Hunspell affix and dictionary file pair.
    public init(affixes: AffixFile, dictionary: DictionaryFile) {
        self = SwedishLexiconBuilder.build(affixes: affixes, dictionary: dictionary)
    }

    /// Reads and builds the lexicon from the two files (by default Debian's sv_SE), or
    /// reads it from its on-disk cache (`SwedishLexiconCache`) when the files have not
    /// changed since it was written. Building takes about half a second of CPU and 33 MB
    /// of tables for sv_SE (release build; see `LexiconFiguresTests`), reading the cache a
    /// few tens of milliseconds: share one (`shared`) rather than loading again.
    public static func load(
        affixPath: String = defaultAffixPath, dictionaryPath: String = defaultDictionaryPath
    ) throws(SwedishLexiconError) -> SwedishLexicon {
        let dictionaryStatus = try status(dictionaryPath)
        let affixStatus = try status(affixPath)
        let cache = SwedishLexiconCache.path(affix: affixStatus, dictionary: dictionaryStatus,
                                             affixPath: affixPath, dictionaryPath: dictionaryPath)
        if let cache, let cached = SwedishLexiconCache.read(cache) { return cached }
        let lexicon = try build(affixPath: affixPath, dictionaryPath: dictionaryPath)
        if let cache { SwedishLexiconCache.write(lexicon, to: cache) }
        return lexicon
    }

    /// Reads and builds the lexicon from the two files, without the cache.
    public static func build(
        affixPath: String = defaultAffixPath, dictionaryPath: String = defaultDictionaryPath
    ) throws(SwedishLexiconError) -> SwedishLexicon {
        let affixBytes = try read(affixPath)
        let dictionaryBytes = try read(dictionaryPath)
        do {
            let affixes = try AffixFile(bytes: affixBytes, path: affixPath)
            let dictionary = try DictionaryFile(bytes: dictionaryBytes, path: dictionaryPath, affixes: affixes)
            var lexicon = SwedishLexicon(affixes: affixes, dictionary: dictionary)
            let hash = FNV1a.hash(dictionaryBytes) ^ (FNV1a.hash(affixBytes) &* 31)
            let hex = String(hash, radix: 16)
            lexicon.version = "sv_SE " + String(repeating: "0", count: max(0, 16 - hex.count)) + hex
            return lexicon
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
        let paths = configuredPaths
        return try load(affixPath: paths.affix, dictionaryPath: paths.dictionary)
    }

    private static func status(_ path: String) throws(SwedishLexiconError) -> stat {
        do {
            return try SystemFile.status(path)
        } catch {
            if error.code == ENOENT { throw .notInstalled(path: path) }
            throw .unreadable(path: path, reason: error.reason)
        }
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
