import TalksAnalysis
import TalksIndex
import TalksModel

/// Picks an episode's best matching cues and turns them into `Hit`s with snippets.
///
/// A cue ranks by how many distinct positive clauses it matches, then by its BM25 score
/// within the cue; the best `limit` are returned in time order. Matched words are located
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
    /// Folded words of each `speaker:` filter, whose cues are preferred as hits.
    private let speakerNeedles: [[String]]
    private let tokenizer = Tokenizer()

    private var phraseMatcher = PhraseMatcher()

    init(plan: QueryPlan, parameters: RankingParameters) {
        self.plan = plan
        self.parameters = parameters
        var terms = Set<String>()
        for clause in plan.clauses where !clause.isNegated && clause.shape == .terms {
            for variant in clause.variants { terms.insert(variant.term) }
        }
        markedTerms = terms
        speakerNeedles = plan.filters.speakers.map(EpisodeFacts.words)
        markedLengths = terms.reduce(0) { bits, term in bits | (UInt64(1) << UInt64(min(term.utf8.count, 63))) }
    }

    /// Per-cue evidence over the cue ranges of several episodes laid end to end.
    private struct Evidence {
        var masks: [UInt64]
        var scores: [Double]
        var phraseStarts: [Int: [(start: UInt32, length: Int)]] = [:]
    }

    /// The hits of each episode in `episodes` (ordinals of one segment), keyed by ordinal.
    /// Episodes are visited in ordinal order so each variant's postings cursor only moves
    /// forward: one cursor per variant for all of them.
    mutating func hits(
        context: SegmentContext, terms: SegmentTerms, episodes: [Int], recordings: [Int: String?], limit: Int
    ) throws(IndexError) -> [Int: [Hit]] {
        guard limit > 0, !plan.clauses.isEmpty, !episodes.isEmpty else { return [:] }
        let segment = context.segment
        let ordered = episodes.sorted()
        let ranges = ordered.map { segment.cueRange(ofEpisode: $0) }
        var bases: [Int] = []
        var total = 0
        for range in ranges {
            bases.append(total)
            total += range.count
        }
        var evidence = Evidence(masks: [UInt64](repeating: 0, count: total), scores: [Double](repeating: 0, count: total))
        let k1 = parameters.k1
        for (index, clause) in plan.clauses.enumerated() where !clause.isNegated {
            let bit = UInt64(1) << UInt64(index & 63)
            let idf = clause.inverseDocumentFrequency
            switch clause.shape {
            case .terms:
                for variant in terms.variants[index] {
                    var cursor = segment.postings(term: variant.ordinal, field: .transcript)
                    guard cursor.count > 0 else { continue }
                    for (position, range) in ranges.enumerated() where !range.isEmpty {
                        guard cursor.advance(to: range.lowerBound) else { break }
                        while cursor.document < range.upperBound {
                            let cue = cursor.document
                            let slot = bases[position] + cue - range.lowerBound
                            let frequency = Double(cursor.frequency) * variant.weight * context.cueInverseNorm(cue)
                            evidence.masks[slot] |= bit
                            evidence.scores[slot] += idf * frequency * (k1 + 1) / (k1 + frequency)
                            if !cursor.next() { break }
                        }
                    }
                }
            case .phrase:
                guard let ordinals = terms.phrases[index] else { continue }
                let length = ordinals.count
                var matcher = phraseMatcher
                for (position, range) in ranges.enumerated() where !range.isEmpty {
                    let base = bases[position]
                    matcher.forEachMatch(segment: segment, ordinals: ordinals, field: .transcript, range: range) { cue, starts in
                        let slot = base + cue - range.lowerBound
                        let frequency = Double(starts.count) * context.cueInverseNorm(cue)
                        evidence.masks[slot] |= bit
                        evidence.scores[slot] += idf * frequency * (k1 + 1) / (k1 + frequency)
                        evidence.phraseStarts[cue, default: []].append(contentsOf: starts.map { ($0, length) })
                    }
                }
                phraseMatcher = matcher
            }
        }
        var result: [Int: [Hit]] = [:]
        for (position, episode) in ordered.enumerated() {
            let range = ranges[position]
            let base = bases[position]
            var chosen = Self.best(evidence, slots: base..<(base + range.count),
                                   limit: speakerNeedles.isEmpty ? limit : max(limit, Self.speakerCandidates))
            if !speakerNeedles.isEmpty {
                chosen = try preferringFilteredSpeakers(chosen, segment: segment, firstCue: range.lowerBound - base, limit: limit)
            }
            var hits: [Hit] = []
            for slot in chosen.sorted() {
                let ordinal = range.lowerBound + slot - base
                let cue = try segment.cue(ordinal)
                hits.append(hit(for: cue, phrases: evidence.phraseStarts[ordinal] ?? [], recording: recordings[episode] ?? nil))
            }
            result[episode] = hits
        }
        return result
    }

    /// With a `speaker:` filter, how many of an episode's best cues are inspected for one the
    /// named speaker says (their speaker is only known once the cue is read).
    static let speakerCandidates = 24

    /// Reorders `chosen` (best first) so cues spoken by a filtered speaker come first, and
    /// keeps `limit`: "speaker:X word" shows the moments where X says the word, when the
    /// transcript marks speakers, and the episode's other matches otherwise.
    private func preferringFilteredSpeakers(_ chosen: [Int], segment: SegmentReader, firstCue: Int, limit: Int) throws(IndexError) -> [Int] {
        var spoken: [Int] = []
        var others: [Int] = []
        for slot in chosen {
            let speaker = try segment.cue(firstCue + slot).speaker.map(EpisodeFacts.words) ?? []
            if speakerNeedles.contains(where: { EpisodeFacts.contains(speaker, $0) }) {
                spoken.append(slot)
            } else {
                others.append(slot)
            }
        }
        return Array((spoken + others).prefix(limit))
    }

    /// The `limit` best slots: most distinct clauses, then highest score, then earliest.
    private static func best(_ evidence: Evidence, slots: Range<Int>, limit: Int) -> [Int] {
        var chosen: [Int] = []
        func better(_ left: Int, _ right: Int) -> Bool {
            let leftClauses = evidence.masks[left].nonzeroBitCount
            let rightClauses = evidence.masks[right].nonzeroBitCount
            if leftClauses != rightClauses { return leftClauses > rightClauses }
            if evidence.scores[left] != evidence.scores[right] { return evidence.scores[left] > evidence.scores[right] }
            return left < right
        }
        for slot in slots where evidence.masks[slot] != 0 {
            if chosen.count == limit, let last = chosen.last, !better(slot, last) { continue }
            var place = chosen.count
            while place > 0 && better(slot, chosen[place - 1]) { place -= 1 }
            chosen.insert(slot, at: place)
            if chosen.count > limit { chosen.removeLast() }
        }
        return chosen
    }

    /// The hit for a cue: marks tokens whose term a word clause matched, or whose position a
    /// phrase matched.
    func hit(for cue: Cue, phrases: [(start: UInt32, length: Int)], recording: String?) -> Hit {
        var matches: [Range<Int>] = []
        tokenizer.forEachToken(in: cue.text) { token in
            var inPhrase = false
            if !phrases.isEmpty {
                let position = UInt32(truncatingIfNeeded: token.position)
                inPhrase = phrases.contains { position >= $0.start && position < $0.start &+ UInt32($0.length) }
            }
            let length = UInt64(min(token.term.utf8.count, 63))
            if inPhrase || (markedLengths & (1 << length) != 0 && markedTerms.contains(token.term)) {
                matches.append(token.utf8Start..<token.utf8End)
            }
        }
        let snippet = Snippet(text: cue.text, matches: matches)
        return Hit(
            start: cue.start, end: cue.end, speaker: cue.speaker, text: cue.text,
            snippetHTML: snippet.html,
            url: DeepLink.url(recording: recording, seconds: cue.start))
    }
}
