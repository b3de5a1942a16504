/// Inflection keys: terms with equal keys are taken to be inflections of one another.
///
/// Snowball leaves the definite forms of vowel-final words alone (`torka` → `tork` but
/// `torkan` → `torkan`; `strategin` → `strategin`) and does not undo the dropped `e` of
/// `kluster`/`klustret` or `fågel`/`fåglar`. Apart from the irregular-plural table, the
/// key is a function of the Snowball stem, so it never separates what Snowball merges;
/// the rules below only add merges.
/// Each rule leaves at least `minimumLength` (3) letters, which keeps short words such as
/// `län`, `lån`, `ost`, `mat`, `vin` and `man` apart.
///
/// Before stemming, plurals with a vowel change are replaced by their singular from a small
/// table (`länder` → `land`, `bönder` → `bonde`, `byarna` → `by`; see
/// `SwedishIrregularPlurals`).
///
/// Rules, applied in this order to the stem:
/// 1. Genitive `-s` after a vowel, which Snowball keeps: `strategis` → `strategi`,
///    `torkans` → `torkan` (then 2).
/// 2. Definite `-n` after a vowel (after `e` only in `-ena` plurals leaving five letters:
///    `områdena`, not `förena`, `klena`; `helene`, `kostenheten` keep their `-en`): `torkan` → `torka` → stem `tork` (as `torka`);
///    `strategin` → `strategi`; `skolan` → `skol`; `radion` → `radio`. A final `-a`/`-e`
///    left after the `-n` goes too, as Snowball strips it from the base form, so `-an`
///    meets the `-a` form's stem (nothing more: `erfarenhet` → `erfaren` → `erfar`, as
///    `erfaren`, not `erf`). Also `-orn` in words of
///    six letters or more: `traktorn` → `traktor` → `trakt` (not `korn`, `torn`, and not
///    compounds ending in `-horn`, `-korn`).
/// 3. Definite neuter `-et`/`-ot` Snowball could not strip: `stycket` → `stycke` → `styck`,
///    `klustret` → `klustre` → `klustr`, `museet` → `muse`, `kontot` → `konto`; not after
///    a vowel and a consonant, where Snowball strips a definite `-et` itself, so an `-et`
///    left there is the word's own (`paket`). Base words in `-et`/`-ot` lose it in all their forms alike
///    (`trumpet`, `trumpeten` → `trump`; `arbete`, `arbetet` → `arb`), which keeps their
///    paradigm whole at the price of a few merges (`diskret` meets `disk`).
/// 4. Latin `-ium`/`-eum` lose the `-um`: `webbinarium` → `webbinari` (as `webbinariet`).
/// 5. `-or` after a consonant, which Snowball leaves in `-orer` plurals and `-oret`
///    definites, is removed as Snowball removes it from the base form: `traktorer` →
///    `trakt` (as `traktor`), `kontoret` → `kont` (as `kontor`). Not after `m` (`svärmor`
///    is not `svärm`) or `st` (`jättestor` is not `jättest`).
/// 6. `-eln` (definite of `-el` words): `fågeln` → `fågl`; and `-el` after a consonant:
///    `fågel` → `fågl`, `livsmedel` → `livsmedl` (as `fåglar`, `livsmedlet` stem).
/// 7. Syncopated `-er` stems: two consonants then `r` lose the `r`: `klustr` (klustren)
///    → `klust` (as `kluster`), `vintr` (vintrar) → `vint` (as `vinter`). Not for `-en`
///    stems: `kostn`/`markn` (from `kostnad`, `marknad`) would meet `kost` and `mark`, so
///    `vattnet` (`vattn`) and `vatten` (`vatt`) stay apart.
///
/// Known false merges are the price of rules without a dictionary: see the tests'
/// table and the figures in the analysis report (distinct keys vs stems over voc.txt).
public enum SwedishInflection {
    /// The fewest letters a rule may leave.
    static let minimumLength = 3

    /// The inflection key of a normalised (NFC, lowercase) term.
    public static func key(_ term: String) -> String {
        let byteCount = term.utf8.count
        if byteCount < 3 { return term }
        return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: byteCount + 1) { buffer in
            var length = 0
            for scalar in term.unicodeScalars {
                buffer[length] = scalar.value
                length += 1
            }
            let original = length
            var replaced = false
            if let singular = SwedishIrregularPlurals.replace(buffer, length: length) {
                length = singular
                replaced = true
            }
            let endsInEna = SwedishScalars.hasSuffix(buffer, length: length, Self.ena)
                || SwedishScalars.hasSuffix(buffer, length: length, Self.enas)
            length = SwedishStemmer.stem(buffer, length: length)
            length = applyRules(buffer, length: length, definiteNeuterPlural: endsInEna)
            if length == original && !replaced { return term }
            return SwedishScalars.string(buffer, length: length)
        }
    }

    /// Stems the rules leave alone: frequent words that the rules would merge with an
    /// unrelated word (`redan` with `red`, `andra` with `and`, `hundra` with `hund`,
    /// `ändra` with `ände`, `roman` with `rom`, `banan` with `bana`). Found by reading the
    /// merges the rules make over voc.txt.
    static let exceptions: [[UInt32]] = [
        "redan", "sedan", "sällan", "nästan", "mellan", "innan", "nedan", "ovan", "utan", "vadan",
        "andr", "hundr", "ändr", "profan", "profet", "roman", "banan",
    ].map(SwedishScalars.scalars)

    static let ena = SwedishScalars.scalars("ena")
    static let enas = SwedishScalars.scalars("enas")

    /// Applies the rules to the stem `word[0..<length]` in place; returns the new length.
    /// `definiteNeuterPlural`: the term ended in `-ena`/`-enas` (`äpplena`, `områdena`),
    /// whose stem keeps an `-en` that rule 2 may then remove.
    static func applyRules(_ word: UnsafeMutableBufferPointer<UInt32>, length: Int, definiteNeuterPlural: Bool = false) -> Int {
        var length = length
        for exception in exceptions where exception.count == length {
            if SwedishScalars.hasSuffix(word, length: length, exception) { return length }
        }
        let n: UInt32 = 0x6E, s: UInt32 = 0x73, t: UInt32 = 0x74, e: UInt32 = 0x65
        let l: UInt32 = 0x6C, r: UInt32 = 0x72, o: UInt32 = 0x6F, m: UInt32 = 0x6D, u: UInt32 = 0x75
        let i: UInt32 = 0x69, h: UInt32 = 0x68, k: UInt32 = 0x6B, a: UInt32 = 0x61
        func letter(_ back: Int) -> UInt32 { length >= back ? word[length - back] : 0 }
        func isConsonant(_ back: Int) -> Bool { length >= back && !SwedishScalars.isVowel(word[length - back]) }
        func restem(dropping count: Int) {
            length = SwedishStemmer.stem(word, length: length - count)
        }
        /// Drops the definite ending, then the base form's final -a or -e as Snowball's first
        /// step strips it from `torka` or `stycke`, then Snowball's later steps (`projekte`
        /// → `projekt` → `projek`, as `projekt`). Only -a/-e, never a longer suffix, so
        /// `erfarenhet` (stem `erfaren`) becomes `erfar` (as `erfaren`), not `erf`.
        func dropEnding(_ count: Int) {
            length -= count
            if (letter(1) == a || letter(1) == e) && length - 1 >= minimumLength { length -= 1 }
            length = SwedishStemmer.finishStem(word, length: length)
        }

        // 1. Genitive -s after a vowel (Snowball removes -s only after consonants).
        if letter(1) == s && length - 1 >= minimumLength && SwedishScalars.isVowel(letter(2)) {
            restem(dropping: 1)
        }
        // 2. Definite -n after a vowel.
        //    Not after e: Snowball strips a definite -en itself, so an -en it leaves is the
        //    word's own or what is left of a longer ending (`helene` → `helen`, `kostenheten`
        //    → `kosten`), unless the term ended in -ena and five letters stay (`områdena` →
        //    `områden` → `områd`; not `förena`, `klena`, which are no plurals).
        if letter(1) == n && length - 1 >= minimumLength && SwedishScalars.isVowel(letter(2))
            && (letter(2) != e || (definiteNeuterPlural && length - 2 >= 5)) {
            dropEnding(1)
        }
        // 2b. Definite -orn of -or nouns (traktorn), not the compound tails -horn, -korn.
        if letter(1) == n && letter(2) == r && letter(3) == o && length >= 6 && letter(4) != h && letter(4) != k {
            restem(dropping: 1)
        }
        // 3. Definite neuter -et / -ot.
        //    Not after vowel + consonant: there Snowball strips a definite -et itself, so the
        //    stem's -et belongs to the word (`arbet` from `arbete`, `paket`).
        let snowballWouldStrip = letter(2) == e && isConsonant(3) && SwedishScalars.isVowel(letter(4))
        if letter(1) == t && (letter(2) == e || letter(2) == o) && !snowballWouldStrip && length - 1 >= minimumLength {
            dropEnding(1)
        }
        // 4. Latin -ium / -eum: museum, webbinarium (as museet, webbinariet, webbinarier).
        if letter(1) == m && letter(2) == u && (letter(3) == i || letter(3) == e) && length - 2 >= 4 {
            length -= 2
        }
        // 5. -or after a consonant, left by Snowball in -orer plurals (traktorer, kontoret):
        //    removed as Snowball removes it from the base form (traktor → trakt).
        //    Not -mor (svärmor is not svärm) and not -stor (jättestor is not jättest).
        if letter(1) == r && letter(2) == o && isConsonant(3) && letter(3) != m && !(letter(3) == t && letter(4) == s)
            && length - 2 >= minimumLength {
            length -= 2
        }
        // 6. -eln and -el after a consonant.
        if letter(1) == n && letter(2) == l && letter(3) == e && isConsonant(4) && length - 2 >= minimumLength {
            length -= 1
        }
        if letter(1) == l && letter(2) == e && isConsonant(3) && length - 1 >= minimumLength {
            word[length - 2] = l
            length -= 1
        }
        // 7. Syncopated -er stems: consonant, consonant, r.
        if letter(1) == r && isConsonant(2) && isConsonant(3) && length - 1 >= minimumLength {
            length -= 1
        }
        return length
    }
}
