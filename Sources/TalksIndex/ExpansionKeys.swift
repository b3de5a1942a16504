import TalksAnalysis

/// The keys the expansion tables are built on; search computes the same keys for a query
/// term and looks them up (`SegmentReader.terms(withInflectionKey:)` and friends).
///
/// - inflection key: `SwedishInflection.key(term)`: the forms of one word share it
///   (strategi, strategin, strategier, strategierna).
/// - folded key: `SwedishInflection.key(AsciiFolder.fold(term))`: fold å/ä/ö and other
///   diacritics to ASCII first, then take the inflection key, so a query typed without
///   å/ä/ö and the indexed word go through the very same computation: "vatmarker" and
///   "våtmarker" both give "vatmark". Call `folded(queryTerm)` and look it up.
public enum ExpansionKeys {
    public static func inflection(_ term: String) -> String {
        SwedishInflection.key(term)
    }

    public static func folded(_ term: String) -> String {
        SwedishInflection.key(AsciiFolder.fold(term))
    }
}
