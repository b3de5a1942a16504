/// Inflection keys: terms with equal keys are inflections of one another.
///
/// Snowball leaves the definite forms of vowel-final words alone (`torka` → `tork` but
/// `torkan` → `torkan`; `strategin` → `strategin`). The key starts from the Snowball stem
/// and strips what Snowball leaves behind, under guards; see `SwedishInflectionRules`.
public enum SwedishInflection {
    /// The inflection key of a normalised term.
    public static func key(_ term: String) -> String {
        SwedishStemmer.stem(term)
    }
}
