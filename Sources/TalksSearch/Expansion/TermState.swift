/// Where one indexed term lives in one segment: the segment's index in the reader's
/// `segments` and the term's ordinal in that segment's dictionary.
///
/// Why: the expander finds variants by ordinal (expansion tables, prefix ranges, the typo
/// scan) and needs their strings only to merge them across segments and show them. Keeping
/// the ordinals beside the string (as Lucene keeps a `TermState` from the terms enum to the
/// scorer) lets `SegmentTerms` hand them to scoring directly, instead of binary-searching
/// every variant's string back into an ordinal in every segment.
struct TermState: Hashable, Sendable {
    /// The segment's index in `IndexReader.segments` (and `TermExpander.segments`).
    var segment: Int
    /// The term's ordinal in that segment.
    var ordinal: Int
}
