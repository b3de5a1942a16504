/// Counts the facets of a search while its matches are collected, before the top-k cut: one
/// array increment per matching episode and name, then one merge at the end.
///
/// The engine already visits every matching episode to count `total_episodes` and to rank
/// them; the tally rides on that loop, so facets cost no second evaluation of the query.
/// Per segment it counts into arrays indexed by `EpisodeFacts`' name numbers; only when
/// several segments matched are the counts merged by name (hashing each name once), and the
/// ordering compares counts first and names, by their UTF-8 bytes, only on ties: with
/// hundreds of speakers that is what a faceted search costs beyond a plain one.
struct FacetTally {
    /// The names of one segment and how many matches had each.
    private typealias Counted = (names: [String], counts: [Int])

    private var series: [Counted] = []
    private var speakers: [Counted] = []
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

    /// Ends the segment: keeps its counts beside its names.
    mutating func end() {
        guard let facts else { return }
        series.append((facts.seriesNames, segmentSeries))
        speakers.append((facts.speakerNames, segmentSpeakers))
        self.facts = nil
    }

    /// The counted facets, ordered and cut to `limit` values per facet.
    func facets(limit: Int = SearchLimits.maximumFacetValues) -> SearchFacets {
        let years = years.sorted { $0.key > $1.key }.prefix(limit).map { FacetCount(value: Self.yearText($0.key), count: $0.value) }
        return SearchFacets(series: Self.mostCommon(series, limit: limit), speakers: Self.mostCommon(speakers, limit: limit),
                            years: Array(years))
    }

    /// The names with a count, most common first, ties in code point order (UTF-8 bytes).
    private static func mostCommon(_ segments: [Counted], limit: Int) -> [FacetCount] {
        var values: [FacetCount] = []
        if segments.count == 1, let only = segments.first {
            for (number, count) in only.counts.enumerated() where count > 0 && number < only.names.count {
                values.append(FacetCount(value: only.names[number], count: count))
            }
        } else {
            var merged: [String: Int] = [:]
            for segment in segments {
                for (number, count) in segment.counts.enumerated() where count > 0 && number < segment.names.count {
                    merged[segment.names[number], default: 0] += count
                }
            }
            values = merged.map { FacetCount(value: $0.key, count: $0.value) }
        }
        guard limit > 0 else { return [] }
        if values.count > limit {
            // Only values as common as the limit-th most common can be listed.
            let threshold = values.map(\.count).sorted(by: >)[limit - 1]
            values.removeAll { $0.count < threshold }
        }
        values.sort { $0.count != $1.count ? $0.count > $1.count : $0.value.utf8.lexicographicallyPrecedes($1.value.utf8) }
        return Array(values.prefix(limit))
    }

    /// A year as four digits (`0987`), as `year:` reads it.
    static func yearText(_ year: Int) -> String {
        let digits = String(year)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
