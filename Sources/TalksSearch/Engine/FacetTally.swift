/// Counts the facets of a search while its matches are collected, before the top-k cut: one
/// array increment per matching episode and name, then one merge per segment.
///
/// The engine already visits every matching episode to count `total_episodes` and to rank
/// them; the tally rides on that loop, so facets cost no second evaluation of the query.
/// Per segment it counts into arrays indexed by `EpisodeFacts`' name numbers and merges the
/// non-zero entries into dictionaries by name when the segment is done.
struct FacetTally {
    private var series: [String: Int] = [:]
    private var speakers: [String: Int] = [:]
    private var years: [Int: Int] = [:]

    private var segmentSeries: [Int] = []
    private var segmentSpeakers: [Int] = []
    private var facts: EpisodeFacts?

    /// Starts counting a segment's matches; `facts` are that segment's.
    mutating func begin(_ facts: EpisodeFacts) {
        self.facts = facts
        segmentSeries = [Int](repeating: 0, count: facts.seriesNames.count)
        segmentSpeakers = [Int](repeating: 0, count: facts.speakerNames.count)
    }

    /// Counts one matching episode (its ordinal in the segment passed to `begin`).
    mutating func count(episode: Int) {
        guard let facts, episode >= 0, episode < facts.seriesName.count else { return }
        let series = Int(facts.seriesName[episode])
        if series >= 0, series < segmentSeries.count { segmentSeries[series] += 1 }
        for speaker in facts.speakerName[episode] where speaker >= 0 && Int(speaker) < segmentSpeakers.count {
            segmentSpeakers[Int(speaker)] += 1
        }
        if let date = facts.dates[episode] { years[date / 10_000, default: 0] += 1 }
    }

    /// Folds the segment's counts into the totals by name.
    mutating func end() {
        guard let facts else { return }
        for (number, count) in segmentSeries.enumerated() where count > 0 {
            series[facts.seriesNames[number], default: 0] += count
        }
        for (number, count) in segmentSpeakers.enumerated() where count > 0 {
            speakers[facts.speakerNames[number], default: 0] += count
        }
        self.facts = nil
    }

    /// The counted facets, ordered and cut to `limit` values per facet.
    func facets(limit: Int = SearchLimits.maximumFacetValues) -> SearchFacets {
        func byCount(_ counts: [String: Int]) -> [FacetCount] {
            counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .prefix(limit).map { FacetCount(value: $0.key, count: $0.value) }
        }
        let years = years.sorted { $0.key > $1.key }.prefix(limit).map { FacetCount(value: Self.yearText($0.key), count: $0.value) }
        return SearchFacets(series: byCount(series), speakers: byCount(speakers), years: Array(years))
    }

    /// A year as four digits (`0987`), as `year:` reads it.
    static func yearText(_ year: Int) -> String {
        let digits = String(year)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
