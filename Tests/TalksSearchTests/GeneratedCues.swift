/// Generated transcript text for the tests that compare two walks over cues
/// (`CueNegationWalkTests`, `CuePartsProximityWalkTests`): cues of a few words drawn from a
/// fixed linear congruential sequence, so every run sees the same episodes.
struct GeneratedCues {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    /// The next number below `bound`.
    mutating func next(_ bound: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int((state >> 33) % UInt64(bound))
    }

    /// 1 to `maximumCues` cues of 1 to 4 of `words` each, each ending with a full stop.
    mutating func cues(upTo maximumCues: Int, of words: [String]) -> [String] {
        (0..<(1 + next(maximumCues))).map { _ in
            (0..<(1 + next(4))).map { _ in words[next(words.count)] }.joined(separator: " ") + "."
        }
    }
}
