import TalksAnalysis
import TalksIndex

/// Typos matched against keys as well as terms: a one-letter typo of a word the archive
/// said only inflected (`växtodlng` when the talk said `växtodlingarna`) is near no
/// indexed term, but near the inflection key (`växtodling`) and, with the dictionary, the
/// lemma key those forms are filed under. A key within reach is expanded like the word it
/// stands for: to every term listed under it, at the typo tiers (`fuzzy`, `fuzzyFar`), so
/// still below exact and inflected matches.
///
/// Bounds: the scan covers, per segment, the keys starting with the word's first letter
/// (one contiguous range of each sorted key table), and at most `limit` keys are kept
/// (what `maximumFuzzyVariants` leaves after the near terms), nearest first, then by key.
/// Only the typed word is compared, never its own inflection key: keys are short stems,
/// and one edit between stems joins different words (`kostnad`, key `kostn`, is one edit
/// from `kost`, the key of `kosten`).
extension TermExpander {
    /// Runs every typo route for `term` into `collector`: near terms (one edit, two from
    /// nine letters), near keys, typed endings and the paradigms of the near terms.
    func addTypoVariants(of term: String, into collector: inout VariantCollector) {
        let distance = term.unicodeScalars.count >= 9 ? 2 : 1
        let near = nearest(to: term, maximumDistance: distance, limit: parameters.maximumFuzzyVariants)
        for found in near {
            collector.add(near: found, tier: found.distance <= 1 ? .fuzzy : .fuzzyFar)
        }
        addNearKeys(to: term, maximumDistance: distance, limit: parameters.maximumFuzzyVariants - near.count,
                    into: &collector)
        addTypedEndingStems(of: term, into: &collector)
        addParadigms(of: near, typed: term, into: &collector)
    }
}

extension TermExpander {
    /// A key of one of the key tables (`SegmentReader.MatchableKeys`).
    struct NearKey: Hashable {
        var kind: SegmentReader.MatchableKeys
        var key: String
    }

    /// Adds the terms of the keys within `maximumDistance` edits of `term`, at most `limit` keys.
    func addNearKeys(to term: String, maximumDistance: Int, limit: Int, into collector: inout VariantCollector) {
        for (near, distance) in nearKeys(to: term, maximumDistance: maximumDistance, limit: limit) {
            let tier: TermVariant.Tier = distance <= 1 ? .fuzzy : .fuzzyFar
            for (index, segment) in segments.enumerated() {
                let ordinals = near.kind == .inflection
                    ? segment.terms(withInflectionKey: near.key) : segment.terms(withLemmaKey: near.key)
                for ordinal in ordinals { collector.add(segment: segment, index: index, ordinal: ordinal, tier: tier) }
            }
        }
    }

    /// The keys within `maximumDistance` edits of `term` (never equal to it), at most
    /// `limit`, nearest first, then by key, an inflection key before the same lemma key.
    func nearKeys(to term: String, maximumDistance: Int, limit: Int) -> [(key: NearKey, distance: Int)] {
        guard limit > 0, let first = term.unicodeScalars.first else { return [] }
        let target = BoundedLevenshtein.scalars(term)
        let minimumBytes = max(1, target.count - maximumDistance)
        let maximumBytes = (target.count + maximumDistance) * 4
        var candidate: [UInt32] = []
        var found: [NearKey: Int] = [:]
        for segment in segments {
            for kind in SegmentReader.MatchableKeys.allCases {
                // Each key table is sorted: a key shares the rows of its common prefix with
                // the one before, as the terms do in `nearest(to:)`.
                var levenshtein = PrefixSharingLevenshtein(word: target, limit: maximumDistance)
                segment.forEachKey(kind, withPrefix: String(first)) { bytes, _ in
                    guard bytes.count >= minimumBytes, bytes.count <= maximumBytes else { return }
                    BoundedLevenshtein.decode(bytes, into: &candidate)
                    guard candidate != target, let distance = levenshtein.distance(to: candidate) else { return }
                    let near = NearKey(kind: kind, key: String(decoding: bytes, as: UTF8.self))
                    found[near] = min(found[near] ?? distance, distance)
                }
            }
        }
        let chosen = found.sorted {
            if $0.value != $1.value { return $0.value < $1.value }
            if $0.key.key != $1.key.key { return $0.key.key < $1.key.key }
            return $0.key.kind == .inflection && $1.key.kind == .lemma
        }.prefix(limit)
        return chosen.map { (key: $0.key, distance: $0.value) }
    }
}
