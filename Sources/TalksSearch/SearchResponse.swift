import TalksModel

/// The answer to a `SearchRequest`: episodes ranked by score, each with its best cues.
///
/// This one shape is printed by `talks search --json`, served by `GET /search` and
/// emitted per line by `talks search --queries`. `jsonObject` is its wire form:
/// `{"query", "total_episodes", "results":[{"episode":{…}, "score", "hits":[…]}],
/// "suggestions", "took_ms"}`, plus `"facets"` when the request asked for them.
public struct SearchResponse: Sendable {
    public var query: String
    /// Episodes matching in all, before `limit`/`offset`.
    public var totalEpisodes: Int
    public var results: [EpisodeResult]
    /// "Menade du: …": nearest known terms when the query found nothing.
    public var suggestions: [String]
    /// Time spent inside the engine (parse, search, top k, snippets), in milliseconds.
    public var tookMilliseconds: Double
    /// The matches counted by series, speaker and year, when the request asked for them
    /// (`SearchRequest.countsFacets`); nil otherwise.
    public var facets: SearchFacets?

    public init(query: String, totalEpisodes: Int, results: [EpisodeResult], suggestions: [String], tookMilliseconds: Double,
                facets: SearchFacets? = nil) {
        self.query = query
        self.totalEpisodes = totalEpisodes
        self.results = results
        self.suggestions = suggestions
        self.tookMilliseconds = tookMilliseconds
        self.facets = facets
    }
}

/// One episode in a result list.
public struct EpisodeResult: Sendable {
    public var episode: Episode
    public var score: Double
    /// Best matching cues, in time order.
    public var hits: [Hit]

    public init(episode: Episode, score: Double, hits: [Hit]) {
        self.episode = episode
        self.score = score
        self.hits = hits
    }
}

/// One matching moment: a cue, its snippet with the matches marked and a deep link.
public struct Hit: Sendable, Hashable {
    /// When the hit's first matched word is said, in seconds, where the transcript gives word
    /// times (`HitMoment`); otherwise the cue's start (`cueStart`).
    public var start: Double
    /// When the cue starts: the moment to show the whole cue from.
    public var cueStart: Double
    /// When the cue ends.
    public var end: Double
    public var speaker: String?
    /// The cue's plain text.
    public var text: String
    /// The cue text, HTML-escaped, with matched words wrapped in `<mark>…</mark>`.
    public var snippetHTML: String
    /// The recording just before `start` (at most 2 s, never before the cue; `HitMoment`)
    /// in the form its player understands (`DeepLink`: YouTube `t=`, Vimeo `#t=…s`, a media
    /// file's `#t=SECONDS`, or the episode's link template), or nil when the episode has
    /// neither a recording nor a template. A `WebLink`: never anything but http(s).
    public var url: WebLink?
    /// The title of the chapter `start` falls in (`[Chapter].chapter(at:)`), nil when the
    /// recording has no chapters or the moment is before the first.
    public var chapter: String?

    /// `cueStart` defaults to `start` (a hit at the start of its cue).
    public init(start: Double, end: Double, speaker: String?, text: String, snippetHTML: String, url: WebLink?,
                cueStart: Double? = nil, chapter: String? = nil) {
        self.start = start
        self.cueStart = cueStart ?? start
        self.end = end
        self.speaker = speaker
        self.text = text
        self.snippetHTML = snippetHTML
        self.url = url
        self.chapter = chapter
    }
}

extension Hit {
    /// The snippet as plain text ("…" marks a cut) and the UTF-8 byte ranges of the matched
    /// words in it, for terminals. Derived from `snippetHTML` on demand, so searches that only
    /// need JSON do not pay for it.
    public var plainSnippet: (text: String, highlights: [Range<Int>]) {
        Snippet.plain(fromHTML: snippetHTML)
    }
}
