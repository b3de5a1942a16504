import TalksAnalysis
import TalksIndex
import TalksModel

/// What filters look at for each episode of a segment, normalised once per reader: the date
/// as a `yyyymmdd` number and the speaker and series names as folded word lists.
///
/// Built lazily the first time a filtered query or an episode listing touches the segment.
struct EpisodeFacts: Sendable {
    var dates: [Int?]
    var speakerWords: [[[String]]]
    var seriesWords: [[String]]

    init(segment: SegmentReader) {
        var dates: [Int?] = []
        var speakers: [[[String]]] = []
        var series: [[String]] = []
        // Names repeat from episode to episode: each distinct one is analysed once.
        var wordsByName: [String: [String]] = [:]
        func words(_ name: String) -> [String] {
            if let known = wordsByName[name] { return known }
            let analysed = Self.words(name)
            wordsByName[name] = analysed
            return analysed
        }
        dates.reserveCapacity(segment.episodeCount)
        speakers.reserveCapacity(segment.episodeCount)
        series.reserveCapacity(segment.episodeCount)
        for ordinal in 0..<segment.episodeCount {
            let episode = try? segment.episodeFilterFields(ordinal)
            dates.append(episode?.date.flatMap(QueryDate.ordinal(ofISODate:)) ?? episode?.timestamp.flatMap(Self.dateOrdinal))
            speakers.append(episode?.speakers.map(words) ?? [])
            series.append(episode?.series.map(words) ?? [])
        }
        self.dates = dates
        speakerWords = speakers
        seriesWords = series
    }

    /// Normalised, ASCII-folded words: how filter values and names are compared, so
    /// `speaker:"helene oscarsson"` and `series:"Landet lar"` match.
    static func words(_ text: String) -> [String] {
        Tokenizer().tokens(in: text).map { AsciiFolder.fold($0.term) }
    }

    /// The UTC calendar date of a Unix timestamp as `yyyymmdd` (for episodes without a
    /// written date).
    static func dateOrdinal(_ timestamp: Int64) -> Int? {
        let (quotient, remainder) = timestamp.quotientAndRemainder(dividingBy: 86_400)
        let days = remainder < 0 ? quotient - 1 : quotient  // floor, without overflow at Int64.min
        let date = CivilCalendar.civil(fromDaysSinceEpoch: days)
        return date.year * 10_000 + date.month * 100 + date.day
    }

    /// Whether `needle` occurs as consecutive words in `haystack`.
    static func contains(_ haystack: [String], _ needle: [String]) -> Bool {
        guard !needle.isEmpty, needle.count <= haystack.count else { return needle.isEmpty }
        for start in 0...(haystack.count - needle.count) where Array(haystack[start..<(start + needle.count)]) == needle {
            return true
        }
        return false
    }

    /// Which episodes pass `filters` and are live: one flag per episode ordinal.
    func allowed(by filters: QueryFilters, segment: SegmentReader) -> [Bool] {
        let speakerNeedles = filters.speakers.map(Self.words)
        let seriesNeedles = filters.series.map(Self.words)
        var result = [Bool](repeating: false, count: segment.episodeCount)
        for ordinal in 0..<segment.episodeCount where !segment.isDeleted(episode: ordinal) {
            if filters.after != nil || filters.before != nil {
                guard let date = dates[ordinal] else { continue }
                if let after = filters.after, date < after.ordinal { continue }
                if let before = filters.before, date >= before.ordinal { continue }
            }
            if !speakerNeedles.allSatisfy({ needle in speakerWords[ordinal].contains { Self.contains($0, needle) } }) { continue }
            if !seriesNeedles.allSatisfy({ Self.contains(seriesWords[ordinal], $0) }) { continue }
            result[ordinal] = true
        }
        return result
    }
}
