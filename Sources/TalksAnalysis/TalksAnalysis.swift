/// TalksAnalysis: Swedish text analysis for indexing and querying.
///
/// The chain, each step a type of its own:
/// - `Tokenizer`: UTF-8 bytes → `Token`s (runs of letters and digits, normalised by
///   `Normalizer`: NFC + lowercase; hyphenated words give parts plus the joined form).
/// - `SwedishStemmer`: the current Snowball Swedish algorithm, exactly.
/// - `SwedishInflection.key`: the stem plus rules Snowball lacks (definite `-n`/`-et`,
///   genitive `-s` after vowels, `-el`/`-er` syncope, vowel-change plurals), so that
///   `torka`/`torkan` and `strategi`/`strategin` share a key.
/// - `AsciiFolder`: å → a, ä → a, ö → o and other Latin diacritics.
/// - `ExpansionKeys`: the inflection key and the folded key (the inflection key of the
///   folded form, for words typed without å/ä/ö) that index and query both compute.
/// - `CompoundSplitter` with a `Lexicon`: `livsmedelsstrategin` → `livsmedel` + `strategin`.
/// - `Analyzer`: all of the above per token, as `talks analyze` shows it.
///
/// Optional, when Debian's `hunspell-sv-se` is installed: `SwedishLexicon`, built from
/// the sv_SE Hunspell dictionary (`Hunspell/`: `AffixFile`, `DictionaryFile`,
/// `WordFormGenerator`), maps every form to its lemma and compound roles. With it,
/// `SwedishInflection.keys(_:dictionary:)` gives lemma keys that join what rules cannot
/// (`vapen`/`vapnet`/`vapnen`, `nummer`/`numret`, `öken`/`öknen`) and keep apart what
/// rules would join (`kostnad`/`kost`), and `CompoundSplitter.split(_:dictionary:…)`
/// splits heads the index never saw alone (`dricksvatten` + `försörjning`). Without it,
/// nothing changes: `Analyzer()` and every rules-only function behave as before.
///
/// How the index and search layers are meant to use it: index `Token.term` with its
/// position; keep per distinct term its `ExpansionKeys.inflection`, `ExpansionKeys.folded` and compound
/// parts (split against a lexicon of the index's own keys); expand a query term to the
/// terms sharing its key (inflected), having it as a part (compound) or sharing its folded
/// key (ASCII), ranked in that order below the exact term.
///
/// With the dictionary, so that search needs none, ingest stores (TalksIndex's lemma maps,
/// FORMAT.md "Lemma maps"), beside the rule keys, which stay for words the dictionary lacks:
/// - per term, its lemma keys (`SwedishLexicon.lemmaKeys`; a term of two lemmas, `lagrar`,
///   is listed under both);
/// - per lemma key, its paradigm (`SwedishLexicon.paradigm(ofKey:)`), so that a query form
///   the archive never said (`vapnen` when only `vapnet` was) resolves to `vapen`;
/// - compound parts from `split(_:dictionary:isWord:isKey:)`, which are lemmas;
/// - in the manifest, which dictionary was used (`SwedishLexicon.version`, a hash of
///   sv_SE.aff/.dic), since keys from different dictionaries do not mix.
/// `PendingLexicon` loads it on another thread, and `SwedishLexiconCache` keeps the built
/// tables on disk.
///
/// What it does not do: no index knowledge, no ranking, no typo matching (edit distance
/// belongs with the term dictionary). Its only I/O is reading the two Hunspell files
/// (`SwedishLexicon.load`, through TalksSystem); everything else is pure functions over
/// strings and bytes.
public enum TalksAnalysis {}
