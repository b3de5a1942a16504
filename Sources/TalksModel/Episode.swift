/// One recorded talk: the metadata an organiser publishes beside the transcript.
///
/// Mirrors `episode.json` (see `archive/README.md`). `date` keeps the organiser's ISO 8601
/// text so it prints exactly as given; `timestamp` is the same instant in seconds since
/// 1970, used for `after:`/`before:` filters and sorting.
public struct Episode: Sendable, Hashable {
    public var id: String
    public var series: String?
    public var number: Int?
    public var title: String
    /// The date as written, ISO 8601 with offset, e.g. "2022-10-19T12:00:00+02:00".
    public var date: String?
    /// `date` as seconds since 1970-01-01T00:00:00Z.
    public var timestamp: Int64?
    /// BCP 47 language tag; "sv" unless the metadata says otherwise.
    public var language: String
    public var speakers: [Speaker]
    public var description: String?
    /// The video or audio; hits link into it at the second, in the form its platform
    /// understands (YouTube `t=`, Vimeo `#t=…s`, Media Fragments `#t=` for a media file).
    /// A `WebLink`, so only an http(s) URL can ever be stored, served or rendered here.
    public var recording: WebLink?
    /// The event page (a `WebLink`, like `recording`).
    public var page: WebLink?
    public var tags: [String]
    /// Length of the recording in seconds, when the metadata gives it.
    public var duration: Double?
    /// A link to any other player at a moment, with `{seconds}` (whole seconds) or
    /// `{hh:mm:ss}` where the time goes: `"https://play.example.se/v/123?start={seconds}"`.
    /// When set, hits link through it instead of into `recording`.
    public var linkTemplate: String?
    /// The recording's chapters, sorted by start; empty when it has none.
    public var chapters: [Chapter]

    public init(
        id: String, series: String? = nil, number: Int? = nil, title: String,
        date: String? = nil, timestamp: Int64? = nil, language: String = "sv",
        speakers: [Speaker] = [], description: String? = nil, recording: WebLink? = nil,
        page: WebLink? = nil, tags: [String] = [], duration: Double? = nil, linkTemplate: String? = nil,
        chapters: [Chapter] = []
    ) {
        self.id = id
        self.series = series
        self.number = number
        self.title = title
        self.date = date
        self.timestamp = timestamp
        self.language = language
        self.speakers = speakers
        self.description = description
        self.recording = recording
        self.page = page
        self.tags = tags
        self.duration = duration
        self.linkTemplate = linkTemplate
        self.chapters = chapters
    }
}
