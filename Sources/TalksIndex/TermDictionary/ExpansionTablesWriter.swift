import TalksAnalysis
import TalksSystem

/// The sorted terms of a segment with their inflection and folded keys and, with a
/// lexicon, their lemma keys (`SwedishLexicon.lemmaKeys`), computed on `workers` threads
/// before the expansion tables are written.
struct Vocabulary: Sendable {
    var terms: [String]
    var keys: [String]
    var folded: [String]
    /// Per term its lemma keys; all empty without a lexicon.
    var lemmaKeys: [[String]]

    init(terms: [String], workers: Int, dictionary: SwedishLexicon? = nil) {
        let keyed = Parallel.map(count: terms.count, workers: workers) { index in
            let term = terms[index]
            let key = ExpansionKeys.inflection(term)
            // `ExpansionKeys.folded` is the key of the folded term: a term folding cannot
            // change (most are ASCII) has its inflection key, not computed twice.
            let folding = AsciiFolder.fold(term)
            let folded = folding == term ? key : ExpansionKeys.inflection(folding)
            return (key, folded, dictionary?.lemmaKeys(of: term) ?? [])
        }
        self.terms = terms
        keys = keyed.map(\.0)
        folded = keyed.map(\.1)
        lemmaKeys = keyed.map(\.2)
    }

    /// What this vocabulary adds to the compound splitter's lexicon: terms and keys.
    func addLexicon(to lexicon: inout CompoundLexicon) {
        for term in terms { lexicon.insert(word: term) }
        for key in keys { lexicon.insert(key: key) }
    }
}

/// The words and the inflection keys the compound splitter may build compounds from:
/// every term of the index and every term's key, plus TalksAnalysis's common Swedish words
/// (so `kostchef` splits even in an archive where nobody says `chef` alone), kept apart so
/// the splitter can apply its stricter rules (a head must be a word as written or nearly
/// so; only the last part may be recognised by its key:
/// `CompoundSplitter.split(_:isWord:isKey:)`).
///
/// Both sets are byte-keyed hash tables (`TermTable`: UTF-8 bytes in one arena, FNV hash,
/// `memcmp`), not `Set<String>`: the splitter asks several times per candidate part, and
/// `String` hashing was a third of its time. Everything stored is NFC (terms, their
/// keys, the normalised common words), so byte equality is the same as `String` equality.
struct CompoundLexicon: Sendable {
    var words = TermTable()
    var keys = TermTable()

    mutating func insert(word: String) { Self.insert(word, into: &words) }
    mutating func insert(key: String) { Self.insert(key, into: &keys) }

    func contains(word: String) -> Bool { Self.contains(word, in: words) }
    func contains(key: String) -> Bool { Self.contains(key, in: keys) }

    /// Heap bytes held.
    var memoryBytes: Int { words.memoryBytes + keys.memoryBytes }

    private static func insert(_ text: String, into table: inout TermTable) {
        var text = text
        text.withUTF8 { utf8 in
            let bytes = UnsafeRawBufferPointer(utf8)
            _ = table.intern(bytes, hash: TermHash.hash(bytes))
        }
    }

    @inline(__always)
    private static func contains(_ text: String, in table: TermTable) -> Bool {
        var text = text
        return text.withUTF8 { utf8 in
            let bytes = UnsafeRawBufferPointer(utf8)
            return table.find(bytes, hash: TermHash.hash(bytes)) != nil
        }
    }

    /// The common Swedish words and their keys, computed once.
    static let common: CompoundLexicon = {
        var lexicon = CompoundLexicon()
        for word in CommonSwedishWords.words {
            let normalized = Normalizer.normalize(word)
            lexicon.insert(word: normalized)
            lexicon.insert(key: ExpansionKeys.inflection(normalized))
        }
        return lexicon
    }()
}

/// Builds the five expansion maps of a segment from its sorted vocabulary
/// (FORMAT.md, "Expansions"); the reader is `ExpansionTablesReader`.
///
/// - inflection: `ExpansionKeys.inflection(term)` → terms
/// - folded: `ExpansionKeys.folded(term)` → terms
/// - compound part: for each term that `CompoundSplitter` splits (its stricter split, with
///   words and keys apart), the inflection key of each part → the term. The lexicon is
///   every term and every inflection key of the whole index as of the commit (this
///   segment and the live segments), so a one-episode segment still splits `kostchef`
///   when `kost` was said in another episode. With the Swedish dictionary the split also
///   takes the dictionary's compound roles and its parts are lemmas
///   (`CompoundSplitter.split(_:dictionary:isWord:isKey:)`).
/// - lemma and lemma form: `LemmaTablesWriter` (empty without the dictionary).
/// Compound splitting runs on `workers` threads.
enum ExpansionTablesWriter {
    static func build(
        _ vocabulary: Vocabulary, lexicon: CompoundLexicon, dictionary: SwedishLexicon? = nil, workers: Int
    ) -> [[UInt8]] {
        let terms = vocabulary.terms
        let keys = vocabulary.keys
        let folded = vocabulary.folded
        let count = terms.count
        // Many small slices rather than one per thread: the other branch of the flush is
        // busy writing postings at first, so idle threads pick up slices as they free up.
        let slices = workers > 1 ? max(16, workers * 8) : 1
        var clock = PhaseClock()
        defer { clock.report("expansion tables, inside") }
        let isWord: (String) -> Bool = { lexicon.contains(word: $0) }
        let isKey: (String) -> Bool = { lexicon.contains(key: $0) }
        // Slice `s` splits terms s, s + slices, …: one splitter per slice.
        let splits = Parallel.map(count: slices, workers: slices) { slice -> [(Int, [String])] in
            let splitter = CompoundSplitter()
            var found: [(Int, [String])] = []
            for index in stride(from: slice, to: count, by: slices)
            where terms[index].utf8.count >= 2 * splitter.minimumPartLength {
                let split = dictionary.map { splitter.split(terms[index], dictionary: $0, isWord: isWord, isKey: isKey) }
                    ?? splitter.split(terms[index], isWord: isWord, isKey: isKey)
                if let split { found.append((index, split)) }
            }
            return found
        }
        var parts = [[String]?](repeating: nil, count: count)
        for (index, split) in splits.joined() { parts[index] = split }
        clock.lap("compound splitting")
        var inflectionPairs = KeyListTable.Builder(capacity: count)
        var foldedPairs = KeyListTable.Builder(capacity: count)
        var partPairs = KeyListTable.Builder(capacity: count)
        for index in 0..<count {
            inflectionPairs.append(keys[index], UInt32(index))
            foldedPairs.append(folded[index], UInt32(index))
            if let split = parts[index] {
                // A term is listed once per distinct part key (a split has at most four parts).
                var seen: [String] = []
                for part in split {
                    let key = ExpansionKeys.inflection(part)
                    if !seen.contains(key) {
                        seen.append(key)
                        partPairs.append(key, UInt32(index))
                    }
                }
            }
        }
        let sections = inflectionPairs.table().sections + foldedPairs.table().sections + partPairs.table().sections
        clock.lap("inflection, folded and part maps")
        let lemmaSections = LemmaTablesWriter.build(vocabulary, dictionary: dictionary, workers: workers)
        clock.lap("lemma maps")
        return sections + lemmaSections
    }
}
