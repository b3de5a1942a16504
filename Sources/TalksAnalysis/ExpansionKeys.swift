/// The keys a term is filed under for query expansion: computed once per indexed term when
/// a segment is written (its expansion tables) and once per query word when searching, so
/// both sides go through the very same computation.
///
/// - inflection key: `SwedishInflection.key(term)`: the forms of one word share it
///   (strategi, strategin, strategier, strategierna); also the key of a compound's parts.
/// - folded key: the inflection key of the term's ASCII-folded form, for words typed
///   without å/ä/ö: "vatmarker" and "våtmarkerna" both give "vatmark". Folding comes first
///   on purpose: `AsciiFolder.fold(SwedishInflection.key(x))` is not the same thing,
///   because folding changes which suffixes Snowball sees (`affär` keeps its `-är`,
///   `affar` loses its `-ar`): over voc.txt the two agree for 97.7% of words only.
///
/// `AnalyzedToken` (what `talks analyze` shows) reports the same two keys.
public enum ExpansionKeys {
    /// The inflection key of a normalised (NFC, lowercase) term.
    public static func inflection(_ term: String) -> String {
        SwedishInflection.key(term)
    }

    /// The inflection key of the term's ASCII-folded form.
    public static func folded(_ term: String) -> String {
        SwedishInflection.key(AsciiFolder.fold(term))
    }
}
