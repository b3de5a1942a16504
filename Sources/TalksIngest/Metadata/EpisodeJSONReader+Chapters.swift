import TalksModel

/// `episode.json`'s `chapters` and `captions` fields.
///
/// `"chapters": [{"start": 754, "title": "Frågor"}, {"start": "00:12:34", "title": …}]`:
/// each start in seconds or as a clock time (`ChapterTime`), each title a non-empty string.
/// A bad entry is a warning with its line and is left out; the rest are sorted by start
/// (`ChapterList`). `"captions"` says who wrote the transcript: `"human"` (subtitles written
/// or corrected by people) or `"automatic"` (speech recognition, such as YouTube's automatic
/// captions); `talks import-ytdlp` records which track it copied. Any other value is a warning.
extension FieldReader {
    /// The values `captions` may take.
    static let captionsValues: Set<String> = ["human", "automatic"]

    mutating func chapters() -> [Chapter] {
        guard let value = document.value["chapters"], !isNull(value) else { return [] }
        guard case .array(let elements) = value else {
            warning(line: document.line(.key("chapters")),
                "field 'chapters' must be an array of {\"start\": …, \"title\": …}, not \(kindName(value)); ignored")
            return []
        }
        var list = ChapterList()
        for (index, element) in elements.enumerated() {
            let line = document.line(.key("chapters"), .index(index))
            guard case .object(let members) = element else {
                warning(line: line, "chapter \(index + 1) must be an object {\"start\": …, \"title\": …}, not \(kindName(element)); left out")
                continue
            }
            guard let startValue = element["start"], !isNull(startValue) else {
                warning(line: line, "chapter \(index + 1) has no 'start' (seconds or \"hh:mm:ss\"); left out")
                continue
            }
            let start: Double
            switch ChapterTime.seconds(startValue) {
            case .success(let seconds):
                start = seconds
            case .failure(let problem):
                let startLine = document.line(.key("chapters"), .index(index), .key("start")) ?? line
                warning(line: startLine, "chapter \(index + 1): 'start' \(problem.reason); left out")
                continue
            }
            guard case .string(let title)? = element["title"] else {
                let found = element["title"].map(kindName) ?? "nothing"
                warning(line: line, "chapter \(index + 1) needs a string 'title', not \(found); left out")
                continue
            }
            for member in members where member.key != "start" && member.key != "title" && member.key != "end" {
                warning(line: document.line(.key("chapters"), .index(index), .key(member.key)),
                    "chapter \(index + 1): unknown field \(Excerpt.quoted(member.key, quote: "'")) ignored")
            }
            list.entries.append(ChapterList.Entry(start: start, title: title, line: line, number: index + 1))
        }
        return list.chapters(file: file, source: "chapter", diagnostics: &diagnostics)
    }

    /// Checks `captions` is one of `captionsValues`; a warning otherwise.
    mutating func checkCaptions() {
        guard let text = string("captions") else { return }
        if !Self.captionsValues.contains(text) {
            warning(line: document.line(.key("captions")),
                "field 'captions': \(Excerpt.quoted(text)) is neither \"human\" nor \"automatic\"; ignored")
        }
    }
}
