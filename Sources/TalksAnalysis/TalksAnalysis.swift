/// TalksAnalysis: Swedish text analysis for indexing and querying.
///
/// Normalisation (NFC, case folding), byte-level tokenisation, the Snowball Swedish
/// stemmer, inflection keys beyond Snowball, ASCII folding of å/ä/ö and compound
/// splitting. Pure functions over strings and bytes; no I/O and no index knowledge.
public enum TalksAnalysis {}
