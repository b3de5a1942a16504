extension CompoundSplitter {
    /// Whether a last part starting at scalar `start` of a compound is not better read as
    /// an inflection ending of a longer word.
    ///
    /// The compound's inflection key may cut into the last part: `vinsten` has the key
    /// `vinst` (Snowball reads `vinst` + `-en`), while its would-be last part `sten` keeps
    /// its whole key `sten`. Then two readings compete, `vin` + `sten` and `vinst` + `-en`,
    /// and when only two letters of the part survive in the compound's key (`st`) and what
    /// the key cuts off is an inflection ending (`-en`), the ending reading is the better one: `-sten`, `-ten`, `-ken` tails would otherwise
    /// make compounds of `konsten` (`kon` + `sten`), `kusten`, `gästen`, `vinsten`. A part
    /// whose own key fits inside the compound's key keeps today's rule of two letters
    /// (`strategin` in `livsmedelsstrategin`), a part the key cuts by a derivational ending
    /// stays (`skogsägare`, key `skogsäg`, cuts `-are` from `ägare`), and a part reaching
    /// three letters or more into it stays (`vattenkraften` → `vatten` + `kraften`).
    ///
    /// The price: `-sten` compounds whose head is short (`kalksten`, key `kalkst`) are
    /// not split by rules alone; a dictionary (`split(_:dictionary:…)`) still splits them.
    static func lastPartSurvivesKey(start: Int, partKeyLength: Int, termKeyLength: Int, cutEnding: String) -> Bool {
        if start + partKeyLength <= termKeyLength { return true }
        return termKeyLength - start >= 3 || !inflectionEndings.contains(cutEnding)
    }

    /// The definite, plural and genitive endings a compound's key may cut off: only these
    /// make the longer word's reading the better one (`vinst` + `-en`). A derivational
    /// ending is the part's own (`skogsägare`: the key `skogsäg` cuts `-are` from `ägare`).
    static let inflectionEndings: Set<String> = [
        "n", "s", "en", "ens", "et", "ets", "er", "ers", "ern", "erns", "ar", "ars", "or", "ors",
        "na", "nas", "arna", "arnas", "erna", "ernas", "orna", "ornas",
    ]
}
