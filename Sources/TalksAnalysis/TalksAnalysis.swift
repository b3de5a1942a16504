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
/// How the index and search layers are meant to use it: index `Token.term` with its
/// position; keep per distinct term its `ExpansionKeys.inflection`, `ExpansionKeys.folded` and compound
/// parts (split against a lexicon of the index's own keys); expand a query term to the
/// terms sharing its key (inflected), having it as a part (compound) or sharing its folded
/// key (ASCII), ranked in that order below the exact term.
///
/// What it does not do: no I/O, no index knowledge, no ranking, no typo matching (edit
/// distance belongs with the term dictionary). Pure functions over strings and bytes.
public enum TalksAnalysis {}
