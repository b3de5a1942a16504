import TalksAnalysis
import TalksIndex

/// The `-er` words whose `e` drops when inflected (`lager`/`lagret`), read with the
/// index's own vocabulary as evidence (see `SwedishSyncope`).
extension TermExpander {
    /// How a query word in `-er` is read.
    struct SyncopeReading {
        /// Keys of the word's syncopated paradigm that the index holds (`lagr` for `lager`
        /// when `lagret` or `lagren` was said); empty when the word is read as stem + `-er`.
        var keys: [String] = []

        /// Whether the word is read as a word of its own: then the terms its Snowball key
        /// joins it with (`lag`, `lagen`, `laget` for `lager`) are not its inflections,
        /// except its own forms (`lagers`, `fibern`), which start with the word itself.
        var isWordOfItsOwn: Bool { !keys.isEmpty }

        /// Whether `candidate`, filed under the word's Snowball key, stays an inflection.
        func keeps(_ candidate: String, of term: String) -> Bool {
            !isWordOfItsOwn || candidate.hasPrefix(term)
        }

        /// Whether a compound filed under the word's Snowball key holds the word itself
        /// (`bränslelager`, `bränslelagret`), not merely the shorter stem (`förslag`).
        func keepsCompound(_ candidate: String, of term: String) -> Bool {
            !isWordOfItsOwn || TermExpander.bytes(of: candidate, contain: term)
                || keys.contains { TermExpander.bytes(of: candidate, contain: $0) }
        }
    }

    /// The reading of `term`: a word of its own when some segment holds a term under one of
    /// its syncopated keys.
    func syncopeReading(of term: String) -> SyncopeReading {
        let held = SwedishSyncope.syncopatedKeys(of: term).filter { key in
            segments.contains { !$0.terms(withInflectionKey: key).isEmpty }
        }
        return SyncopeReading(keys: held)
    }

    /// Whether `candidate`, filed under the query word's Snowball key, is an `-er` word of its
    /// own (the index holds its syncopated paradigm: `lager` beside `lagret`), so not a form
    /// of the query word `term` (`lag`, `lagen`).
    func isOtherWordOfItsOwn(_ candidate: String, of term: String) -> Bool {
        candidate != term && !term.hasPrefix(candidate) && syncopeReading(of: candidate).isWordOfItsOwn
    }

    /// Adds, as inflections, the syncopated paradigm of `term` (`lagret`, `lagren` for
    /// `lager`) and the base forms of a syncopated `term` (`lager`, `lagers` for `lagret`).
    /// Candidates the dictionary separates from `term` are left out (see `LexiconArbiter`).
    func addSyncopeVariants(of term: String, reading: SyncopeReading, segment: SegmentReader, index: Int,
                            arbiter: inout LexiconArbiter, into collector: inout VariantCollector) {
        for key in reading.keys {
            for ordinal in segment.terms(withInflectionKey: key) where !arbiter.separates(segment, ordinal: ordinal) {
                collector.add(segment: segment, index: index, ordinal: ordinal, tier: .inflected)
            }
        }
        for form in SwedishSyncope.baseForms(ofSyncopated: term) {
            if let ordinal = segment.termOrdinal(form), !arbiter.separates(segment, ordinal: ordinal) {
                collector.add(segment: segment, index: index, ordinal: ordinal, tier: .inflected)
            }
        }
    }
}
