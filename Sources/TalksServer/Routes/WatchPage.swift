import TalksIndex
import TalksModel
import TalksSearch

/// The watch page, `/watch/{id}`: the recording's player beside its whole transcript,
/// built as one HTML document from the index (Swedish UI texts).
///
/// Everything works without JavaScript: every cue is a list item with a time link
/// (`?t=SECONDS#cN`, which reloads the page with the player starting there and scrolls to
/// the line), the cue at `?t=` carries `aria-current="true"`, and the words `?q=` matches are
/// `<mark>`ed. `/watch.js` (`WatchScript`) adds seeking without reloading, following
/// playback and next/previous-match buttons; it finds everything through ids and one
/// listener on the list (event delegation), so a 3,000-cue page holds no per-cue handlers.
/// All text from the index goes through `HTMLText.escaped` (cue text through `Snippet`,
/// which escapes and marks in one pass), and the page holds no inline script (its policy,
/// `WatchRoute`, forbids it).
struct WatchPage {
    let episode: Episode
    /// The cues the page shows, in time order: the whole transcript, or a window of a very
    /// long one (`RouteLimits.watchPageCues`).
    let cues: [Cue]
    /// The index in the transcript of `cues[0]` (ids and matches count from the transcript's start).
    var firstShownCue = 0
    /// How many cues the transcript has.
    var totalCues: Int
    /// The player for the recording, nil when the episode has none.
    let player: RecordingPlayer?
    /// `?t=`, when given.
    let startSeconds: Double?
    /// `?q=` (trimmed), when given and not empty.
    let query: String?
    /// The matches of `query`, or why it could not be analysed.
    let matches: Result<TranscriptMatches, BackendError>?
    /// This page's absolute URL, for Open Graph and JSON-LD, when the request says its host.
    let pageURL: String?

    init(
        episode: Episode, cues: [Cue], firstShownCue: Int = 0, totalCues: Int? = nil, player: RecordingPlayer?,
        startSeconds: Double?, query: String?, matches: Result<TranscriptMatches, BackendError>?, pageURL: String?
    ) {
        self.episode = episode
        self.cues = cues
        self.firstShownCue = firstShownCue
        self.totalCues = totalCues ?? cues.count
        self.player = player
        self.startSeconds = startSeconds
        self.query = query
        self.matches = matches
        self.pageURL = pageURL
    }

    /// The index of the cue at the second `startSeconds`: the last one starting within or
    /// before that whole second (hit links carry whole seconds, floored, so `?t=106` marks
    /// the cue starting at 106.6); the first cue for an earlier time, nil without `?t=` or cues.
    var currentCue: Int? {
        guard let seconds = startSeconds, !cues.isEmpty else { return nil }
        let end = seconds.rounded(.down) + 1
        var low = 0
        var high = cues.count
        while low < high {
            let middle = (low + high) >> 1
            if cues[middle].start < end { low = middle + 1 } else { high = middle }
        }
        return max(0, low - 1)
    }

    /// Where the player starts: `?t=`, or exactly where the cue it marks starts when that
    /// cue starts within the same second (a hit links at 106 to a cue at 106.6), so a
    /// media player's first `timeupdate` names the cue the page marked.
    var playerStart: Double {
        guard let seconds = startSeconds else { return 0 }
        guard let index = currentCue, cues[index].start >= seconds.rounded(.down) else { return seconds }
        return cues[index].start
    }

    /// The search page, with `?q=` when the page has a query (the viewer came from a search
    /// and goes back to its results), escaped for an attribute.
    var searchLink: String {
        guard let query else { return "../" }
        return HTMLText.escaped("../?" + HTMLText.query([("q", query)]))
    }

    /// The page as text (for tests; the route sends `bytes()`).
    func html() -> String {
        String(decoding: bytes(), as: UTF8.self)
    }

    /// The page as UTF-8, written into one buffer: the cue list, most of a long page, is
    /// never a `String` of its own.
    func bytes() -> [UInt8] {
        var html = ""
        let title = HTMLText.escaped(episode.title)
        html += """
        <!doctype html>
        <html lang="sv">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title)\(episode.series.map { " – " + HTMLText.escaped($0) } ?? "")</title>

        """
        html += metadata()
        html += "<style>\n" + SiteStyle.css + WatchPageStyle.css + "</style>\n</head>\n<body>\n"
        html += "<a class=\"skip\" href=\"#transcript\">Hoppa till transkriptet</a>\n"
        html += "<header>\n<p class=\"site\"><a href=\"\(searchLink)\">← Sök i inspelningarna</a></p>\n<h1>\(title)</h1>\n"
        html += "<p class=\"meta\">\(metaLine())</p>\n</header>\n<main>\n"
        html += stage()
        html += about()
        html += transcriptStart()
        var bytes: [UInt8] = []
        bytes.reserveCapacity(html.utf8.count + 1_024 + cues.count * 200)
        bytes.append(contentsOf: html.utf8)
        appendCueList(to: &bytes)
        bytes.append(contentsOf: "</section>\n</main>\n<script src=\"../watch.js\"></script>\n</body>\n</html>\n".utf8)
        return bytes
    }

    /// Series, number, date and speakers, escaped, joined with " · ".
    func metaLine() -> String {
        var parts: [String] = []
        if let series = episode.series {
            parts.append(HTMLText.escaped(series) + (episode.number.map { " #\($0)" } ?? ""))
        }
        if let date = episode.date { parts.append("<time datetime=\"\(HTMLText.escaped(date))\">\(HTMLText.escaped(PageFormat.swedishDate(date) ?? String(date.prefix(10))))</time>") }
        if !episode.speakers.isEmpty {
            parts.append(episode.speakers.map { speaker in
                HTMLText.escaped(speaker.name) + (speaker.organisation.map { ", " + HTMLText.escaped($0) } ?? "")
            }.joined(separator: "; "))
        }
        return parts.joined(separator: " · ")
    }

    /// The player (or a note that there is none), in a region of its own.
    func stage() -> String {
        let start = playerStart
        var html = "<section class=\"stage\" aria-label=\"Inspelning\">\n"
        switch player {
        case .mediaFile(_, let kind)?:
            let source = player?.playerURL(startingAt: start).map { HTMLText.escaped($0.text) } ?? ""
            html += "<\(kind.rawValue) id=\"player\" data-kind=\"media\" controls preload=\"metadata\" src=\"\(source)\">"
            html += "Din webbläsare kan inte spela upp inspelningen här; använd länken nedan.</\(kind.rawValue)>\n"
        case .youTube?, .vimeo?:
            let kind = if case .youTube? = player { "youtube" } else { "vimeo" }
            let source = player?.playerURL(startingAt: start).map { HTMLText.escaped($0.text) } ?? ""
            let base = player?.playerURL(startingAt: 0).map { HTMLText.escaped($0.text) } ?? ""
            html += "<iframe id=\"player\" data-kind=\"\(kind)\" data-base=\"\(base)\" src=\"\(source)\" "
            html += "title=\"Videospelare: \(HTMLText.escaped(episode.title))\" "
            html += "allow=\"autoplay; encrypted-media; picture-in-picture; fullscreen\" allowfullscreen></iframe>\n"
        case .page?, nil:
            html += "<p class=\"no-player\">Inspelningen kan inte spelas upp på den här sidan.</p>\n"
        }
        html += "</section>\n"
        return html
    }

    /// Links, description and chapters.
    func about() -> String {
        var html = "<section class=\"about\" aria-label=\"Om avsnittet\">\n"
        var links: [String] = []
        if let recording = episode.recording {
            let link = DeepLink.url(DeepLink.Source(episode: episode), seconds: startSeconds ?? 0) ?? recording
            links.append("<a href=\"\(HTMLText.escaped(link.text))\" rel=\"noopener\">Öppna inspelningen</a>")
        }
        if let page = episode.page {
            links.append("<a href=\"\(HTMLText.escaped(page.text))\" rel=\"noopener\">Evenemangets sida</a>")
        }
        if !links.isEmpty { html += "<p class=\"links\">" + links.joined(separator: " · ") + "</p>\n" }
        if let description = episode.description, !description.isEmpty {
            html += "<p class=\"description\">\(HTMLText.escaped(description))</p>\n"
        }
        if !episode.chapters.isEmpty {
            html += "<nav class=\"chapters\" aria-labelledby=\"chapters-heading\">\n<h2 id=\"chapters-heading\">Kapitel</h2>\n<ol>\n"
            for chapter in episode.chapters {
                let cue = firstCue(atOrAfter: chapter.start).map { firstShownCue + $0 }
                html += "<li><a href=\"\(timeLink(chapter.start, cue: cue))\" data-start=\"\(PageFormat.seconds(chapter.start))\">"
                html += "<span class=\"time\">\(PageFormat.clock(chapter.start))</span> \(HTMLText.escaped(chapter.title))</a></li>\n"
            }
            html += "</ol>\n</nav>\n"
        }
        html += "</section>\n"
        return html
    }

    /// The transcript's start: the find form, the match count and controls (the cues follow).
    func transcriptStart() -> String {
        var html = "<section class=\"transcript\" id=\"transcript\" aria-labelledby=\"transcript-heading\" tabindex=\"-1\">\n"
        html += "<div class=\"tools\">\n<h2 id=\"transcript-heading\">Transkript</h2>\n"
        html += "<form class=\"find\" role=\"search\" method=\"get\" action=\"\">\n"
        if let start = startSeconds { html += "<input type=\"hidden\" name=\"t\" value=\"\(PageFormat.seconds(start))\">\n" }
        html += "<label for=\"q\">Markera ord</label>\n"
        html += "<input type=\"search\" id=\"q\" name=\"q\" value=\"\(HTMLText.escaped(query ?? ""))\" placeholder=\"till exempel strategi\">\n"
        html += "<button type=\"submit\">Markera</button>\n</form>\n"
        html += matchSummary()
        if cues.count < totalCues {
            html += "<p class=\"cut\" role=\"note\">Transkriptet är långt: här visas rad \(firstShownCue + 1)–\(firstShownCue + cues.count) "
            html += "av \(totalCues). Hela transkriptet finns som <a href=\"../episodes/\(HTMLText.percentEncoded(episode.id))/transcript?format=vtt\">WebVTT</a>.</p>\n"
        }
        html += "<button type=\"button\" id=\"follow\" class=\"follow\" hidden>Följ uppspelningen</button>\n</div>\n"
        return html
    }

    /// "12 träffar för ”strategi”" with the next/previous buttons (shown by the script).
    func matchSummary() -> String {
        guard let query, let matches else { return "" }
        var html = "<div class=\"matches\" id=\"matches\">\n<p id=\"match-count\" role=\"status\">"
        switch matches {
        case .success(let found):
            let shown = firstShownCue..<(firstShownCue + cues.count)
            let count = found.rangesByCue.reduce(0) { $0 + (shown.contains($1.key) ? $1.value.count : 0) }
            html += (count == 1 ? "1 träff" : "\(count) träffar") + " för ”\(HTMLText.escaped(query))”"
            html += "</p>\n"
            if count > 0 {
                html += "<button type=\"button\" id=\"previous-match\" hidden>↑ Föregående</button>\n"
                html += "<button type=\"button\" id=\"next-match\" hidden>↓ Nästa</button>\n"
            }
        case .failure(let error):
            let sentence = if case .badQuery(let queryError) = error { SwedishQueryError.sentence(queryError) }
                else { "Sökningen är inte tillgänglig just nu. Försök igen om en stund." }
            html += HTMLText.escaped(sentence) + "</p>\n"
        }
        return html + "</div>\n"
    }

    /// The list of cues, with a chapter heading before the first cue of each chapter.
    /// Written as bytes into the page's buffer: a 3-hour talk has 3,000 lines.
    func appendCueList(to html: inout [UInt8]) {
        func append(_ text: String) { html.append(contentsOf: text.utf8) }
        append("<ol class=\"cues\" id=\"cues\">\n")
        let current = currentCue
        let found = (try? matches?.get()) ?? TranscriptMatches()
        let queryParameter = query.map { "&amp;q=" + HTMLText.percentEncoded($0) } ?? ""
        var chapterIndex = 0
        var previousSpeaker: String?
        for (index, cue) in cues.enumerated() {
            while chapterIndex < episode.chapters.count, episode.chapters[chapterIndex].start <= cue.start {
                append("<li class=\"chapter\"><h3>" + HTMLText.escaped(episode.chapters[chapterIndex].title) + "</h3></li>\n")
                chapterIndex += 1
            }
            let whole = PageFormat.wholeSeconds(cue.start)
            let number = String(firstShownCue + index)
            append("<li id=\"c")
            append(number)
            append("\" data-start=\"")
            append(PageFormat.seconds(cue.start))
            append(index == current ? "\" aria-current=\"true\"><a class=\"t\" href=\"?t=" : "\"><a class=\"t\" href=\"?t=")
            append(String(whole))
            append(queryParameter)
            append("#c")
            append(number)
            append("\">")
            append(PageFormat.clock(cue.start))
            append("</a> ")
            if let speaker = cue.speaker, !speaker.isEmpty {
                // A repeated name is kept for screen readers and copying, hidden from the eye.
                append(speaker == previousSpeaker ? "<span class=\"s r\">" : "<span class=\"s\">")
                Snippet.appendHTML(of: speaker, marking: [], to: &html)
                append(":</span> ")
            }
            previousSpeaker = cue.speaker
            Snippet.appendHTML(of: cue.text, marking: found.ranges(ofCue: firstShownCue + index), to: &html)
            append("</li>\n")
        }
        append("</ol>\n")
    }

    /// `?t=N(&q=…)#cI`: a link to this page at a time, scrolled to cue `cue`.
    func timeLink(_ seconds: Double, cue: Int?) -> String {
        let whole = PageFormat.wholeSeconds(seconds)
        let queryParameter = query.map { "&amp;q=" + HTMLText.percentEncoded($0) } ?? ""
        return "?t=\(whole)\(queryParameter)" + (cue.map { "#c\($0)" } ?? "")
    }

    /// The first cue starting at or after `seconds`.
    func firstCue(atOrAfter seconds: Double) -> Int? {
        var low = 0
        var high = cues.count
        while low < high {
            let middle = (low + high) >> 1
            if cues[middle].start < seconds { low = middle + 1 } else { high = middle }
        }
        return low < cues.count ? low : nil
    }
}
