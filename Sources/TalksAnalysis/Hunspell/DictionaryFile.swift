/// A Hunspell dictionary file (`.dic`): the words, each with the flags of its affix
/// classes and properties.
///
/// The first line is the (approximate) number of entries; each further line is
/// `word[/flags][<tab>morphology]`. A `\/` in the word is a slash of the word itself.
/// Words may hold spaces (sv_SE has phrases such as `bästa vän`): only a tab ends the
/// word and flags. Empty lines and lines starting with a tab are skipped, as Hunspell
/// skips them. The flags are read with the affix file's flag type or `AF` aliases.
public struct DictionaryFile: Sendable {
    /// One word of the dictionary with its flags.
    public struct Entry: Hashable, Sendable {
        /// The word as written (case kept: `Göran`, `vapen`).
        public var word: String
        /// Its flags, sorted.
        public var flags: [HunspellFlag]
        /// The 1-based line it was read from.
        public var line: Int
    }

    /// The entries in file order.
    public internal(set) var entries: [Entry] = []
    /// The count the first line announces (Hunspell treats it as a size hint only).
    public let declaredCount: Int
    /// The path the file was read from.
    public let path: String

    /// Reads a dictionary file whose flags `affixes` describes. `path` names it in errors.
    public init(bytes: [UInt8], path: String, affixes: AffixFile) throws(HunspellError) {
        self.path = path
        var declared: Int?
        var entries: [Entry] = []
        let encoding = affixes.textEncoding
        // The flags of identical flag fields are read once: sv_SE's 152,000 entries use
        // about 3,000 different ones.
        var flagsOfField: [Substring: [HunspellFlag]] = [:]
        try HunspellText.forEachLine(in: bytes) { number, range throws(HunspellError) in
            func fail(_ problem: HunspellError.Problem) -> HunspellError {
                HunspellError(path: path, line: number, problem: problem)
            }
            guard let text = HunspellText.decode(bytes, range, as: encoding) else {
                throw fail(.invalidEncoding(encoding: encoding.name))
            }
            guard declared != nil else {
                let fields = HunspellText.fields(of: text.replacingByteOrderMark())
                guard fields.count >= 1, let count = Int(fields[0]), count >= 0 else { throw fail(.missingEntryCount(text: text)) }
                declared = count
                return
            }
            guard let first = text.unicodeScalars.first, first != "\t" else { return }
            let (word, flagText) = Self.split(text)
            guard !word.isEmpty else { throw fail(.emptyWord) }
            var flags: [HunspellFlag] = []
            if let flagText, !flagText.isEmpty {
                if let known = flagsOfField[flagText] {
                    flags = known
                } else {
                    switch affixes.flags(flagText) {
                    case .success(let parsed): flags = parsed
                    case .failure(let problem): throw fail(problem)
                    }
                    flagsOfField[flagText] = flags
                }
            }
            entries.append(Entry(word: word, flags: flags, line: number))
        }
        guard let declared else {
            throw HunspellError(path: path, line: nil, problem: .missingEntryCount(text: ""))
        }
        declaredCount = declared
        self.entries = entries
    }

    /// The word and the flag field of a line: up to the first tab, split at the first
    /// slash that no backslash escapes (`\/` is a slash of the word).
    static func split(_ line: String) -> (word: String, flags: Substring?) {
        let utf8 = line.utf8
        let end = utf8.firstIndex(of: 0x09) ?? utf8.endIndex
        var index = utf8.startIndex
        var hasEscape = false
        while index < end {
            let byte = utf8[index]
            if byte == 0x5C {
                hasEscape = true
                index = utf8.index(after: index)
                if index < end { index = utf8.index(after: index) }
                continue
            }
            if byte == 0x2F { break }
            index = utf8.index(after: index)
        }
        let wordPart = line[line.startIndex..<index]
        let word = hasEscape ? unescaped(wordPart) : String(wordPart)
        guard index < end else { return (word, nil) }
        return (word, line[utf8.index(after: index)..<end])
    }

    /// `text` with each backslash escape replaced by the character it escapes.
    private static func unescaped(_ text: Substring) -> String {
        var result = String.UnicodeScalarView()
        var escaped = false
        for scalar in text.unicodeScalars {
            if scalar == "\\" && !escaped {
                escaped = true
                continue
            }
            result.append(scalar)
            escaped = false
        }
        return String(result)
    }
}

extension String {
    /// The string without a leading byte order mark (U+FEFF), which some editors write.
    fileprivate func replacingByteOrderMark() -> String {
        unicodeScalars.first == "\u{FEFF}" ? String(unicodeScalars.dropFirst()) : self
    }
}
