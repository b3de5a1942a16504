import TalksModel

/// Reads `episode.json`, the metadata file an organiser writes beside a transcript.
///
/// Every problem is reported with the file, the line and the field, and all of them are
/// collected in one pass so an organiser can fix a file in one go. Unknown fields are
/// ignored with a warning (a typo like `titel` should not pass silently, but must never be
/// fatal); `null` counts as absent for optional fields. The fields are listed in
/// `archive/README.md`: id (defaults to the folder name), series, number, title, date,
/// language (default "sv"), speakers, description, recording, page, tags, duration,
/// link_template, chapters (`EpisodeJSONReader+Chapters.swift`) and captions.
public enum EpisodeJSONReader {
    static let knownFields: Set<String> = [
        "id", "series", "number", "title", "date", "language", "speakers", "description",
        "recording", "page", "tags", "duration", "link_template", "chapters", "captions",
    ]

    /// Parses the file's bytes. `defaultID` (the folder name) is used when there is no `id`.
    public static func read(_ bytes: [UInt8], file: String, defaultID: String) -> EpisodeMetadata {
        let document: JSONDocument
        do {
            document = try JSONParser.parseDocument(bytes, limits: JSONParser.Limits(maximumDepth: IngestLimits.maximumJSONDepth, maximumBytes: Int(IngestLimits.maximumMetadataFileBytes)))
        } catch {
            return EpisodeMetadata(episode: nil, diagnostics: [
                Diagnostic(.error, file: file, line: error.line, "invalid JSON: \(error.description)")
            ])
        }
        var reader = FieldReader(document: document, file: file)
        return reader.readEpisode(defaultID: defaultID)
    }
}

/// Walks the top-level object of an `episode.json`, collecting diagnostics.
struct FieldReader {
    let document: JSONDocument
    let file: String
    var diagnostics: [Diagnostic] = []

    init(document: JSONDocument, file: String) {
        self.document = document
        self.file = file
    }

    mutating func readEpisode(defaultID: String) -> EpisodeMetadata {
        guard case .object(let members) = document.value else {
            error(line: document.line(), "the top level must be an object { … }, not \(kindName(document.value))")
            return EpisodeMetadata(episode: nil, diagnostics: diagnostics)
        }
        var seen: Set<String> = []
        for member in members {
            if !seen.insert(member.key).inserted {
                warning(line: document.line(.key(member.key)), "field \(Excerpt.quoted(member.key, quote: "'")) appears more than once; the first is used")
            } else if !EpisodeJSONReader.knownFields.contains(member.key) {
                warning(line: document.line(.key(member.key)), "unknown field \(Excerpt.quoted(member.key, quote: "'")) ignored")
            }
        }

        var id = defaultID
        let declared = string("id")
        if let declared { id = declared }
        if let problem = EpisodeID.problem(with: id) {
            let source = document.value["id"] == nil ? "the folder name \(Excerpt.quoted(id, quote: "'")) used as id" : "field 'id': \(Excerpt.quoted(id, quote: "'"))"
            error(line: document.line(.key("id")) ?? 1, "\(source) \(problem)")
        }

        let title = string("title")?.trimmingWhitespace ?? ""
        if title.isEmpty {
            switch document.value["title"] {
            case nil:
                error(line: document.line() ?? 1, "missing required field 'title'")
            case .null?:
                error(line: document.line(.key("title")), "field 'title' is null; give the episode a title")
            case .string?:
                error(line: document.line(.key("title")), "field 'title' is empty; give the episode a title")
            default:
                break  // a wrong type was reported by string(_:)
            }
        }

        var dateText: String?
        var timestamp: Int64?
        if let text = string("date") {
            switch ISO8601Date.parse(text.trimmingWhitespace) {
            case .success(let date):
                dateText = date.text
                timestamp = date.timestamp
            case .failure(let problem):
                error(line: document.line(.key("date")), "field 'date': \(Excerpt.quoted(text, quote: "'")) \(problem.reason)")
            }
        }

        var language = "sv"
        if let given = string("language") {
            if given.isEmpty || !given.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || $0 == "-" || ("0"..."9").contains($0)) }) {
                error(line: document.line(.key("language")), "field 'language': \(Excerpt.quoted(given, quote: "'")) is not a language tag like \"sv\" or \"en\"")
            } else {
                language = given
            }
        }

        let episode = Episode(
            id: id, series: string("series"), number: wholeNumber("number"), title: title,
            date: dateText, timestamp: timestamp, language: language, speakers: speakers(),
            description: string("description"), recording: link("recording"), page: link("page"),
            tags: strings("tags"), duration: duration(), linkTemplate: linkTemplate(), chapters: chapters())
        checkCaptions()
        let hasErrors = diagnostics.contains { $0.severity == .error }
        return EpisodeMetadata(episode: hasErrors ? nil : episode, diagnostics: diagnostics, declaredID: declared,
                               declaredIDLine: declared == nil ? nil : document.line(.key("id")))
    }

    // MARK: - Typed fields

    /// A string field; wrong types are errors, null and absence give nil.
    mutating func string(_ key: String) -> String? {
        guard let value = document.value[key], !isNull(value) else { return nil }
        guard case .string(let text) = value else {
            error(line: document.line(.key(key)), "field '\(key)' must be a string, not \(kindName(value))")
            return nil
        }
        return text
    }

    mutating func wholeNumber(_ key: String) -> Int? {
        guard let value = document.value[key], !isNull(value) else { return nil }
        switch value {
        case .integer(let number) where number >= 0 && number <= Int64(Int32.max):
            return Int(number)
        case .number(let number) where number >= 0 && number <= Double(Int32.max) && number == number.rounded():
            return Int(number)
        default:
            error(line: document.line(.key(key)), "field '\(key)' must be a whole number ≥ 0, not \(kindName(value))")
            return nil
        }
    }

    mutating func duration() -> Double? {
        guard let value = document.value["duration"], !isNull(value) else { return nil }
        guard let seconds = value.doubleValue, seconds >= 0, seconds.isFinite else {
            error(line: document.line(.key("duration")), "field 'duration' must be a number of seconds ≥ 0, not \(kindName(value))")
            return nil
        }
        return seconds
    }

    /// A link field: must be a string; anything but an absolute http(s) URL is dropped with
    /// a warning (the episode is still indexed, without the link).
    mutating func link(_ key: String) -> WebLink? {
        LinkDiagnostic.link(string(key), field: "field '\(key)'", file: file, line: document.line(.key(key)), diagnostics: &diagnostics)
    }

    /// `link_template`: an http(s) URL with `{seconds}` or `{hh:mm:ss}` where the time goes.
    /// Anything else is ignored with a warning (hits then link into `recording`): a link
    /// with another scheme must never reach a web page, and one without a placeholder would
    /// send every hit to the same place.
    mutating func linkTemplate() -> String? {
        guard let text = string("link_template")?.trimmingWhitespace, !text.isEmpty else { return nil }
        let line = document.line(.key("link_template"))
        let lowered = text.lowercased()
        guard lowered.hasPrefix("https://") || lowered.hasPrefix("http://") else {
            warning(line: line, "field 'link_template': '\(text)' is not an http(s) URL; ignored")
            return nil
        }
        guard !text.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" }) else {
            warning(line: line, "field 'link_template': '\(text)' contains a space, quote or angle bracket; ignored")
            return nil
        }
        var placeholders = 0
        var rest = text[...]
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else {
                warning(line: line, "field 'link_template': '\(text)' has a '{' without '}'; ignored")
                return nil
            }
            let name = rest[rest.index(after: open)..<close]
            guard name == "seconds" || name == "hh:mm:ss" else {
                warning(line: line, "field 'link_template': unknown placeholder '{\(name)}' (use {seconds} or {hh:mm:ss}); ignored")
                return nil
            }
            placeholders += 1
            rest = rest[rest.index(after: close)...]
        }
        guard placeholders > 0 else {
            warning(line: line, "field 'link_template': '\(text)' has no {seconds} or {hh:mm:ss}, so every hit would "
                + "link to the same place; ignored")
            return nil
        }
        return text
    }

    mutating func strings(_ key: String) -> [String] {
        guard let value = document.value[key], !isNull(value) else { return [] }
        guard case .array(let elements) = value else {
            error(line: document.line(.key(key)), "field '\(key)' must be an array of strings, not \(kindName(value))")
            return []
        }
        var result: [String] = []
        for (index, element) in elements.enumerated() {
            guard case .string(let text) = element else {
                error(line: document.line(.key(key), .index(index)), "field '\(key)' item \(index + 1) must be a string, not \(kindName(element))")
                continue
            }
            let trimmed = text.trimmingWhitespace
            if !trimmed.isEmpty { result.append(trimmed) }
        }
        return result
    }

    mutating func speakers() -> [Speaker] {
        guard let value = document.value["speakers"], !isNull(value) else { return [] }
        guard case .array(let elements) = value else {
            error(line: document.line(.key("speakers")), "field 'speakers' must be an array of {\"name\": …, \"organisation\": …}, not \(kindName(value))")
            return []
        }
        var result: [Speaker] = []
        for (index, element) in elements.enumerated() {
            let line = document.line(.key("speakers"), .index(index))
            switch element {
            case .string(let name) where !name.trimmingWhitespace.isEmpty:
                result.append(Speaker(name: name.trimmingWhitespace))
            case .object(let members):
                guard case .string(let name)? = element["name"], !name.trimmingWhitespace.isEmpty else {
                    error(line: line, "speaker \(index + 1) needs a non-empty string 'name'")
                    continue
                }
                var organisation: String?
                switch element["organisation"] ?? element["organization"] {
                case .string(let text)?:
                    organisation = text.trimmingWhitespace.isEmpty ? nil : text.trimmingWhitespace
                case nil, .null?:
                    break
                case let other?:
                    error(line: line, "speaker \(index + 1): 'organisation' must be a string, not \(kindName(other))")
                }
                for member in members where !["name", "organisation", "organization", "role"].contains(member.key) {
                    warning(line: document.line(.key("speakers"), .index(index), .key(member.key)), "speaker \(index + 1): unknown field \(Excerpt.quoted(member.key, quote: "'")) ignored")
                }
                result.append(Speaker(name: name.trimmingWhitespace, organisation: organisation))
            default:
                error(line: line, "speaker \(index + 1) must be an object {\"name\": …, \"organisation\": …}, not \(kindName(element))")
            }
        }
        return result
    }

    // MARK: - Helpers

    func isNull(_ value: JSONValue) -> Bool {
        if case .null = value { return true }
        return false
    }

    func kindName(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return "the boolean \(flag)"
        case .integer(let number): return "the number \(number)"
        case .number(let number): return "the number \(number)"
        case .string(let text): return "the string \(Excerpt.quoted(text))"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    mutating func error(line: Int?, _ message: String) {
        diagnostics.append(Diagnostic(.error, file: file, line: line, message))
    }

    mutating func warning(line: Int?, _ message: String) {
        diagnostics.append(Diagnostic(.warning, file: file, line: line, message))
    }
}
