import TalksAnalysis
import TalksIndex
import TalksModel

/// What filters and facets look at for each episode of a segment, normalised once per
/// reader: the date as a `yyyymmdd` number, the speaker and series names as folded word lists,
/// and the names as written, numbered per segment (`FacetNames`) so that counting facets over
/// a search's matches is an array increment per episode, with no string work.
///
/// Built lazily the first time a filtered query, a faceted search or an episode listing
/// touches the segment.
struct EpisodeFacts: Sendable {
    var dates: [Int?]
    var speakerWords: [[[String]]]
    var seriesWords: [[String]]
    /// The series names as written in this segment; `seriesName[episode]` indexes it (-1: none).
    var seriesNames: [String]
    var seriesName: [Int32]
    /// The speaker names as written in this segment; `speakerName[episode]` holds each
    /// distinct speaker of the episode once.
    var speakerNames: [String]
    var speakerName: [[Int32]]

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
        var seriesNames = FacetNames()
        var speakerNames = FacetNames()
        var seriesName: [Int32] = []
        var speakerName: [[Int32]] = []
        dates.reserveCapacity(segment.episodeCount)
        speakers.reserveCapacity(segment.episodeCount)
        series.reserveCapacity(segment.episodeCount)
        seriesName.reserveCapacity(segment.episodeCount)
        speakerName.reserveCapacity(segment.episodeCount)
        for ordinal in 0..<segment.episodeCount {
            let episode = try? segment.episodeFilterFields(ordinal)
            dates.append(episode?.date.flatMap(QueryDate.ordinal(ofISODate:)) ?? episode?.timestamp.flatMap(Self.dateOrdinal))
            speakers.append(episode?.speakers.map(words) ?? [])
            series.append(episode?.series.map(words) ?? [])
            seriesName.append(episode?.series.flatMap { seriesNames.number($0) } ?? -1)
            var distinct: [Int32] = []
            for name in episode?.speakers ?? [] {
                if let number = speakerNames.number(name), !distinct.contains(number) { distinct.append(number) }
            }
            speakerName.append(distinct)
        }
        self.dates = dates
        speakerWords = speakers
        seriesWords = series
        self.seriesNames = seriesNames.names
        self.seriesName = seriesName
        self.speakerNames = speakerNames.names
        self.speakerName = speakerName
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
