import TalksAnalysis
import TalksIndex

/// Finds the indexed terms a query word stands for, across all segments of one reader:
/// the word itself, its inflections, compounds containing it, its forms with å/ä/ö, and,
/// for unknown words, near misses (typos). Each variant carries a tier (see `TermVariant`).
/// With the dictionary's lemma maps, the dictionary overrules the rules' inflection matches
/// it separates, and a word it does not know is read as a probable typo as well
/// (`TermExpander+Arbitration`).
///
/// Everything here reads the index's own dictionary and expansion tables, so the Swedish
/// rules (inflection keys, compound splitting, folding) are applied once at ingest and the
/// query side only looks keys up. Work per word is bounded by `RankingParameters`.
struct TermExpander {
    let segments: [SegmentReader]
    let parameters: RankingParameters

    /// The inflection key under which the index files `term`.
    static func inflectionKey(_ term: String) -> String { ExpansionKeys.inflection(term) }

    /// The folded key under which the index files `term`: inflection key, then å/ä/ö folded.
    static func foldedKey(_ term: String) -> String { ExpansionKeys.folded(term) }

    /// Documents containing the term with ordinal `ordinal` in `segment`, any field.
    static func documentFrequency(_ segment: SegmentReader, _ ordinal: Int) -> Int {
        var frequency = segment.episodeDocumentFrequency(term: ordinal)
        for field in Field.episodeFields {
            frequency = max(frequency, segment.documentFrequency(term: ordinal, field: field))
        }
        return frequency
    }

    /// The global document frequency of `term` (0 when no segment has it).
    func documentFrequency(_ term: String) -> Int {
        lookUp(term).documentFrequency
    }

    /// `term` looked up by its string in every segment: its global document frequency and
    /// where it lives.
    func lookUp(_ term: String) -> (documentFrequency: Int, states: [TermState]) {
        var total = 0
        var states: [TermState] = []
        for (index, segment) in segments.enumerated() {
            if let ordinal = segment.termOrdinal(term) {
                total += Self.documentFrequency(segment, ordinal)
                states.append(TermState(segment: index, ordinal: ordinal))
            }
        }
        return (total, states)
    }

    /// The collected variants, capped; the states of variants reached only by capped routes
    /// are completed by string look-ups in the segments they lack (see `VariantCollector`).
    private func finish(_ collector: VariantCollector, limit: Int) -> [TermVariant] {
        collector.variants(limit: limit).map { found in
            var variant = found.variant
            guard found.isPartial, segments.count > 1 else { return variant }
            for (index, segment) in segments.enumerated() where !variant.states.contains(where: { $0.segment == index }) {
                if let ordinal = segment.termOrdinal(variant.term) {
                    variant.states.append(TermState(segment: index, ordinal: ordinal))
                }
            }
            return variant
        }
    }

    /// All variants of a normalised query word, best tier first, at most `maximumExpansions`.
    /// `compounds: false` is for a compound's parts (`QueryPlanner+CompoundParts`): no
    /// compounds the word is a part of, and also the terms whose key is the word itself.
    /// Nor the å/ä/ö spellings or typo routes: a part keeps only its exact and inflected
    /// variants, and those routes cost a part that is no term as written (`ägare`, said
    /// only as `ägaren`) a scan of every key for none of them (`skogsägare` spent three
    /// quarters of its instructions there).
    func expand(word term: String, compounds: Bool = true) -> [TermVariant] {
        var collector = VariantCollector()
        let key = Self.inflectionKey(term)
        let folded = Self.foldedKey(term)
        let foldedTerm = AsciiFolder.fold(term)
        let searchCompounds = compounds && !isFunctionWord(term)
        // The folded route (see `FoldingPolicy`): only for words typed without å/ä/ö, and its
        // variants are added after the loop, once the exact word's frequency is known.
        let foldsQuery = FoldingPolicy.isTypedPlain(term)
        var foldedFound: [(segment: Int, ordinal: Int, tier: TermVariant.Tier)] = []
        var exactOrFoldedEpisodes = (exact: 0, folded: 0)
        let syncope = syncopeReading(of: term)
        let lemmas = lemmaKeys(of: term)
        var arbiter = LexiconArbiter(query: term, lemmas: lemmas, segments: segments)
        var isIndexed = false
        // A string no segment holds and the dictionary relates to nothing, whose å/ä/ö
        // spelling is indexed, is read as that spelling only (`FoldingPolicy`, rule 3).
        let readsSpelling = foldsQuery && lemmas.isEmpty && readsAsSpelling(term, foldedKey: folded)
        for (index, segment) in segments.enumerated() {
            if let ordinal = segment.termOrdinal(term) {
                collector.add(segment: segment, index: index, ordinal: ordinal, tier: .exact)
                exactOrFoldedEpisodes.exact += Self.documentFrequency(segment, ordinal)
                isIndexed = true
            }
            if !readsSpelling {
                addRuleVariants(of: term, key: key, syncope: syncope, lemmas: lemmas, compounds: searchCompounds,
                                formsKeyedByTerm: !compounds && key != term,
                                segment: segment, index: index, arbiter: &arbiter, into: &collector)
            }
            guard foldsQuery, compounds else { continue }
            for ordinal in segment.terms(withFoldedKey: folded) {
                let text = segment.term(at: ordinal)
                let plainText = AsciiFolder.fold(text)
                let tier: TermVariant.Tier = plainText == foldedTerm ? .folded : .foldedInflected
                // A word of its own keeps only its own spellings with å/ä/ö (`läger` for `lager`).
                // So does a word the dictionary knows (`FoldingPolicy`, rule 4).
                if (syncope.isWordOfItsOwn || !lemmas.isEmpty) && tier == .foldedInflected { continue }
                // An ASCII term has the query's inflection key too (the query is ASCII here):
                // the inflection route has judged it already.
                guard plainText != text else { continue }
                foldedFound.append((index, ordinal, tier))
                exactOrFoldedEpisodes.folded += Self.documentFrequency(segment, ordinal)
            }
        }
        // And so does a word the archive says (`granarna`): the other words its short folded
        // key shares (`gräs`, `gräset` under `gra`) are not its spellings (rule 4).
        if exactOrFoldedEpisodes.exact > 0 { foldedFound.removeAll { $0.tier == .foldedInflected } }
        if !foldedFound.isEmpty, FoldingPolicy.keepsFoldedVariants(exactEpisodes: exactOrFoldedEpisodes.exact,
                                                                     foldedEpisodes: exactOrFoldedEpisodes.folded) {
            addSpellingVariants(foldedFound, paradigms: !syncope.isWordOfItsOwn && lemmas.isEmpty,
                                compounds: searchCompounds, into: &collector)
        }
        // A word typed without å/ä/ö whose spelling with them is indexed is no typo.
        let isMisreadTypo = !collector.isEmpty && collector.terms(in: [.folded]).isEmpty
            && isProbableTypo(isIndexed: isIndexed, arbiter: arbiter)
        if compounds, collector.isEmpty || isMisreadTypo, term.unicodeScalars.count >= 5 {
            var typos = VariantCollector()
            addTypoVariants(of: term, into: &typos)
            if isMisreadTypo {
                addAgreeingTypos(typos, to: &collector)
            } else {
                collector = typos
            }
        }
        return finish(collector, limit: parameters.maximumExpansions)
    }

    /// Whether some segment holds `part` as written, a term with its inflection key
    /// (`grisarna` for `gris`), a term whose key is `part` itself (`hönsen`, key `höns`, for
    /// `höns`, whose own key is `hön`) or a form of one of its dictionary lemmas (`bönder`
    /// for `bonde`): what makes a word a compound part at search time.
    /// Cheapest look-ups first: the splitter asks about every substring of the word.
    func holdsWord(_ part: String) -> Bool {
        if segments.contains(where: { $0.termOrdinal(part) != nil }) || holdsInflectionKey(part) { return true }
        let key = Self.inflectionKey(part)
        if key != part && holdsInflectionKey(key) { return true }
        return lemmaKeys(of: part).contains { lemma in segments.contains { !$0.terms(withLemmaKey: lemma).isEmpty } }
    }

    /// Whether some segment holds a term with the inflection key `key`.
    func holdsInflectionKey(_ key: String) -> Bool {
        segments.contains { !$0.terms(withInflectionKey: key).isEmpty }
    }

    /// Whether `term` occurs in more than four fifths of the live episodes ("det", "och", "inte"):
    /// such words are not looked for inside compounds, where they would add hundreds of
    /// weak variants (and cost) for no relevance.
    func isFunctionWord(_ term: String) -> Bool {
        let live = segments.reduce(0) { $0 + $1.liveEpisodeCount }
        return live >= 20 && documentFrequency(term) * 5 > live * 4
    }

    /// Compounds listed under `partKey`, most frequent first, keeping only those whose own
    /// inflection key still contains the part, by its key or as written (so a split that cut
    /// through an inflection ending, landet → lan + det, is not taken for a compound of "det",
    /// while a head whose key drops a vowel, livsmedel → livsmedl, still finds
    /// livsmedelsstrategi), at most `maximumCompoundVariants`.
    func plausibleCompounds(_ segment: SegmentReader, part: String, partKey: String) -> [(ordinal: Int, frequency: Int)] {
        var candidates = segment.compounds(withPartKey: partKey).map { (ordinal: $0, frequency: 0) }
        if candidates.count > parameters.maximumCompoundVariants {
            // Rank by the transcript's episode frequency alone (one look-up per candidate).
            for index in candidates.indices {
                candidates[index].frequency = segment.episodeDocumentFrequency(term: candidates[index].ordinal)
            }
            candidates.sort { $0.frequency != $1.frequency ? $0.frequency > $1.frequency : $0.ordinal < $1.ordinal }
        }
        var accepted: [(ordinal: Int, frequency: Int)] = []
        let lastPartKey = Self.keyAsLastPart(part, key: partKey)
        for ordinal in candidates.prefix(parameters.maximumCompoundVariants * 3).map(\.ordinal) {
            let compoundKey = Self.inflectionKey(segment.term(at: ordinal))
            if Self.bytes(of: compoundKey, contain: partKey) || Self.bytes(of: compoundKey, contain: part)
                || lastPartKey.map({ Self.bytes(of: compoundKey, contain: $0) }) == true {
                accepted.append((ordinal, Self.documentFrequency(segment, ordinal)))
            }
            if accepted.count == parameters.maximumCompoundVariants { break }
        }
        return accepted
    }

    /// The key `part` (whose own key is `key`) has at the end of a compound, when it is
    /// shorter there than its own. Snowball undoubles a final consonant pair (`dd`, `gd`,
    /// `nn`, `dt`, `gt`, `kt`, `tt`) only inside its R1 region, which in a short word starts
    /// after the pair: `skydd` keeps its key `skydd` while `brandskydd` has the key
    /// `brandskyd`, and `bergbrunnen` the key `bergbru` (undoubled, then a definite `-n`
    /// after a vowel). Without this a last part said only inside compounds (`brandskydd`,
    /// `djurskydd`, `växtskydd`) found none of them. Nil when the part's key is the same
    /// there; at least three letters and at most two fewer than the part's own key, which
    /// it must begin (`det` at the end of `landet` would be `d`, `sten` in `vinsten` `st`).
    static func keyAsLastPart(_ part: String, key: String) -> String? {
        // Three letters (vowel, consonant, vowel) before the part put its first letter at
        // the start of R1, as in any compound whose head has a vowel and a consonant.
        let inCompound = inflectionKey("aba" + part)
        guard inCompound.hasPrefix("aba") else { return nil }
        let tail = String(inCompound.dropFirst(3))
        let length = tail.unicodeScalars.count
        guard tail != key, key.hasPrefix(tail), length >= 3, length + 2 >= key.unicodeScalars.count else { return nil }
        return tail
    }

    /// Whether the UTF-8 bytes of `text` contain those of `part` (no Foundation, no
    /// Character comparison: both are normalised terms).
    static func bytes(of text: String, contain part: String) -> Bool {
        let haystack = Array(text.utf8)
        let needle = Array(part.utf8)
        guard !needle.isEmpty else { return true }
        guard needle.count <= haystack.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }

    /// The word itself and its inflections: what `-word` excludes.
    func expand(exclusion term: String) -> [TermVariant] {
        var collector = VariantCollector()
        let key = Self.inflectionKey(term)
        let lemmas = lemmaKeys(of: term)
        var arbiter = LexiconArbiter(query: term, lemmas: lemmas, segments: segments)
        for (index, segment) in segments.enumerated() {
            if let ordinal = segment.termOrdinal(term) {
                collector.add(segment: segment, index: index, ordinal: ordinal, tier: .exact)
            }
            for ordinal in segment.terms(withInflectionKey: key) where !arbiter.separates(segment, ordinal: ordinal) {
                collector.add(segment: segment, index: index, ordinal: ordinal, tier: .inflected)
            }
            addLemmaVariants(lemmas, of: key, in: segment, index: index, compounds: false, to: &collector)
        }
        return finish(collector, limit: parameters.maximumExpansions)
    }

    /// The term itself only (phrase words and quoted single words).
    func expand(exact term: String) -> [TermVariant] {
        let found = lookUp(term)
        return found.documentFrequency > 0
            ? [TermVariant(term: term, tier: .exact, documentFrequency: found.documentFrequency, states: found.states)] : []
    }

    /// The most frequent terms starting with `prefix`, at most `limit`. Inspects at most
    /// `maximumPrefixScan` dictionary entries per segment and builds strings only for the
    /// winners, so it is cheap enough for search-as-you-type. `withStates: false` skips
    /// completing the variants' states (suggestions need only the strings).
    func expand(prefix: String, limit: Int, withStates: Bool = true) -> [TermVariant] {
        guard limit > 0 else { return [] }
        var collector = VariantCollector()
        for (index, segment) in segments.enumerated() {
            let range = segment.termOrdinals(withPrefix: prefix)
            var best: [(ordinal: Int, frequency: Int)] = []
            best.reserveCapacity(limit + 1)
            for ordinal in range.prefix(parameters.maximumPrefixScan) {
                let frequency = Self.documentFrequency(segment, ordinal)
                guard frequency > 0 else { continue }
                if best.count == limit, let last = best.last, last.frequency >= frequency { continue }
                let place = best.firstIndex { $0.frequency < frequency } ?? best.count
                best.insert((ordinal, frequency), at: place)
                if best.count > limit { best.removeLast() }
            }
            for entry in best {
                collector.add(segment: segment, index: index, ordinal: entry.ordinal, tier: .prefix)
            }
        }
        return withStates ? finish(collector, limit: limit) : collector.variants(limit: limit).map(\.variant)
    }

    struct NearTerm: Hashable {
        var term: String
        var distance: Int
        var documentFrequency: Int
        /// Where the term lives: the scan visits every segment, so this is complete.
        var states: [TermState]
    }

    /// Dictionary terms within `maximumDistance` edits of `term`, nearest and then most
    /// frequent first. Candidates share the first letter and lie in the length window, which
    /// keeps the scan to one contiguous dictionary range per segment.
    func nearest(to term: String, maximumDistance: Int, limit: Int) -> [NearTerm] {
        guard let first = term.unicodeScalars.first else { return [] }
        let target = BoundedLevenshtein.scalars(term)
        var candidate: [UInt32] = []
        var found: [String: NearTerm] = [:]
        let minimumBytes = max(1, target.count - maximumDistance)
        let maximumBytes = (target.count + maximumDistance) * 4
        for (index, segment) in segments.enumerated() {
            // Terms come in dictionary order: each shares the rows of its common prefix
            // with the one before.
            var levenshtein = PrefixSharingLevenshtein(word: target, limit: maximumDistance)
            for ordinal in segment.termOrdinals(withPrefix: String(first)) {
                let bytes = segment.termBytes(at: ordinal)
                guard bytes.count >= minimumBytes, bytes.count <= maximumBytes else { continue }
                BoundedLevenshtein.decode(bytes, into: &candidate)
                guard candidate != target,
                      let distance = levenshtein.distance(to: candidate) else { continue }
                let text = String(decoding: bytes, as: UTF8.self)
                let frequency = Self.documentFrequency(segment, ordinal)
                let state = TermState(segment: index, ordinal: ordinal)
                if var existing = found[text] {
                    existing.documentFrequency += frequency
                    existing.states.append(state)
                    found[text] = existing
                } else {
                    found[text] = NearTerm(term: text, distance: distance, documentFrequency: frequency, states: [state])
                }
            }
        }
        let sorted = found.values.sorted {
            if $0.distance != $1.distance { return $0.distance < $1.distance }
            if $0.documentFrequency != $1.documentFrequency { return $0.documentFrequency > $1.documentFrequency }
            return $0.term < $1.term
        }
        return Array(sorted.prefix(limit))
    }
}
