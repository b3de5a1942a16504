import TalksModel

/// What `talks import-ytdlp` takes from one yt-dlp `.info.json`: the episode it becomes and
/// which subtitle languages yt-dlp listed as written by people and as automatic.
///
/// yt-dlp writes one such file per video with `--write-info-json`; it holds hundreds of
/// fields, of which these are read (everything else is ignored, silently: the file is
/// yt-dlp's, not the organiser's):
/// - `id` (required) → the episode id (`YtDlpEpisodeID`); `title` (or `fulltitle`, required);
/// - the date: `release_timestamp`, else `timestamp` (Unix seconds, written as UTC:
///   `2024-01-15T11:00:00Z`), else `upload_date` or `release_date` (`YYYYMMDD` → `2024-01-15`);
/// - `description`; `webpage_url` as the recording (a `WebLink`: anything but an http(s)
///   URL is dropped with the usual warning); `duration` in seconds; `tags`;
/// - `channel`, else `uploader`, as the series (unless the import names one);
/// - `chapters` (`[{start_time, end_time, title}]`, bad entries warned about and left out);
/// - `language` (the video's spoken language, default "sv"): which subtitle files count;
/// - `subtitles` and `automatic_captions`: the languages of each kind, to tell which kind a
///   subtitle file is (`YtDlpSubtitleTrack`).
/// A file that is not JSON, not an object, or has no id or title gives an error naming the
/// file and line and no episode; other problems are warnings. The info.json of a playlist or
/// channel (`_type` other than "video", written beside its videos') gives a note and no episode.
struct YtDlpInfo: Sendable, Hashable {
    var videoID: String
    /// The episode, its id assigned; `Episode.language` is the language looked for.
    var episode: Episode
    /// Languages listed under `subtitles` (written by people).
    var humanLanguages: Set<String>
    /// Languages listed under `automatic_captions` (speech recognition).
    var automaticLanguages: Set<String>

    /// Reads an info.json. `series` (the import's `--series`) replaces channel/uploader.
    static func read(_ bytes: [UInt8], file: String, series: String?) -> (info: YtDlpInfo?, diagnostics: [Diagnostic]) {
        let document: JSONDocument
        do {
            document = try JSONParser.parseDocument(bytes, limits: JSONParser.Limits(
                maximumDepth: IngestLimits.maximumJSONDepth, maximumBytes: Int(IngestLimits.maximumInfoJSONBytes)))
        } catch {
            return (nil, [Diagnostic(.error, file: file, line: error.line, "not a yt-dlp info.json: invalid JSON: \(error.description)")])
        }
        var reader = InfoReader(document: document, file: file)
        let info = reader.read(series: series)
        return (info, reader.diagnostics)
    }
}

/// Walks an info.json's top-level object, collecting diagnostics with lines.
private struct InfoReader {
    let document: JSONDocument
    let file: String
    var diagnostics: [Diagnostic] = []

    mutating func read(series seriesOverride: String?) -> YtDlpInfo? {
        guard case .object = document.value else {
            diagnostics.append(Diagnostic(.error, file: file, line: document.line() ?? 1,
                "not a yt-dlp info.json: the top level must be an object { … }"))
            return nil
        }
        if let type = text("_type"), type != "video" {
            diagnostics.append(Diagnostic(.note, file: file,
                "the info.json of a \(Excerpt.quoted(type, limit: 20, quote: "'")), not of a video (its videos have their own); skipped"))
            return nil
        }
        guard let videoID = text("id") else {
            diagnostics.append(Diagnostic(.error, file: file, line: document.line() ?? 1,
                "not a yt-dlp info.json of a video: no 'id' (a playlist's info.json has none of its own videos' fields)"))
            return nil
        }
        guard let title = text("title") ?? text("fulltitle") else {
            diagnostics.append(Diagnostic(.error, file: file, line: document.line(.key("title")) ?? document.line() ?? 1,
                "video \(Excerpt.quoted(videoID, quote: "'")) has no 'title'; not imported"))
            return nil
        }
        let extractor = text("extractor") ?? text("extractor_key")
        var language = "sv"
        if let given = text("language") {
            if YtDlpSubtitleTrack.isLanguageTag(given) {
                language = given
            } else {
                warning("language", "'language': \(Excerpt.quoted(given)) is not a language tag; \"sv\" is used")
            }
        }
        let (date, timestamp) = self.date()
        let recording = LinkDiagnostic.link(text("webpage_url"), field: "'webpage_url'", file: file,
                                            line: document.line(.key("webpage_url")), diagnostics: &diagnostics)
        var duration: Double?
        if let value = document.value["duration"], let seconds = value.doubleValue {
            if seconds.isFinite, seconds >= 0 { duration = seconds } else { warning("duration", "'duration' is not a length in seconds; left out") }
        }
        let episode = Episode(
            id: YtDlpEpisodeID.make(videoID: videoID, extractor: extractor), series: seriesOverride ?? text("channel") ?? text("uploader"),
            title: title, date: date, timestamp: timestamp, language: language, description: text("description"),
            recording: recording, tags: tags(), duration: duration, chapters: chapters())
        return YtDlpInfo(videoID: videoID, episode: episode, humanLanguages: languages("subtitles"),
                         automaticLanguages: languages("automatic_captions"))
    }

    /// A string field, trimmed; nil when absent, not a string or blank.
    func text(_ key: String) -> String? {
        guard case .string(let value)? = document.value[key] else { return nil }
        let trimmed = value.trimmingWhitespace
        return trimmed.isEmpty ? nil : trimmed
    }

    mutating func warning(_ key: String, _ message: String) {
        diagnostics.append(Diagnostic(.warning, file: file, line: document.line(.key(key)), message))
    }

    /// The date as ISO 8601 text and Unix seconds, from the first field that gives one.
    mutating func date() -> (String?, Int64?) {
        // Year 1 to 9999, the years an ISO 8601 date has four digits for.
        let range = -62_135_596_800.0...253_402_300_799.0
        for key in ["release_timestamp", "timestamp"] {
            guard let value = document.value[key], let seconds = value.doubleValue else { continue }
            guard seconds.isFinite, range.contains(seconds) else {
                warning(key, "'\(key)' is not a time in seconds since 1970; ignored")
                continue
            }
            let whole = Int64(seconds.rounded(.down))
            let days = whole >= 0 ? whole / 86_400 : (whole - 86_399) / 86_400
            let (year, month, day) = CivilCalendar.civil(fromDaysSinceEpoch: days)
            let ofDay = Int(whole - days * 86_400)
            let text = "\(digits(year, 4))-\(digits(month, 2))-\(digits(day, 2))T"
                + "\(digits(ofDay / 3600, 2)):\(digits(ofDay / 60 % 60, 2)):\(digits(ofDay % 60, 2))Z"
            return (text, whole)
        }
        for key in ["upload_date", "release_date"] {
            guard let value = text(key) else { continue }
            let characters = Array(value)
            if characters.count == 8, characters.allSatisfy({ $0.isASCII && $0.isNumber }),
               let year = Int(String(characters[0..<4])), let month = Int(String(characters[4..<6])),
               let day = Int(String(characters[6..<8])), year >= 1, (1...12).contains(month), day >= 1,
               day <= CivilCalendar.daysInMonth(year: year, month: month) {
                return ("\(digits(year, 4))-\(digits(month, 2))-\(digits(day, 2))",
                        CivilCalendar.daysSinceEpoch(year: year, month: month, day: day) * 86_400)
            }
            warning(key, "'\(key)': \(Excerpt.quoted(value)) is not a date as YYYYMMDD; ignored")
        }
        return (nil, nil)
    }

    func digits(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    func tags() -> [String] {
        guard case .array(let values)? = document.value["tags"] else { return [] }
        var seen: Set<String> = []
        return values.compactMap { value in
            guard case .string(let tag) = value else { return nil }
            let trimmed = tag.trimmingWhitespace
            return !trimmed.isEmpty && seen.insert(trimmed).inserted ? trimmed : nil
        }
    }

    mutating func chapters() -> [Chapter] {
        guard let value = document.value["chapters"] else { return [] }
        guard case .array(let elements) = value else {
            if case .null = value { return [] }
            warning("chapters", "'chapters' is not a list of {start_time, end_time, title}; ignored")
            return []
        }
        var list = ChapterList()
        for (index, element) in elements.enumerated() {
            let line = document.line(.key("chapters"), .index(index))
            guard let seconds = element["start_time"]?.doubleValue else {
                diagnostics.append(Diagnostic(.warning, file: file, line: line,
                    "chapter \(index + 1) has no 'start_time' in seconds; left out"))
                continue
            }
            switch ChapterTime.checked(seconds) {
            case .success(let start):
                list.entries.append(ChapterList.Entry(start: start, title: element["title"]?.stringValue ?? "", line: line, number: index + 1))
            case .failure(let problem):
                diagnostics.append(Diagnostic(.warning, file: file, line: line,
                    "chapter \(index + 1): 'start_time' \(problem.reason); left out"))
            }
        }
        return list.chapters(file: file, source: "chapter", diagnostics: &diagnostics)
    }

    /// The keys of the object `key` (`subtitles`, `automatic_captions`).
    func languages(_ key: String) -> Set<String> {
        guard case .object(let members)? = document.value[key] else { return [] }
        return Set(members.map(\.key))
    }
}
