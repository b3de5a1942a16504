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
    private let tokenizer = Tokenizer()

    private var masks: [UInt64] = []
    private var scores: [Double] = []
    private var phraseMatcher = PhraseMatcher()

    init(plan: QueryPlan, parameters: RankingParameters) {
        self.plan = plan
        self.parameters = parameters
        var terms = Set<String>()
        for clause in plan.clauses where !clause.isNegated && clause.shape == .terms {
            for variant in clause.variants { terms.insert(variant.term) }
        }
        markedTerms = terms
    }

    mutating func hits(context: SegmentContext, episode: Int, recording: String?, limit: Int) throws(IndexError) -> [Hit] {
        guard limit > 0, !plan.clauses.isEmpty else { return [] }
        let segment = context.segment
        let range = segment.cueRange(ofEpisode: episode)
        guard !range.isEmpty else { return [] }
        masks = [UInt64](repeating: 0, count: range.count)
        scores = [Double](repeating: 0, count: range.count)
        var phraseStarts: [Int: [(start: UInt32, length: Int)]] = [:]
        let k1 = parameters.k1
        for (index, clause) in plan.clauses.enumerated() where !clause.isNegated {
            let bit = UInt64(1) << UInt64(index & 63)
            switch clause.shape {
            case .terms:
                for variant in clause.variants {
                    guard let ordinal = segment.termOrdinal(variant.term) else { continue }
                    var cursor = segment.postings(term: ordinal, field: .transcript)
                    guard cursor.advance(to: range.lowerBound) else { continue }
                    repeat {
                        let cue = cursor.document
                        if cue >= range.upperBound { break }
                        let frequency = Double(cursor.frequency) * variant.weight * context.cueInverseNorm(cue)
                        masks[cue - range.lowerBound] |= bit
                        scores[cue - range.lowerBound] += clause.inverseDocumentFrequency * frequency * (k1 + 1) / (k1 + frequency)
                    } while cursor.next()
                }
            case .phrase:
                var ordinals: [Int] = []
                for term in clause.phraseTerms {
                    guard let ordinal = segment.termOrdinal(term) else { break }
                    ordinals.append(ordinal)
                }
                guard ordinals.count == clause.phraseTerms.count, !ordinals.isEmpty else { continue }
                let length = ordinals.count
                let idf = clause.inverseDocumentFrequency
                var matcher = phraseMatcher
                var found: [(Int, [UInt32])] = []
                matcher.forEachMatch(segment: segment, ordinals: ordinals, field: .transcript, range: range) { cue, starts in
                    found.append((cue, starts))
                }
                phraseMatcher = matcher
                for (cue, starts) in found {
                    let frequency = Double(starts.count) * context.cueInverseNorm(cue)
                    masks[cue - range.lowerBound] |= bit
                    scores[cue - range.lowerBound] += idf * frequency * (k1 + 1) / (k1 + frequency)
                    phraseStarts[cue, default: []].append(contentsOf: starts.map { ($0, length) })
                }
            }
        }
        var candidates: [Int] = []
        for offset in 0..<range.count where masks[offset] != 0 { candidates.append(offset) }
        candidates.sort { left, right in
            let leftClauses = masks[left].nonzeroBitCount
            let rightClauses = masks[right].nonzeroBitCount
            if leftClauses != rightClauses { return leftClauses > rightClauses }
            if scores[left] != scores[right] { return scores[left] > scores[right] }
            return left < right
        }
        let chosen = candidates.prefix(limit).sorted()
        var hits: [Hit] = []
        hits.reserveCapacity(chosen.count)
        for offset in chosen {
            let ordinal = range.lowerBound + offset
            let cue = try segment.cue(ordinal)
            hits.append(hit(for: cue, phrases: phraseStarts[ordinal] ?? [], recording: recording))
        }
        return hits
    }

    /// The hit for a cue: marks tokens whose term a word clause matched, or whose position a
    /// phrase matched.
    func hit(for cue: Cue, phrases: [(start: UInt32, length: Int)], recording: String?) -> Hit {
        var matches: [Range<Int>] = []
        tokenizer.forEachToken(in: cue.text) { token in
            let position = UInt32(truncatingIfNeeded: token.position)
            let inPhrase = phrases.contains { position >= $0.start && position < $0.start &+ UInt32($0.length) }
            if inPhrase || markedTerms.contains(token.term) {
                matches.append(token.utf8Start..<token.utf8End)
            }
        }
        let snippet = Snippet(text: cue.text, matches: matches)
        return Hit(
            start: cue.start, end: cue.end, speaker: cue.speaker, text: cue.text,
            snippetHTML: snippet.html, snippetText: snippet.text, highlights: snippet.highlights,
            url: DeepLink.url(recording: recording, seconds: cue.start))
    }
}
