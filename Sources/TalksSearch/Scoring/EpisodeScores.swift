/// A set of episodes of one segment with a score each: episode ordinals ascending, scores
/// parallel. The currency of boolean evaluation (AND = intersect, OR = union, NOT = subtract);
/// merges are linear and allocate one result array.
struct EpisodeScores {
    var episodes: [Int32] = []
    var scores: [Double] = []

    var count: Int { episodes.count }
    var isEmpty: Bool { episodes.isEmpty }

    mutating func append(_ episode: Int, _ score: Double) {
        episodes.append(Int32(truncatingIfNeeded: episode))
        scores.append(score)
    }

    /// Episodes in both, scores summed.
    func intersecting(_ other: EpisodeScores) -> EpisodeScores {
        var result = EpisodeScores()
        var left = 0
        var right = 0
        while left < count && right < other.count {
            let a = episodes[left]
            let b = other.episodes[right]
            if a == b {
                result.episodes.append(a)
                result.scores.append(scores[left] + other.scores[right])
                left += 1
                right += 1
            } else if a < b {
                left += 1
            } else {
                right += 1
            }
        }
        return result
    }

    /// Episodes in either, scores summed where both have one (the higher one kept instead
    /// with `keepingHigher`: alternatives that stand for one mention, such as synonyms).
    func union(_ other: EpisodeScores, keepingHigher: Bool = false) -> EpisodeScores {
        var result = EpisodeScores()
        result.episodes.reserveCapacity(count + other.count)
        result.scores.reserveCapacity(count + other.count)
        var left = 0
        var right = 0
        while left < count || right < other.count {
            if right >= other.count || (left < count && episodes[left] < other.episodes[right]) {
                result.episodes.append(episodes[left])
                result.scores.append(scores[left])
                left += 1
            } else if left >= count || other.episodes[right] < episodes[left] {
                result.episodes.append(other.episodes[right])
                result.scores.append(other.scores[right])
                right += 1
            } else {
                result.episodes.append(episodes[left])
                result.scores.append(keepingHigher ? max(scores[left], other.scores[right]) : scores[left] + other.scores[right])
                left += 1
                right += 1
            }
        }
        return result
    }

    /// Episodes not in `other`.
    func subtracting(_ other: EpisodeScores) -> EpisodeScores {
        var result = EpisodeScores()
        var right = 0
        for index in 0..<count {
            let episode = episodes[index]
            while right < other.count && other.episodes[right] < episode { right += 1 }
            if right < other.count && other.episodes[right] == episode { continue }
            result.episodes.append(episode)
            result.scores.append(scores[index])
        }
        return result
    }
}
