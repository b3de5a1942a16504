/// The paradigm joins of `SwedishLexiconBuilder`: lemmas of entries that are forms of
/// another entry's word (a plural stem, a compound-only stem), redirected to that word,
/// and plurals listed under a syncopated stem, added to their singular's paradigm.
/// See `SwedishLexiconBuilder` for the rules and their evidence.
struct ParadigmJoins {
    let lemmas: FormTable
    let forms: FormTable
    /// Whether a lemma has an entry that is a word on its own.
    let standalone: [Bool]
    /// The forms of each lemma, `form index << 8 | roles`:
    /// `formsOfLemma[lemmaStarts[l]..<lemmaStarts[l + 1]]`.
    private var lemmaStarts: [Int]
    private var formsOfLemma: [Int]
    /// The lemma each lemma is joined to (itself when not joined).
    private var redirect: [Int]

    init(lemmas: FormTable, forms: FormTable, pairs: [UInt64], standalone: [Bool]) {
        self.lemmas = lemmas
        self.forms = forms
        self.standalone = standalone
        var starts = [Int](repeating: 0, count: lemmas.count + 1)
        for pair in pairs { starts[Int(pair >> 8 & 0xFF_FFFF) + 1] += 1 }
        for index in 0..<lemmas.count { starts[index + 1] += starts[index] }
        var next = starts
        var members = [Int](repeating: 0, count: pairs.count)
        for pair in pairs {
            let lemma = Int(pair >> 8 & 0xFF_FFFF)
            members[next[lemma]] = Int(pair >> 32) << 8 | Int(pair & 0xFF)
            next[lemma] += 1
        }
        lemmaStarts = starts
        formsOfLemma = members
        redirect = Array(0..<lemmas.count)
    }

    /// How many lemmas were joined to another.
    var joinedCount: Int { redirect.indices.lazy.filter { redirect[$0] != $0 }.count }

    /// The final lemma of each lemma (joins followed to their end; a join never chains
    /// more than twice, and a cycle, which the rules cannot make, stops at its start).
    func resolvedRedirects() -> [Int] {
        redirect.indices.map { start in
            var lemma = start
            for _ in 0..<4 where redirect[lemma] != lemma { lemma = redirect[lemma] }
            return lemma
        }
    }

    /// `fibrer` → `fiber`: plural stems listed as entries of their own.
    mutating func joinPluralStems() {
        let a: UInt32 = 0x61, e: UInt32 = 0x65, o: UInt32 = 0x6F, r: UInt32 = 0x72, n: UInt32 = 0x6E, t: UInt32 = 0x74
        for lemma in 0..<lemmas.count where standalone[lemma] {
            let plural = scalars(lemmas.string(at: lemma))
            let count = plural.count
            guard count >= 5, plural[count - 1] == r, [a, e, o].contains(plural[count - 2]) else { continue }
            // Only plural forms: the definite plural, no definite singular.
            guard has(lemma, plural + [n, a]),
                  !has(lemma, plural + [n]), !has(lemma, plural + [e, n]), !has(lemma, plural + [e, t]), !has(lemma, plural + [t])
            else { continue }
            let stem = Array(plural[0..<(count - 2)])
            let last = stem[stem.count - 1], beforeLast = stem[stem.count - 2]
            guard Self.isConsonant(last), Self.isConsonant(beforeLast) else { continue }
            let base = Array(stem[0..<(stem.count - 1)])
            // fibr → fiber; numr → nummer; kamr → kammare, -are nouns with the vowel dropped.
            for candidate in [base + [e, last], base + [beforeLast, e, last], base + [a, last, e], base + [beforeLast, a, last, e]] {
                guard let singular = lemmas.find(string(candidate)), singular != lemma, standalone[singular],
                      isSingularWithoutPlural(singular, text: candidate, syncopatedStem: stem)
                else { continue }
                redirect[lemma] = singular
                break
            }
        }
    }

    /// `abborr` → `abborre`, `kyrko` → `kyrka`: compound-only stems that are the compound
    /// form of a word: the word plus `e` or `a`, with its final vowel changed to `a` or `e`
    /// (`kyrko`, `olje`, `sago`), or less a linking `s`.
    mutating func joinCompoundOnlyStems(compoundOnly: [Bool]) {
        let a: UInt32 = 0x61, e: UInt32 = 0x65, s: UInt32 = 0x73
        for lemma in 0..<lemmas.count where compoundOnly[lemma] && !standalone[lemma] && redirect[lemma] == lemma {
            let stem = scalars(lemmas.string(at: lemma))
            guard let last = stem.last else { continue }
            var candidates = [stem + [e], stem + [a]]
            if SwedishScalars.isVowel(last) && stem.count > 3 {
                candidates += [Array(stem.dropLast()) + [a], Array(stem.dropLast()) + [e]]
            }
            if stem.count > 3 && last == s { candidates.append(Array(stem.dropLast())) }
            for candidate in candidates {
                guard let word = lemmas.find(string(candidate)), standalone[word] else { continue }
                redirect[lemma] = word
                break
            }
        }
    }

    /// Whether `lemma` (written `text`) has a definite singular (`-n`, `-en`, `-et`, `-t`,
    /// or `-en`/`-et` on the syncopated stem: `sägnen`) and no plural in `-ar`/`-er`/`-or`.
    private func isSingularWithoutPlural(_ lemma: Int, text: [UInt32], syncopatedStem: [UInt32]) -> Bool {
        let e: UInt32 = 0x65, n: UInt32 = 0x6E, t: UInt32 = 0x74, a: UInt32 = 0x61, o: UInt32 = 0x6F, r: UInt32 = 0x72
        let definite = [text + [n], text + [e, n], text + [e, t], text + [t], syncopatedStem + [e, n], syncopatedStem + [e, t]]
        guard definite.contains(where: { $0 != text && has(lemma, $0) }) else { return false }
        for position in lemmaStarts[lemma]..<lemmaStarts[lemma + 1] {
            let form = scalars(forms.string(at: formsOfLemma[position] >> 8))
            guard form != text, form.count >= 3, form[form.count - 1] == r else { continue }
            if [a, e, o].contains(form[form.count - 2]) { return false }
        }
        return true
    }

    /// Whether `form` is one of `lemma`'s forms.
    private func has(_ lemma: Int, _ form: [UInt32]) -> Bool {
        guard let index = forms.find(string(form)) else { return false }
        return formsOfLemma[lemmaStarts[lemma]..<lemmaStarts[lemma + 1]].contains { $0 >> 8 == index }
    }

    /// `regler` → `regel`, `semestrar` → `semester`: the plurals of a common-gender noun in
    /// `-el`/`-en`/`-er` that has no plural of its own (`regel/AEfsY`) but whose syncopated
    /// stem plus `a` is an entry with those plurals (`regla/ADHINPY`: `regler`, `reglar`,
    /// also a verb). The plural forms (`-ar`/`-er`/`-or` with `-na`, `-nas`, `-s`) are added
    /// to the noun's paradigm as readings of their own; the `-a` entry keeps them too.
    /// Neuter nouns (`vatten`, definite `vattnet`) are left alone: their plural is the
    /// singular, and `vattnar` is the verb `vattna`'s; so is an `-a` entry that is a noun of
    /// its own (`känsla`, `känslan`: `känslor` is not `känsel`'s). The `-a` entry is often a
    /// verb as well, whose present tense in `-ar` then comes along (`handlar` joins `handel`
    /// as well as `handla`): sv_SE's flags cannot tell the plural `kablar` from the verb form.
    /// Returns the added readings as `form index << 32 | lemma << 8 | roles`.
    func borrowedPlurals() -> [UInt64] {
        let a: UInt32 = 0x61, e: UInt32 = 0x65, o: UInt32 = 0x6F, r: UInt32 = 0x72, n: UInt32 = 0x6E
        let t: UInt32 = 0x74, s: UInt32 = 0x73, l: UInt32 = 0x6C
        var added: [UInt64] = []
        for lemma in 0..<lemmas.count where standalone[lemma] && redirect[lemma] == lemma {
            let singular = scalars(lemmas.string(at: lemma))
            let count = singular.count
            guard count >= 5, [l, n, r].contains(singular[count - 1]), singular[count - 2] == e,
                  Self.isConsonant(singular[count - 3])
            else { continue }
            let stem = Array(singular[0..<(count - 2)]) + [singular[count - 1]]
            // Common gender, definite in -n; not neuter (-et on either stem).
            guard has(lemma, singular + [n]), !has(lemma, singular + [e, t]), !has(lemma, stem + [e, t]),
                  isSingularWithoutPlural(lemma, text: singular, syncopatedStem: stem),
                  let source = lemmas.find(string(stem + [a])), source != lemma, standalone[source],
                  // The -a entry is no noun of its own (`känsla`, definite `känslan`, keeps `känslor`).
                  !has(source, stem + [a, n])
            else { continue }
            var plurals = Set<String>()
            for ending in [[a, r], [e, r], [o, r]] {
                for tail in [[], [n, a], [n, a, s], [s]] as [[UInt32]] { plurals.insert(string(stem + ending + tail)) }
            }
            for position in lemmaStarts[source]..<lemmaStarts[source + 1] {
                let packed = formsOfLemma[position]
                guard plurals.contains(forms.string(at: packed >> 8)) else { continue }
                added.append(UInt64(packed >> 8) << 32 | UInt64(lemma) << 8 | UInt64(packed & 0xFF))
            }
        }
        return added
    }

    private func scalars(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }

    private func string(_ scalars: [UInt32]) -> String {
        var text = String.UnicodeScalarView()
        for value in scalars { if let scalar = Unicode.Scalar(value) { text.append(scalar) } }
        return String(text)
    }

    private static func isConsonant(_ value: UInt32) -> Bool {
        guard let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic else { return false }
        return !SwedishScalars.isVowel(value) && value != 0xE9
    }
}
