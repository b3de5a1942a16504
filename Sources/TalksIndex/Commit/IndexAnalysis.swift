import TalksAnalysis

/// The Swedish analysis a segment's expansion tables were built with: rules only, or
/// rules plus one Hunspell sv_SE lexicon (lemma maps, dictionary compound parts). Named in
/// the manifest per segment and for the whole index, and shown by `talks stats`.
///
/// Why record it: the lemma maps and compound parts come from the dictionary's data, so
/// two dictionaries (or none) key the same words differently. Search reads whatever each
/// segment holds, so a mixed index still answers, but the rules-only segments miss what the
/// lexicon adds (paradigms like `vapen`/`vapnet`); the summary says `mixed` and
/// `talks stats` suggests `talks ingest --rebuild`, which writes every episode again
/// with the analysis at hand. A merge also re-analyses what it merges.
public struct IndexAnalysis: Sendable, Hashable, CustomStringConvertible {
    /// The lexicon, or nil for rules only.
    public let lexicon: SwedishLexicon?

    public init(_ lexicon: SwedishLexicon?) {
        self.lexicon = lexicon
    }

    /// The name stored in the manifest: `lexicon sv_SE <hash>` or `rules-only`.
    public var name: String { lexicon.map { "lexicon " + $0.version } ?? Self.rulesOnly }

    public var description: String { name }

    /// The name of the rules-only analysis.
    public static let rulesOnly = "rules-only"
    /// The summary of an index without segments.
    public static let none = "none"
    /// The prefix of the summary of segments analysed differently.
    public static let mixedPrefix = "mixed"

    /// One name when all segments agree, `none` without segments, else
    /// `mixed (a, b)` with the distinct names sorted.
    public static func summary(of names: [String]) -> String {
        let distinct = Set(names).sorted()
        guard let first = distinct.first else { return none }
        if distinct.count == 1 { return first }
        return mixedPrefix + " (" + distinct.joined(separator: ", ") + ")"
    }

    public static func == (left: IndexAnalysis, right: IndexAnalysis) -> Bool { left.name == right.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}
