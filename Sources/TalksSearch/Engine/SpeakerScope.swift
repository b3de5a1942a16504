import TalksIndex

/// The cues of one segment spoken by the people a query's `speaker:` filters name: what
/// keeps `speaker:"Karin Lindqvist" livsmedelsstrategi` to what Karin says.
///
/// A cue is in scope when its speaker's name contains one of the filters' names as whole
/// folded words (`EpisodeFacts.contains`, as the episode filter matches: `speaker:karin`
/// and `speaker:"karin lindqvist"` are both Karin Lindqvist). Only cues of episodes the
/// filters allow are looked at; their speakers are read from the cue store's record headers
/// (no cue text is decoded). Cues without a speaker are in no one's scope: ingest has
/// already given them to the episode's only speaker when it has exactly one
/// (`EpisodeSpeakers` in TalksIndexing). A transcript that names no speaker at all cannot
/// say who said what: in an episode the filters allow (its metadata names the speaker) and
/// whose cues carry no speaker, every cue is in scope, so `speaker:` there means what it
/// meant before transcripts had voices: the episode's talk.
struct SpeakerScope: Sendable {
    /// One bit per cue of the segment.
    private var bits: [UInt64]

    init(segment: SegmentReader, names: [String], allowed: [Bool]?) throws(IndexError) {
        bits = [UInt64](repeating: 0, count: (segment.cueCount + 63) / 64)
        let needles = names.map(EpisodeFacts.words)
        let speakerNames = segment.cueSpeakerNames
        // Speaker number k (k ≥ 1) is in scope when name k − 1 matches; 0 (no speaker) never.
        var matches = [Bool](repeating: false, count: speakerNames.count + 1)
        for (index, name) in speakerNames.enumerated() {
            let words = EpisodeFacts.words(name)
            matches[index + 1] = needles.contains { EpisodeFacts.contains(words, $0) }
        }
        for episode in 0..<segment.episodeCount {
            if let allowed {
                guard episode < allowed.count, allowed[episode] else { continue }
            } else if segment.isDeleted(episode: episode) {
                continue
            }
            let range = segment.cueRange(ofEpisode: episode)
            guard !range.isEmpty else { continue }
            let numbers = try segment.cueSpeakerNumbers(in: range)
            if allowed != nil, !numbers.contains(where: { $0 != 0 }) {
                for cue in range { bits[cue >> 6] |= 1 << UInt64(cue & 63) }
                continue
            }
            guard matches.contains(true) else { continue }
            for (offset, number) in numbers.enumerated() where number < matches.count && matches[number] {
                let cue = range.lowerBound + offset
                bits[cue >> 6] |= 1 << UInt64(cue & 63)
            }
        }
    }

    /// The first cue at or after `cue` in scope, or nil when there is none: lets a postings
    /// cursor skip other speakers' cues (and whole episodes) with `advance(to:)`.
    func next(atOrAfter cue: Int) -> Int? {
        var word = max(0, cue) >> 6
        guard word < bits.count else { return nil }
        var remaining = bits[word] & (~UInt64(0) << UInt64(max(0, cue) & 63))
        while remaining == 0 {
            word += 1
            guard word < bits.count else { return nil }
            remaining = bits[word]
        }
        return word << 6 | remaining.trailingZeroBitCount
    }

    /// Whether cue `cue` (an ordinal of the segment) is spoken by a named speaker.
    @inline(__always)
    func contains(_ cue: Int) -> Bool {
        guard cue >= 0, cue >> 6 < bits.count else { return false }
        return bits[cue >> 6] & (1 << UInt64(cue & 63)) != 0
    }
}
