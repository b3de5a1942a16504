import TalksModel
import TalksSearch

/// Renders a `SearchResponse` for people: one block per episode (series, number, title,
/// date), then one `[mm:ss] Speaker: …snippet…  link` line per hit (`[mm:ss · Chapter]` when
/// the recording has chapters). Matched words are bold
/// only when `bold` is set (stdout is a terminal); pipes get plain text.
///
/// Every piece of data (title, series, speaker, snippet, link, the query, suggestions) is
/// escaped with `String.terminalEscaped` before it is placed between the printer's own
/// bold codes and newlines, so the only escape sequences in the output are the printer's.
struct SearchResultPrinter {
    var bold: Bool

    static let boldOn = "\u{1B}[1m"
    static let boldOff = "\u{1B}[0m"

    func render(_ response: SearchResponse, offset: Int) -> String {
        var output = ""
        if response.results.isEmpty {
            if response.totalEpisodes > 0 {
                output += "No more results: \(counted(response.totalEpisodes, "episode")) match, all before --offset \(offset).\n"
            } else {
                // A query with its own quotes ("gröna kluster") is shown as typed, not quoted again.
                let shown = response.query.contains("\"") ? response.query : "\"\(response.query)\""
                output += "Inga träffar för \(shown.terminalEscaped).\n"
            }
            if !response.suggestions.isEmpty {
                output += "Menade du: \(response.suggestions.joined(separator: ", ").terminalEscaped)?\n"
            }
            return output
        }
        for result in response.results {
            output += heading(result.episode) + "\n"
            for hit in result.hits {
                output += "  " + line(hit) + "\n"
            }
            if result.hits.isEmpty, let page = result.episode.page ?? result.episode.recording {
                output += "  \(page.text.terminalEscaped)\n"
            }
            output += "\n"
        }
        let first = offset + 1
        let last = offset + response.results.count
        output += "\(first)–\(last) of \(counted(response.totalEpisodes, "episode"))"
        if last < response.totalEpisodes { output += " (next page: --offset \(last))" }
        output += ".\n"
        if let facets = response.facets {
            for (name, counts) in [("Series", facets.series), ("Speakers", facets.speakers), ("Years", facets.years)] where !counts.isEmpty {
                output += "\(name): " + counts.map { "\($0.value.terminalEscaped) (\($0.count))" }.joined(separator: ", ") + "\n"
            }
        }
        return output
    }

    /// "Landet lär #55 · Title · 2022-10-19".
    func heading(_ episode: Episode) -> String {
        var parts: [String] = []
        switch (episode.series, episode.number) {
        case let (series?, number?): parts.append("\(series.terminalEscaped) #\(number)")
        case let (series?, nil): parts.append(series.terminalEscaped)
        case let (nil, number?): parts.append("#\(number)")
        case (nil, nil): break
        }
        let title = episode.title.terminalEscaped
        parts.append(bold ? Self.boldOn + title + Self.boldOff : title)
        if let date = episode.date { parts.append(date.prefix(10).terminalEscaped) }
        return parts.joined(separator: " · ")
    }

    func line(_ hit: Hit) -> String {
        var text = "[\(Self.clock(hit.start))"
        if let chapter = hit.chapter { text += " · \(chapter.replacingNewlines().terminalEscaped)" }
        text += "] "
        if let speaker = hit.speaker { text += "\(speaker.terminalEscaped): " }
        text += highlighted(hit)
        if let url = hit.url { text += "  \(url.text.terminalEscaped)" }
        return text
    }

    /// The snippet on one line, escaped, with the matched words bold. Each stretch between
    /// highlight boundaries is escaped on its own, so the highlight byte ranges (which refer
    /// to the unescaped text) stay right.
    private func highlighted(_ hit: Hit) -> String {
        let snippet = hit.plainSnippet
        guard bold, !snippet.highlights.isEmpty else { return Self.displayed(snippet.text.utf8[...]) }
        let bytes = Array(snippet.text.utf8)
        var output = ""
        var cursor = 0
        for range in snippet.highlights where range.lowerBound >= cursor && range.upperBound <= bytes.count {
            output += Self.displayed(bytes[cursor..<range.lowerBound])
            output += Self.boldOn + Self.displayed(bytes[range]) + Self.boldOff
            cursor = range.upperBound
        }
        output += Self.displayed(bytes[cursor...])
        return output
    }

    /// Cue text as shown: its line breaks become spaces, anything else a terminal would act
    /// on is escaped.
    private static func displayed<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String {
        String(decoding: bytes, as: UTF8.self).replacingNewlines().terminalEscaped
    }

    /// `mm:ss`, or `h:mm:ss` from an hour on.
    static func clock(_ seconds: Double) -> String {
        let total = seconds.isFinite && seconds > 0 ? Int(min(seconds, 1e9)) : 0
        let hours = total / 3600
        let minutes = (total % 3600) / 60
        let rest = total % 60
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return hours > 0 ? "\(hours):\(two(minutes)):\(two(rest))" : "\(two(minutes)):\(two(rest))"
    }
}

extension String {
    /// The text on one line: line breaks become spaces.
    func replacingNewlines() -> String {
        String(unicodeScalars.map { $0 == "\n" || $0 == "\r" ? " " : Character($0) })
    }
}
