import TalksModel
import TalksSearch

/// What the watch page tells search engines and link previews: a schema.org `VideoObject`
/// as JSON-LD and Open Graph tags, from the episode's metadata and transcript.
extension WatchPage {
    /// The most characters of transcript text the JSON-LD carries: enough for a search
    /// engine to know what is said, without doubling the size of a 3-hour talk's page.
    static let transcriptCharacters = 5_000

    /// The description shown in previews: the episode's own, or one made from its series.
    var summary: String {
        if let description = episode.description, !description.isEmpty { return description }
        return "Inspelat samtal med transkript" + (episode.series.map { " ur " + $0 } ?? "") + "."
    }

    /// The recording's length in seconds: the metadata's, else where the last cue ends.
    var durationSeconds: Double? {
        if let duration = episode.duration, duration.isFinite, duration > 0 { return duration }
        return cues.last.map(\.end).flatMap { $0.isFinite && $0 > 0 ? $0 : nil }
    }

    /// `<meta>` description, Open Graph and the JSON-LD block.
    func metadata() -> String {
        var html = "<meta name=\"description\" content=\"\(HTMLText.escaped(summary))\">\n"
        html += "<meta property=\"og:type\" content=\"video.other\">\n"
        html += "<meta property=\"og:locale\" content=\"sv_SE\">\n"
        html += "<meta property=\"og:title\" content=\"\(HTMLText.escaped(episode.title))\">\n"
        html += "<meta property=\"og:description\" content=\"\(HTMLText.escaped(summary))\">\n"
        if let pageURL { html += "<meta property=\"og:url\" content=\"\(HTMLText.escaped(pageURL))\">\n" }
        if case .mediaFile(let link, let kind)? = player {
            let property = kind == .audio ? "og:audio" : "og:video"
            html += "<meta property=\"\(property)\" content=\"\(HTMLText.escaped(link.text))\">\n"
        }
        html += "<script type=\"application/ld+json\">" + HTMLText.scriptSafeJSON(JSONWriter().string(videoObject)) + "</script>\n"
        return html
    }

    /// The schema.org `VideoObject` (https://schema.org/VideoObject).
    var videoObject: JSONValue {
        var members: [JSONMember] = [
            JSONMember("@context", "https://schema.org"),
            JSONMember("@type", "VideoObject"),
            JSONMember("name", .string(episode.title)),
            JSONMember("description", .string(summary)),
            JSONMember("inLanguage", .string(episode.language)),
        ]
        if let date = episode.date { members.append(JSONMember("uploadDate", .string(date))) }
        if let seconds = durationSeconds { members.append(JSONMember("duration", .string(Self.isoDuration(seconds)))) }
        switch player {
        case .mediaFile(let link, _)?: members.append(JSONMember("contentUrl", .string(link.text)))
        case .youTube?, .vimeo?:
            if let embed = player?.playerURL(startingAt: 0) { members.append(JSONMember("embedUrl", .string(embed.text))) }
        case .page?, nil: break
        }
        if let pageURL { members.append(JSONMember("url", .string(pageURL))) }
        if !episode.speakers.isEmpty {
            members.append(JSONMember("actor", .array(episode.speakers.map { .object(["@type": "Person", "name": .string($0.name)]) })))
        }
        if let series = episode.series {
            members.append(JSONMember("partOfSeries", .object(["@type": "CreativeWorkSeries", "name": .string(series)])))
        }
        let transcript = transcriptExcerpt()
        if !transcript.isEmpty { members.append(JSONMember("transcript", .string(transcript))) }
        return .object(members)
    }

    /// The cues' text joined with spaces, cut after `transcriptCharacters` at a space ("…").
    func transcriptExcerpt() -> String {
        var text = ""
        var characters = 0
        for cue in cues {
            if !text.isEmpty { text += " " }
            text += cue.text.replacing("\n", with: " ")
            characters += cue.text.count + 1
            if characters > Self.transcriptCharacters { break }
        }
        guard characters > Self.transcriptCharacters, text.count > Self.transcriptCharacters else { return text }
        var cut = text.prefix(Self.transcriptCharacters)
        if let space = cut.lastIndex(of: " ") { cut = cut[..<space] }
        return cut + " …"
    }

    /// ISO 8601 duration of whole seconds: `PT1H2M3S`, `PT45S`, `PT0S`.
    static func isoDuration(_ seconds: Double) -> String {
        let whole = seconds.isFinite && seconds > 0 ? Int(min(seconds.rounded(), 1e9)) : 0
        let (hours, minutes, rest) = (whole / 3600, whole / 60 % 60, whole % 60)
        var text = "PT"
        if hours > 0 { text += "\(hours)H" }
        if minutes > 0 { text += "\(minutes)M" }
        if rest > 0 || whole == 0 { text += "\(rest)S" }
        return text
    }
}
