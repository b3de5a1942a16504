import TalksIndex

/// Evaluates a `QueryPlan` on one segment: which live episodes match and with what BM25F
/// score.
///
/// Terms are scored at episode level from the per-episode transcript aggregate plus the
/// per-field metadata postings; phrases from positions. Scores accumulate in a dense
/// per-episode array that is reused between clauses (no hashing, no strings per posting).
/// A postings list found damaged fails the evaluation with its `IndexError` (naming the
/// segment file) rather than leaving its episodes out.
struct SegmentEvaluator {
    let context: SegmentContext
    let plan: QueryPlan
    let terms: SegmentTerms
    let parameters: RankingParameters
    /// Episodes the filters allow (nil: all), already excluding deleted ones when set.
    let allowed: [Bool]?
    /// With `speaker:`, the cues the named speakers say: only they match and score (metadata
    /// fields do not count), so an episode where the speaker never says the words is no match.
    let scope: SpeakerScope?

    /// Matching cues of a transcript phrase counted per episode for scoring; the scan then
    /// skips to the next episode. Frequencies beyond this change BM25 little (saturation)
    /// and common-word phrases ("det är") would otherwise scan every cue of the archive.
    static let phraseCuesPerEpisode = 4

    private var accumulator: [Double]
    private var touched: [Int32] = []
    private var phraseMatcher = PhraseMatcher()
    /// Set while evaluating the excluded nodes of a query with words: they are scored on
    /// the metadata fields only (their transcript is `CueNegation`'s, per cue).
    private var excludingMetadataOnly = false
    /// Episodes whose metadata holds a negated word (of a query with words to search for).
    private var metadataNegated = Set<Int32>()

    init(context: SegmentContext, plan: QueryPlan, terms: SegmentTerms, parameters: RankingParameters, allowed: [Bool]?,
         scope: SpeakerScope? = nil) {
        self.context = context
        self.plan = plan
        self.terms = terms
        self.parameters = parameters
        self.allowed = allowed
        self.scope = scope
        accumulator = [Double](repeating: 0, count: context.segment.episodeCount)
    }

    var segment: SegmentReader { context.segment }

    /// The matching live episodes and their scores.
    mutating func evaluate() throws(IndexError) -> EpisodeScores {
        let matches = try evaluate(plan.root, candidates: nil)
        var result = EpisodeScores()
        result.episodes.reserveCapacity(matches.count)
        result.scores.reserveCapacity(matches.count)
        var negation = CueNegation(segment: segment, plan: plan, terms: terms)
        let negates = negation.isActive && !plan.listsByFilterOnly
        for index in 0..<matches.count {
            let episode = Int(matches.episodes[index])
            guard isLive(episode) else { continue }
            if negates, !(try negation.keepsAHit(episode: episode, metadataNegated: metadataNegated.contains(matches.episodes[index]))) {
                continue
            }
            result.episodes.append(matches.episodes[index])
            result.scores.append(matches.scores[index])
        }
        return result
    }

    @inline(__always)
    private func isLive(_ episode: Int) -> Bool {
        if let allowed { return episode < allowed.count && allowed[episode] }
        return !segment.isDeleted(episode: episode)
    }

    /// Whether a node is a phrase clause (evaluated after cheaper clauses, restricted to
    /// the episodes they leave).
    private func isPhrase(_ node: QueryPlan.Node) -> Bool {
        if case .clause(let index) = node { return plan.clauses[index].shape == .phrase }
        return false
    }

    /// Episode flags for `scores`, combined with the filter flags.
    private func mask(_ scores: EpisodeScores) -> [Bool] {
        var flags = [Bool](repeating: false, count: segment.episodeCount)
        for episode in scores.episodes where Int(episode) < flags.count {
            flags[Int(episode)] = allowed?[Int(episode)] ?? true
        }
        return flags
    }

    /// `candidates`: episodes that can still matter (nil: all the filters allow).
    private mutating func evaluate(_ node: QueryPlan.Node, candidates: [Bool]? = nil) throws(IndexError) -> EpisodeScores {
        switch node {
        case .clause(let index):
            return try evaluate(clause: index, candidates: candidates ?? allowed)
        case .or(let branches):
            var result = EpisodeScores()
            for branch in branches { result = result.union(try evaluate(branch, candidates: candidates)) }
            return result
        case .best(let branches):
            var result = EpisodeScores()
            for branch in branches { result = result.union(try evaluate(branch, candidates: candidates), keepingHigher: true) }
            return result
        case .near(let group):
            return try evaluate(near: group, candidates: candidates)
        case .and(let required, let excluded):
            var result: EpisodeScores
            if required.isEmpty {
                result = EpisodeScores()
                for episode in 0..<segment.episodeCount where isLive(episode) {
                    if let candidates, !(episode < candidates.count && candidates[episode]) { continue }
                    result.append(episode, 0)
                }
            } else {
                let cheap = required.filter { !isPhrase($0) }
                let phrases = required.filter { isPhrase($0) }
                var parts: [EpisodeScores] = []
                for node in cheap { parts.append(try evaluate(node, candidates: candidates)) }
                parts.sort { $0.count < $1.count }
                if parts.isEmpty {
                    result = try evaluate(phrases[0], candidates: candidates)
                } else {
                    result = parts[0]
                    for part in parts.dropFirst() {
                        if result.isEmpty { break }
                        result = result.intersecting(part)
                    }
                }
                for phrase in phrases.dropFirst(parts.isEmpty ? 1 : 0) {
                    if result.isEmpty { break }
                    result = result.intersecting(try evaluate(phrase, candidates: mask(result)))
                }
            }
            // With words to search for, a negated word works per cue (`CueNegation`, applied
            // in `evaluate()`): here only the episodes whose metadata says it are noted, for
            // episodes matched by their metadata alone. A listing by filters alone has no
            // moments, so there it excludes any mention.
            let perCue = !required.isEmpty
            let wasMetadataOnly = excludingMetadataOnly
            excludingMetadataOnly = perCue
            defer { excludingMetadataOnly = wasMetadataOnly }
            for node in excluded {
                if result.isEmpty { break }
                let negated = try evaluate(node, candidates: isPhrase(node) ? mask(result) : candidates)
                if perCue {
                    metadataNegated.formUnion(negated.episodes)
                } else {
                    result = result.subtracting(negated)
                }
            }
            return result
        }
    }

    /// The episodes where one cue says every clause of `group` (a compound's parts), scored
    /// by the sum of the clauses' scores: the clauses are intersected by episode first
    /// (rarest first, stopping when nothing is left), then each remaining episode's cues are
    /// checked up to the first that says them all (`CuePartsProximity.saysAll`). With a
    /// `scope`, only the speaker's cues count.
    private mutating func evaluate(near group: [Int], candidates: [Bool]?) throws(IndexError) -> EpisodeScores {
        var parts: [EpisodeScores] = []
        for clause in group { parts.append(try evaluate(clause: clause, candidates: candidates ?? allowed)) }
        parts.sort { $0.count < $1.count }
        guard var result = parts.first else { return EpisodeScores() }
        for part in parts.dropFirst() {
            if result.isEmpty { return result }
            result = result.intersecting(part)
        }
        var proximity = CuePartsProximity(segment: segment, clauses: group, terms: terms)
        var kept = EpisodeScores()
        for index in 0..<result.count {
            let episode = Int(result.episodes[index])
            let range = segment.cueRange(ofEpisode: episode)
            let says: Bool
            if let scope {
                says = try proximity.saysAll(inRange: range) { scope.contains($0) }
            } else {
                says = try proximity.saysAll(inRange: range)
            }
            if says { kept.append(episode, result.scores[index]) }
        }
        return kept
    }

    private mutating func evaluate(clause index: Int, candidates: [Bool]?) throws(IndexError) -> EpisodeScores {
        let clause = plan.clauses[index]
        switch clause.shape {
        case .terms: try scoreTerms(terms.variants[index])
        case .phrase:
            if let ordinals = terms.phrases[index] { try scorePhrase(ordinals, candidates: candidates) }
        }
        return collect(idf: clause.inverseDocumentFrequency)
    }

    /// Adds each variant's weighted, length-normalised frequencies into the accumulator.
    private mutating func scoreTerms(_ variants: [SegmentTerms.Weighted]) throws(IndexError) {
        let transcriptWeight = parameters.transcriptWeight
        let transcriptNorms = context.inverseNorms[Int(Field.transcript.rawValue)]
        if let scope {
            // Scoped, only the speaker's cues count, and a negated word is `CueNegation`'s.
            if !excludingMetadataOnly { try scoreSpokenTerms(variants, scope: scope, transcriptNorms: transcriptNorms) }
            return
        }
        for variant in variants {
            let ordinal = variant.ordinal
            let weight = variant.weight
            if !excludingMetadataOnly {
                var cursor = segment.episodePostings(term: ordinal)
                let scale = weight * transcriptWeight
                while cursor.next() {
                    let episode = cursor.document
                    add(episode, scale * Double(cursor.frequency) * transcriptNorms[episode])
                }
                try cursor.checkIntact()
            }
            for field in Field.episodeFields {
                var fieldCursor = segment.postings(term: ordinal, field: field)
                guard fieldCursor.count > 0 else {
                    try fieldCursor.checkIntact()
                    continue
                }
                let norms = context.inverseNorms[Int(field.rawValue)]
                let fieldScale = weight * parameters.weight(of: field)
                while fieldCursor.next() {
                    let episode = fieldCursor.document
                    add(episode, fieldScale * Double(fieldCursor.frequency) * norms[episode])
                }
                try fieldCursor.checkIntact()
            }
        }
    }

    /// The scoped form of `scoreTerms`: each variant's cue postings, counted in an episode
    /// only for the cues `scope` holds (the speaker's own frequency of the term there).
    private mutating func scoreSpokenTerms(_ variants: [SegmentTerms.Weighted], scope: SpeakerScope,
                                           transcriptNorms: [Double]) throws(IndexError) {
        let transcriptWeight = parameters.transcriptWeight
        for variant in variants {
            var cursor = segment.postings(term: variant.ordinal, field: .transcript)
            let scale = variant.weight * transcriptWeight
            // Leapfrog the cursor and the scope: other speakers' cues are skipped, not read.
            var target = scope.next(atOrAfter: 0)
            while let wanted = target, cursor.advance(to: wanted) {
                let cue = cursor.document
                guard scope.contains(cue) else {
                    target = scope.next(atOrAfter: cue)
                    continue
                }
                let episode = segment.episodeOrdinal(ofCue: cue)
                if episode >= 0, episode < transcriptNorms.count {
                    add(episode, scale * Double(cursor.frequency) * transcriptNorms[episode])
                }
                target = scope.next(atOrAfter: cue + 1)
            }
            try cursor.checkIntact()
        }
    }

    private mutating func scorePhrase(_ ordinals: [Int], candidates: [Bool]?) throws(IndexError) {
        let segment = self.segment
        let transcriptNorms = context.inverseNorms[Int(Field.transcript.rawValue)]
        let transcriptWeight = parameters.transcriptWeight
        var matcher = phraseMatcher
        var pending: [(Int, Double)] = []
        let scope = self.scope
        // With a scope, other speakers' cues must not use up an episode's quota of matches.
        let gate = PhraseMatcher.EpisodeGate(segment: segment, candidates: candidates,
                                             perEpisodeLimit: scope == nil ? Self.phraseCuesPerEpisode : Int.max)
        if !excludingMetadataOnly {
            try matcher.forEachTranscriptMatch(segment: segment, ordinals: ordinals, gate: gate) { cue, episode, starts in
                guard episode >= 0, episode < transcriptNorms.count else { return }
                if let scope, !scope.contains(cue) { return }
                pending.append((episode, transcriptWeight * Double(starts.count) * transcriptNorms[episode]))
            }
        }
        if scope != nil {
            phraseMatcher = matcher
            for (episode, value) in pending { add(episode, value) }
            return
        }
        for field in Field.episodeFields {
            let norms = context.inverseNorms[Int(field.rawValue)]
            let weight = parameters.weight(of: field)
            try matcher.forEachMatch(segment: segment, ordinals: ordinals, field: field) { episode, starts in
                guard episode < norms.count else { return }
                if let candidates, !(episode < candidates.count && candidates[episode]) { return }
                pending.append((episode, weight * Double(starts.count) * norms[episode]))
            }
        }
        phraseMatcher = matcher
        for (episode, value) in pending { add(episode, value) }
    }

    @inline(__always)
    private mutating func add(_ episode: Int, _ value: Double) {
        guard episode >= 0, episode < accumulator.count else { return }
        if accumulator[episode] == 0 { touched.append(Int32(truncatingIfNeeded: episode)) }
        accumulator[episode] += value
    }

    /// Turns the accumulated weighted frequencies into BM25 scores, clearing the accumulator.
    private mutating func collect(idf: Double) -> EpisodeScores {
        var result = EpisodeScores()
        guard !touched.isEmpty else { return result }
        result.episodes.reserveCapacity(touched.count)
        result.scores.reserveCapacity(touched.count)
        let k1 = parameters.k1
        if touched.count * 8 > accumulator.count {
            // Dense: a linear pass over the accumulator is cheaper than sorting.
            for index in 0..<accumulator.count where accumulator[index] > 0 {
                let frequency = accumulator[index]
                accumulator[index] = 0
                result.episodes.append(Int32(truncatingIfNeeded: index))
                result.scores.append(idf * frequency * (k1 + 1) / (k1 + frequency))
            }
        } else {
            touched.sort()
            for episode in touched {
                let index = Int(episode)
                let frequency = accumulator[index]
                accumulator[index] = 0
                guard frequency > 0 else { continue }
                result.episodes.append(episode)
                result.scores.append(idf * frequency * (k1 + 1) / (k1 + frequency))
            }
        }
        touched.removeAll(keepingCapacity: true)
        return result
    }
}
