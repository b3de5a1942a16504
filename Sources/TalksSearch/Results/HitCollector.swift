import TalksAnalysis
import TalksIndex
import TalksModel

/// Picks an episode's best matching cues and turns them into `Hit`s with snippets.
///
/// A cue ranks by how many distinct positive clauses it matches, then by its BM25 score
/// within the cue; the best `limit` are returned in time order. A cue matching only words
/// said in nearly every episode is left out when another cue of the episode matches the
/// query's rarer words (`ResolvedClause.isCommonWord`). Matched words are located
/// by position (from the postings) for phrases and by term for words, then marked in the
/// cue text through the tokenizer's byte ranges.
struct HitCollector {
    let plan: QueryPlan
    let parameters: RankingParameters
    /// Every term a positive word or prefix clause stands for: tokens to mark in snippets.
    private let markedTerms: Set<String>
    /// Bit n set when some marked term is n bytes long (n < 64): most tokens of a cue are
    /// ruled out by their length before any hashing.
    private let markedLengths: UInt64
    /// The shapes (`shape(ofTerm:)`) of the marked terms: a Latin-1 word whose surface has
    /// none of them is not marked without normalising it.
    private let markedShapes: ShapeFilter
    /// Bits of the positive clauses that are not common words (`ResolvedClause.isCommonWord`),
    /// when the query also has common ones (else 0): an episode with a cue matching one of
    /// these shows no cue that matches common words only.
    private let specificBits: UInt64
    private let tokenizer = Tokenizer()
    /// The `near` groups whose bits no other clause shares: a cue counts for one only when
    /// it says all its parts, and then as one clause (`Evidence.keepWhole`).
    private let nearGroups: [NearGroup]

    var phraseMatcher = PhraseMatcher()

    init(plan: QueryPlan, parameters: RankingParameters) {
        self.plan = plan
        self.parameters = parameters
        var terms = Set<String>()
        for clause in plan.clauses where !clause.isNegated && clause.shape == .terms {
            for variant in clause.variants { terms.insert(variant.term) }
        }
        markedTerms = terms
        markedLengths = terms.reduce(0) { bits, term in bits | (UInt64(1) << UInt64(min(term.utf8.count, 63))) }
        var shapes = ShapeFilter()
        for term in terms { shapes.insert(Self.shape(ofTerm: term)) }
        markedShapes = shapes
        // A query of more than 64 positive clauses shares bits (`index & 63`): a group whose
        // bits other clauses share is left out (its lone parts stay hits), or a cue saying
        // such a clause would be forgotten as a part said alone.
        var clausesPerBit = [Int](repeating: 0, count: 64)
        for index in plan.positiveClauses { clausesPerBit[index & 63] += 1 }
        nearGroups = plan.nearGroups.filter { group in group.allSatisfy { clausesPerBit[$0 & 63] == 1 } }.map { group in
            NearGroup(clauses: group.reduce(UInt64(0)) { $0 | (UInt64(1) << UInt64($1 & 63)) },
                      head: group.last.map { UInt64(1) << UInt64($0 & 63) } ?? 0)
        }
        var specific: UInt64 = 0
        var hasCommon = false
        for index in plan.positiveClauses {
            if plan.clauses[index].isCommonWord { hasCommon = true } else { specific |= UInt64(1) << UInt64(index & 63) }
        }
        specificBits = hasCommon ? specific : 0
    }

    /// What one positive clause contributes to hits, in clause order (so each cue's score
    /// sums its contributions in the same order whatever the episode).
    enum Source {
        /// A word or prefix clause: one transcript cursor per variant, moving forward only.
        case terms(bit: UInt64, idf: Double, variants: [(weight: Double, cursor: PostingsCursor)])
        case phrase(bit: UInt64, idf: Double, ordinals: [Int])
    }

    /// The hits of each episode in `episodes` (ordinals of one segment), keyed by ordinal.
    /// Episodes are visited in ordinal order so each variant's postings cursor only moves
    /// forward: one cursor per variant for all of them. With a `scope` (`speaker:`), only
    /// the cues it holds are hits; a query of filters only then lists them in time order.
    mutating func hits(
        context: SegmentContext, terms: SegmentTerms, episodes: [Int], links: [Int: DeepLink.Resolved],
        chapters: [Int: [Chapter]] = [:], limit: Int, scope: SpeakerScope? = nil
    ) throws(IndexError) -> [Int: [Hit]] {
        guard limit > 0, !episodes.isEmpty else { return [:] }
        if plan.positiveClauses.isEmpty, let scope {
            return try spokenCues(segment: context.segment, episodes: episodes, links: links, chapters: chapters, limit: limit, scope: scope)
        }
        guard !plan.clauses.isEmpty else { return [:] }
        let segment = context.segment
        let ordered = episodes.sorted()
        var sources = try self.sources(segment: segment, terms: terms)
        var negation = CueNegation(segment: segment, plan: plan, terms: terms)
        var evidence = Evidence()
        var result: [Int: [Hit]] = [:]
        for episode in ordered {
            let range = segment.cueRange(ofEpisode: episode)
            guard !range.isEmpty else {
                result[episode] = []
                continue
            }
            let first = range.lowerBound
            try gather(&evidence, sources: &sources, context: context, cues: range, scope: scope)
            evidence.keepWhole(nearGroups)
            if negation.isActive {
                let negated = try negation.cues(ofEpisode: episode, negated: true)
                if !negated.isEmpty { evidence.drop { negated.contains(first + $0) } }
            }
            // "Sveriges lantbruksuniversitet": the cues saying only "sverige" are noise
            // beside those saying "lantbruksuniversitetet" or "SLU".
            if specificBits != 0 { evidence.dropUnlessAnyMatches(specificBits) }
            let chosen = Self.best(evidence, limit: limit)
            evidence.clear()
            var hits: [Hit] = []
            for slot in chosen.sorted() {
                let ordinal = first + slot
                let cue = try segment.cue(ordinal)
                hits.append(hit(for: cue, phrases: evidence.phraseStarts[ordinal] ?? [],
                                link: links[episode] ?? DeepLink.Resolved(DeepLink.Source(recording: nil)),
                                chapters: chapters[episode] ?? []))
            }
            result[episode] = hits
        }
        // A damaged list stops its cursor and keeps the damage: fail rather than return
        // episodes without the hits it held (phrases check their own cursors).
        for source in sources {
            guard case .terms(_, _, let variants) = source else { continue }
            for index in variants.indices { try variants[index].cursor.checkIntact() }
        }
        return result
    }

    /// One `Source` per positive clause of the plan, with cursors on this segment's
    /// transcript postings (each moves forward only, so episodes are visited in order).
    func sources(segment: SegmentReader, terms: SegmentTerms) throws(IndexError) -> [Source] {
        var sources: [Source] = []
        for (index, clause) in plan.clauses.enumerated() where !clause.isNegated {
            let bit = UInt64(1) << UInt64(index & 63)
            let idf = clause.inverseDocumentFrequency
            switch clause.shape {
            case .terms:
                var variants: [(weight: Double, cursor: PostingsCursor)] = []
                for variant in terms.variants[index] {
                    let cursor = segment.postings(term: variant.ordinal, field: .transcript)
                    try cursor.checkIntact()
                    if cursor.count > 0 { variants.append((variant.weight, cursor)) }
                }
                sources.append(.terms(bit: bit, idf: idf, variants: variants))
            case .phrase:
                guard let ordinals = terms.phrases[index] else { continue }
                sources.append(.phrase(bit: bit, idf: idf, ordinals: ordinals))
            }
        }
        return sources
    }

    /// Adds the evidence of every source for the cues in `cues` (one episode's range) to
    /// `evidence`, moving the sources' cursors past them; with a `scope`, only its cues count.
    mutating func gather(_ evidence: inout Evidence, sources: inout [Source], context: SegmentContext, cues range: Range<Int>,
                         scope: SpeakerScope? = nil) throws(IndexError) {
        let segment = context.segment
        let k1 = parameters.k1
        let first = range.lowerBound
        evidence.prepare(count: range.count)
        for position in sources.indices {
            switch sources[position] {
            case .terms(let bit, let idf, var variants):
                sources[position] = .terms(bit: bit, idf: idf, variants: [])
                for variantIndex in variants.indices {
                    let weight = variants[variantIndex].weight
                    guard variants[variantIndex].cursor.advance(to: first) else { continue }
                    while variants[variantIndex].cursor.document < range.upperBound {
                        let cue = variants[variantIndex].cursor.document
                        if let scope, !scope.contains(cue) {
                            if !variants[variantIndex].cursor.next() { break }
                            continue
                        }
                        let frequency = Double(variants[variantIndex].cursor.frequency) * weight * context.cueInverseNorm(cue)
                        evidence.add(cue - first, bit: bit, score: idf * frequency * (k1 + 1) / (k1 + frequency))
                        if !variants[variantIndex].cursor.next() { break }
                    }
                }
                sources[position] = .terms(bit: bit, idf: idf, variants: variants)
            case .phrase(let bit, let idf, let ordinals):
                let length = ordinals.count
                var matcher = phraseMatcher
                try matcher.forEachMatch(segment: segment, ordinals: ordinals, field: .transcript, range: range) { cue, starts in
                    if let scope, !scope.contains(cue) { return }
                    let frequency = Double(starts.count) * context.cueInverseNorm(cue)
                    evidence.add(cue - first, bit: bit, score: idf * frequency * (k1 + 1) / (k1 + frequency))
                    evidence.phraseStarts[cue, default: []].append(contentsOf: starts.map { ($0, length) })
                }
                phraseMatcher = matcher
            }
        }
    }

    /// For a query of `speaker:` filters only: each episode's first `limit` cues in `scope`,
    /// in time order, with nothing marked.
    private func spokenCues(segment: SegmentReader, episodes: [Int], links: [Int: DeepLink.Resolved],
                            chapters: [Int: [Chapter]], limit: Int, scope: SpeakerScope) throws(IndexError) -> [Int: [Hit]] {
        var result: [Int: [Hit]] = [:]
        for episode in episodes {
            let link = links[episode] ?? DeepLink.Resolved(DeepLink.Source(recording: nil))
            var hits: [Hit] = []
            for cue in segment.cueRange(ofEpisode: episode) where scope.contains(cue) {
                hits.append(hit(for: try segment.cue(cue), phrases: [], link: link, chapters: chapters[episode] ?? []))
                if hits.count == limit { break }
            }
            result[episode] = hits
        }
        return result
    }

    /// The `limit` best touched slots: most distinct clauses, then highest score, then earliest.
    private static func best(_ evidence: Evidence, limit: Int) -> [Int] {
        var chosen: [Int] = []
        chosen.reserveCapacity(limit + 1)
        let masks = evidence.masks
        let scores = evidence.scores
        func better(_ left: Int, _ right: Int) -> Bool {
            let leftClauses = masks[left].nonzeroBitCount
            let rightClauses = masks[right].nonzeroBitCount
            if leftClauses != rightClauses { return leftClauses > rightClauses }
            if scores[left] != scores[right] { return scores[left] > scores[right] }
            return left < right
        }
        for slot in evidence.touched {
            if chosen.count == limit, let last = chosen.last, !better(slot, last) { continue }
            var place = chosen.count
            while place > 0 && better(slot, chosen[place - 1]) { place -= 1 }
            chosen.insert(slot, at: place)
            if chosen.count > limit { chosen.removeLast() }
        }
        return chosen
    }

    /// A 1,024-bit set of term shapes (byte length, first and last byte): most words of a
    /// cue are ruled out by it before their term is built and hashed.
    struct ShapeFilter {
        private var words = [UInt64](repeating: 0, count: 16)

        mutating func insert(_ shape: Int) {
            words[shape >> 6] |= 1 << UInt64(shape & 63)
        }

        @inline(__always)
        func mayContain(_ shape: Int) -> Bool {
            words[shape >> 6] & (1 << UInt64(shape & 63)) != 0
        }
    }

    @inline(__always)
    static func shape(length: Int, first: UInt8, last: UInt8) -> Int {
        (length &* 131 &+ Int(first) &* 31 &+ Int(last)) & 1023
    }

    /// The shape of a normalised term.
    static func shape(ofTerm term: String) -> Int {
        shape(length: term.utf8.count, first: term.utf8.first ?? 0, last: term.utf8.last ?? 0)
    }

    /// The shape of the term of a Latin-1 surface (`TokenSpan.keepsLength`): its first and
    /// last bytes lowercased as `Normalizer` does (ASCII A–Z; the second byte of C3 80–9E
    /// but C3 97), so it equals `shape(ofTerm:)` of the normalised term.
    @inline(__always)
    static func shape(ofLatin1Surface bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        let start = range.lowerBound
        let end = range.upperBound
        var first = bytes[start]
        if first &- 0x41 < 26 { first |= 0x20 }
        var last = bytes[end - 1]
        if last < 0x80 {
            if last &- 0x41 < 26 { last |= 0x20 }
        } else if end - 2 >= start, bytes[end - 2] == 0xC3, last < 0x9F, last != 0x97 {
            last |= 0x20
        }
        return shape(length: end - start, first: first, last: last)
    }

    /// The hit for a cue: marks tokens whose term a word clause matched, or whose position a
    /// phrase matched; its time is when the first of them is said (`HitMoment`).
    func hit(for cue: Cue, phrases: [(start: UInt32, length: Int)], link: DeepLink.Resolved, chapters: [Chapter] = []) -> Hit {
        let matches = matchRanges(in: cue.text, phrases: phrases)
        let snippet = Snippet(text: cue.text, matches: matches)
        // Matches come in token order: the first is the first matched word.
        let said = HitMoment.wordTime(in: cue, firstMatch: matches.first?.lowerBound)
        return Hit(
            start: said, end: cue.end, speaker: cue.speaker, text: cue.text,
            snippetHTML: snippet.html,
            url: link.url(seconds: HitMoment.linkSeconds(wordTime: said, cueStart: cue.start)),
            cueStart: cue.start, chapter: chapters.chapter(at: said)?.title)
    }

    /// The UTF-8 byte ranges of the words of `text` (a cue's) that the query matches: tokens
    /// whose term a word or prefix clause stands for, and tokens at the positions of a
    /// phrase match (`phrases`: token position and length of each).
    func matchRanges(in cueText: String, phrases: [(start: UInt32, length: Int)]) -> [Range<Int>] {
        var matches: [Range<Int>] = []
        var text = cueText
        text.withUTF8 { bytes in
            // Spans, not tokens: a word's term is built only when its surface length could
            // be that of a marked term (or cannot tell: joined forms, other scripts).
            tokenizer.forEachTokenSpan(inUTF8: bytes) { span in
                if !phrases.isEmpty {
                    let position = UInt32(truncatingIfNeeded: span.position)
                    if phrases.contains(where: { position >= $0.start && position < $0.start &+ UInt32($0.length) }) {
                        matches.append(span.utf8Start..<span.utf8End)
                        return
                    }
                }
                if span.keepsLength {
                    let length = UInt64(min(span.utf8End - span.utf8Start, 63))
                    guard markedLengths & (1 << length) != 0,
                          markedShapes.mayContain(Self.shape(ofLatin1Surface: bytes, span.utf8Start..<span.utf8End)) else { return }
                }
                let term = tokenizer.term(of: span, in: bytes)
                let length = UInt64(min(term.utf8.count, 63))
                if markedLengths & (1 << length) != 0 && markedTerms.contains(term) {
                    matches.append(span.utf8Start..<span.utf8End)
                }
            }
        }
        return matches
    }
}
