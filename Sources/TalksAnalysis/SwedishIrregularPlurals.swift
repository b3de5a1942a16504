/// Plurals with a vowel change (umlaut), which no suffix rule can relate to their singular:
/// `länder` → `land`, `städer` → `stad`, `bönder` → `bonde`, `män` → `man`; and the forms
/// of the two-letter words `by`, `ö`, `å`, too short for the suffix rules (`byn`, `öarna`).
///
/// Used by `SwedishInflection.key` before stemming. A form also matches at the end of a
/// compound when at least three letters precede it (`storstäder` → `storstad`), except
/// the short forms (four letters or fewer: `män`, `byn`, `öar`), which match only alone or
/// after a linking `s`/`e` (`riksdagsmän`, `tjänstemän`, `fiskebyn`) so that the
/// adjective `allmän` and words like `kabyn` are left alone. Forms that
/// are also common verb forms are left out: `händer` (happens), `tänder` (lights).
enum SwedishIrregularPlurals {
    struct Entry {
        var form: [UInt32]
        var base: [UInt32]
        var shortForm: Bool
    }

    static let entries: [Entry] = {
        let table: [(base: String, forms: [String])] = [
            ("land", ["länder", "länderna", "ländernas", "länders"]),
            ("stad", ["städer", "städerna", "städernas", "städers"]),
            ("bonde", ["bönder", "bönderna", "böndernas", "bönders"]),
            ("fot", ["fötter", "fötterna"]),
            ("rot", ["rötter", "rötterna"]),
            ("bok", ["böcker", "böckerna", "böckernas"]),
            ("son", ["söner", "sönerna"]),
            ("dotter", ["döttrar", "döttrarna"]),
            ("broder", ["bröder", "bröderna"]),
            ("moder", ["mödrar", "mödrarna"]),
            ("fader", ["fäder", "fäderna"]),
            ("natt", ["nätter", "nätterna"]),
            ("strand", ["stränder", "stränderna"]),
            ("stång", ["stänger", "stängerna"]),
            ("mus", ["möss", "mössen"]),
            ("gås", ["gäss", "gässen"]),
            ("man", ["män", "mäns", "männen", "männens"]),
            // Two-letter words, too short for the suffix rules.
            ("by", ["byn", "byns", "byar", "byarna", "byarnas"]),
            ("ö", ["ön", "öns", "öar", "öarna", "öarnas"]),
            ("å", ["ån", "åns", "åar", "åarna", "åarnas"]),
        ]
        var entries: [Entry] = []
        for (base, forms) in table {
            for form in forms {
                let scalars = SwedishScalars.scalars(form)
                entries.append(Entry(form: scalars, base: SwedishScalars.scalars(base), shortForm: scalars.count <= 4))
            }
        }
        // Longest first, so `länderna` wins over `länder`.
        return entries.sorted { $0.form.count > $1.form.count }
    }()

    /// Replaces an irregular plural at the end of `word[0..<length]` by its singular, in
    /// place (every base is no longer than its form); returns the new length, or nil when
    /// nothing matched.
    /// The entries by their last letter, so most words look at none.
    static let entriesByLastLetter: [UInt32: [Entry]] = Dictionary(grouping: entries) { $0.form.last ?? 0 }

    static func replace(_ word: UnsafeMutableBufferPointer<UInt32>, length: Int) -> Int? {
        guard length > 0 else { return nil }
        let last = word[length - 1]
        // Every form ends in a, n, r or s: most words need no table look-up at all.
        guard last == 0x61 || last == 0x6E || last == 0x72 || last == 0x73,
              let candidates = entriesByLastLetter[last] else { return nil }
        for entry in candidates where entry.form.count <= length {
            guard SwedishScalars.hasSuffix(word, length: length, entry.form) else { continue }
            let start = length - entry.form.count
            if start > 0 {
                if entry.shortForm {
                    let before = word[start - 1]
                    guard before == 0x73 || before == 0x65, start >= 4 else { continue }
                } else if start < 3 {
                    continue
                }
            }
            for (offset, scalar) in entry.base.enumerated() { word[start + offset] = scalar }
            return start + entry.base.count
        }
        return nil
    }
}
