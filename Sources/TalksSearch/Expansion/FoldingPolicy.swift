import TalksAnalysis

/// When a query word is also looked up without its å/ä/ö (the folded route of
/// `TermExpander`), and when the folded variants it finds are kept.
///
/// Folding is for a viewer who cannot type å/ä/ö (`vatmark` for `våtmark`). Two rules
/// keep it from merging real Swedish words that differ only in those letters (`lån`/`län`,
/// `hål`/`hal`, `ost`/`öst`):
/// 1. A word typed with any letter that folding changes is never folded: a viewer who
///    types `lån` has those keys and means `lån`, not `län` (nor `markör` → `märklig`).
/// 2. A word typed without them that the archive itself uses, in two episodes or more and
///    in at least as many as its look-alikes with å/ä/ö together, is a word of its own:
///    the archive decides which reading an ASCII typist most likely means. `ost` in an
///    archive that says `ost` in three episodes and `öst` in one finds the cheese only;
///    `lan` in an archive that says `län` in 40 episodes and `lan` in one still finds
///    `län`, and a word said once (perhaps a transcription slip) keeps them too, all ranked
///    below the exact word, as every folded variant is. A word the index does not hold
///    keeps them all.
/// 3. A word typed without them that no segment holds and the dictionary relates to
///    nothing, whose spelling with å/ä/ö is indexed, is that spelling: `algarna` finds
///    `älgarna` and its paradigm, not `algerna`, which the rules' shared key `alg` would
///    add (`TermExpander+Folding`). A spelling's own forms come from the lemma maps, so
///    `oknen` finds `öken` as `öknen` would.
/// 4. A word typed without them that the archive says (`granarna`) or the dictionary
///    relates (its lemma maps list it) keeps only its own spellings with å/ä/ö (same
///    letters, rule 2 deciding), not the other words its folded key happens to share
///    (`gräs`, `gräset`, whose folded key is `gra` as `granarna`'s is).
enum FoldingPolicy {
    /// Whether `term` (normalised) was typed without any letter `AsciiFolder` changes.
    static func isTypedPlain(_ term: String) -> Bool {
        AsciiFolder.fold(term) == term
    }

    /// Whether folded variants found in `foldedEpisodes` episodes (summed over variants)
    /// stay beside an exact word found in `exactEpisodes` episodes.
    static func keepsFoldedVariants(exactEpisodes: Int, foldedEpisodes: Int) -> Bool {
        exactEpisodes < 2 || foldedEpisodes > exactEpisodes
    }
}
