/// The two readings of a Swedish word in `-er`, for query expansion: a plural or present
/// tense of a shorter stem (`bilder` = `bild` + `-er`, `säger` = `säg` + `-er`), or a word
/// of its own whose `e` drops when it is inflected (`lager`/`lagret`, `läger`/`lägret`,
/// `fiber`/`fibrer`, `nummer`/`numret`).
///
/// Snowball reads every `-er` as an ending, so `lager` gets the key `lag` and meets `lag`,
/// `lagen`, `laget` (the law, the team), whose paradigms never produce `lager`, while
/// `lagret` gets the key `lagr` and meets nothing. Rules alone cannot tell the readings
/// apart (`läger` and `säger` look alike), but an index can: when it holds a form of the
/// syncopated paradigm (any term filed under the key of `lagret`), the word is read as a
/// word of its own. `syncopatedKeys(of:)` gives the keys to look for; the search layer
/// decides with the index (`TermExpander.expand(word:)`).
public enum SwedishSyncope {
    /// The inflection keys of the syncopated definite forms of `term` (`lager` → key of
    /// `lagret`, `lagr`; `nummer` → keys of `nummret` and `numret`), or none when `term` is
    /// not a vowel, one or two consonants and `-er`/`-ers` whose `-er` the key drops.
    public static func syncopatedKeys(of term: String) -> [String] {
        var scalars = Array(term.unicodeScalars)
        if scalars.last == "s" { scalars.removeLast() }
        guard scalars.count >= 4, scalars[scalars.count - 1] == "r", scalars[scalars.count - 2] == "e" else { return [] }
        let stem = Array(scalars.dropLast(2))
        let count = stem.count
        guard !isVowel(stem[count - 1]) else { return [] }
        var stems: [[Unicode.Scalar]] = []
        if isVowel(stem[count - 2]) {
            stems.append(stem)
        } else if count >= 3, stem[count - 1] == stem[count - 2], isVowel(stem[count - 3]) {
            stems.append(stem)
            stems.append(Array(stem.dropLast()))
        }
        // A key the rules already give the word (`solceller` → `solcell`, as `solcellret`
        // by rule 7) is no separate paradigm.
        let own = [SwedishInflection.key(term), SwedishInflection.key(text(stem))]
        return stems.map { SwedishInflection.key(text($0) + "ret") }.filter { !own.contains($0) }
    }

    /// The base forms (`lager`, `lagers`; `nummer` too for `numret`) of a syncopated form
    /// (`lagret`, `lagren`, `numret`): its key ends in a vowel, a consonant and `r`, a shape
    /// Snowball leaves only when an `e` dropped before the `r`. Empty otherwise.
    public static func baseForms(ofSyncopated term: String) -> [String] {
        let key = Array(SwedishInflection.key(term).unicodeScalars)
        let count = key.count
        guard count >= 3, key[count - 1] == "r", !isVowel(key[count - 2]), isVowel(key[count - 3]) else { return [] }
        let stem = Array(key.dropLast())
        var forms = [text(stem) + "er", text(stem) + "ers"]
        if let last = stem.last { forms += [text(stem) + String(last) + "er", text(stem) + String(last) + "ers"] }
        return forms.filter { $0 != term }
    }

    static func isVowel(_ scalar: Unicode.Scalar) -> Bool { SwedishScalars.isVowel(scalar.value) }

    static func text(_ scalars: [Unicode.Scalar]) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}
