/// The Snowball Swedish stemmer, current algorithm (Snowball 3.x), ported to Swift.
///
/// Follows snowballstem.org's `swedish.sbl` including the 2023 `-öst` rule
/// (`barnröst` → `barnrös`) and the 2025 `-et`/`-ets` rules (`aftonbladet` → `aftonblad`,
/// guarded by `et_condition`). It reproduces every line of the Snowball test vocabulary
/// (`../shared/testdata/snowball-swedish/`); the test suite asserts that.
///
/// Works on an array of Unicode scalar values (Snowball counts in characters), never on
/// `Character`. Input is expected normalised (NFC, lowercase), as `Tokenizer` produces.
public enum SwedishStemmer {
    /// The stem of one normalised word.
    public static func stem(_ word: String) -> String {
        let byteCount = word.utf8.count
        if byteCount < 3 { return word }
        return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: byteCount) { buffer in
            var length = 0
            for scalar in word.unicodeScalars {
                buffer[length] = scalar.value
                length += 1
            }
            let stemmed = stem(buffer, length: length)
            if stemmed == length { return word }
            return SwedishScalars.string(buffer, length: stemmed)
        }
    }

    /// Stems the scalars `word[0..<length]` in place and returns the new length.
    static func stem(_ word: UnsafeMutableBufferPointer<UInt32>, length: Int) -> Int {
        let region = r1Start(word, length: length)
        var length = mainSuffix(word, length: length, region: region)
        length = consonantPair(word, length: length, region: region)
        return otherSuffix(word, length: length, region: region)
    }

    /// Snowball's steps after the main suffix (consonant pair, other suffixes), for a word
    /// whose main suffix the caller removed itself. Returns the new length.
    static func finishStem(_ word: UnsafeMutableBufferPointer<UInt32>, length: Int) -> Int {
        let region = r1Start(word, length: length)
        return otherSuffix(word, length: consonantPair(word, length: length, region: region), region: region)
    }

    /// R1: the region after the first non-vowel following a vowel, but not before index 3.
    static func r1Start(_ word: UnsafeMutableBufferPointer<UInt32>, length: Int) -> Int {
        if length < 3 { return length }
        var index = 0
        while index < length && !SwedishScalars.isVowel(word[index]) { index += 1 }
        if index >= length { return length }
        index += 1
        while index < length && SwedishScalars.isVowel(word[index]) { index += 1 }
        if index >= length { return length }
        return max(index + 1, 3)
    }

    private enum MainAction { case delete, sEnding, etEnding }

    /// Step 1 suffixes, longest first so the first match is Snowball's longest match.
    private static let mainSuffixes: [([UInt32], MainAction)] = {
        let deleting = [
            "heterna", "hetens", "anden", "andes", "andet", "arens", "arnas", "ernas", "heten",
            "heter", "ornas", "ande", "arna", "arne", "aren", "aste", "erna", "erns", "orna",
            "ades", "ade", "are", "ast", "ens", "ern", "het", "ad", "ar", "as", "at", "en", "er",
            "es", "or", "a", "e",
        ].map { (SwedishScalars.scalars($0), MainAction.delete) }
        let all = deleting + [(SwedishScalars.scalars("et"), .etEnding), (SwedishScalars.scalars("s"), .sEnding)]
        return all.sorted { $0.0.count > $1.0.count }
    }()

    private static func mainSuffix(_ word: UnsafeMutableBufferPointer<UInt32>, length: Int, region: Int) -> Int {
        guard let (suffix, action) = longestSuffix(in: word, length: length, region: region, among: mainSuffixes) else {
            return length
        }
        let start = length - suffix.count
        switch action {
        case .delete:
            return start
        case .etEnding:
            return etCondition(word, etStart: start) ? start : length
        case .sEnding:
            if start >= 2 && word[start - 2] == 0x65 && word[start - 1] == 0x74 && etCondition(word, etStart: start - 2) {
                return start - 2
            }
            if start >= 1 && SwedishScalars.isSEnding(word[start - 1]) { return start }
            return length
        }
    }

    /// Words ending in these before `-et` keep it (`fabet`, `paket`, `komet`, `kredit`...).
    private static let etExceptions: [[UInt32]] = [
        "fab", "h", "pak", "rak", "stak", "kom", "iet", "cit", "dit", "alit", "ilit", "mit",
        "nit", "pit", "rit", "sit", "tit", "uit", "ivit", "kvit", "xit",
    ].map(SwedishScalars.scalars)

    /// `-et` is removable after a vowel + non-vowel that does not start the word, unless
    /// the word before `-et` ends in one of the exceptions.
    private static func etCondition(_ word: UnsafeMutableBufferPointer<UInt32>, etStart: Int) -> Bool {
        guard etStart >= 3,
              !SwedishScalars.isVowel(word[etStart - 1]),
              SwedishScalars.isVowel(word[etStart - 2]) else { return false }
        for exception in etExceptions where exception.count <= etStart {
            if SwedishScalars.hasSuffix(word, length: etStart, exception) { return false }
        }
        return true
    }

    private static let consonantPairs: [[UInt32]] = ["dd", "gd", "nn", "dt", "gt", "kt", "tt"].map(SwedishScalars.scalars)

    private static func consonantPair(_ word: UnsafeMutableBufferPointer<UInt32>, length: Int, region: Int) -> Int {
        guard length - 2 >= region else { return length }
        for pair in consonantPairs where SwedishScalars.hasSuffix(word, length: length, pair) {
            return length - 1
        }
        return length
    }

    private enum OtherAction { case delete, ost, full }

    private static let otherSuffixes: [([UInt32], OtherAction)] = [
        (SwedishScalars.scalars("fullt"), .full), (SwedishScalars.scalars("lig"), .delete),
        (SwedishScalars.scalars("els"), .delete), (SwedishScalars.scalars("öst"), .ost),
        (SwedishScalars.scalars("ig"), .delete),
    ]

    private static func otherSuffix(_ word: UnsafeMutableBufferPointer<UInt32>, length: Int, region: Int) -> Int {
        guard let (suffix, action) = longestSuffix(in: word, length: length, region: region, among: otherSuffixes) else {
            return length
        }
        let start = length - suffix.count
        switch action {
        case .delete:
            return start
        case .full:
            return length - 1
        case .ost:
            // öst → ös after i, k, l, n, p, r, t, u or v (which may lie before R1).
            return start >= 1 && SwedishScalars.isOstEnding(word[start - 1]) ? length - 1 : length
        }
    }

    /// The first (longest) entry of `among` that is a suffix lying wholly within R1.
    @inline(__always)
    private static func longestSuffix<Action>(
        in word: UnsafeMutableBufferPointer<UInt32>, length: Int, region: Int, among: [([UInt32], Action)]
    ) -> ([UInt32], Action)? {
        guard length > region, length > 0 else { return nil }
        let last = word[length - 1]
        for entry in among where entry.0.count <= length - region && entry.0[entry.0.count - 1] == last {
            if SwedishScalars.hasSuffix(word, length: length, entry.0) { return entry }
        }
        return nil
    }
}
