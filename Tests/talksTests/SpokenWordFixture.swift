import Foundation
import XCTest

/// What a yt-dlp folder fixture says was spoken, read straight from its files and not through
/// talks: each line of a rolling automatic-caption track with the time of every word (the cue
/// start for the first word, the inline `<hh:mm:ss.mmm>` tag for the others), and the chapters
/// of its info.json. Tests compare what talks indexed and links against this.
struct SpokenWordFixture {
    /// One spoken word and the second it is said.
    struct Word {
        var text: String
        var seconds: Double
    }

    /// The spoken lines, in order, each with its words.
    var lines: [[Word]]
    /// (start, title) of each chapter, sorted by start.
    var chapters: [(start: Double, title: String)]

    /// Reads the rolling track `vtt` and the chapters of `infoJSON`.
    init(rollingTrack vtt: String, infoJSON: String) throws {
        let text = try String(contentsOfFile: vtt, encoding: .utf8)
        lines = []
        for block in text.components(separatedBy: "\n\n") {
            let rows = block.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            guard let timing = rows.firstIndex(where: { $0.contains("-->") }),
                  let start = Self.seconds(String(rows[timing].prefix(12))),
                  let building = rows.last(where: { $0.contains("<c>") }) else { continue }
            // "word<00:00:01.530><c> word</c><00:00:01.918><c> word</c>": the first word at the cue start.
            let parts = building.components(separatedBy: "<")
            var words = [Word(text: parts[0].trimmingCharacters(in: .whitespaces), seconds: start)]
            for part in parts.dropFirst() where part.first?.isNumber == true {
                guard let close = part.firstIndex(of: ">"), let seconds = Self.seconds(String(part[..<close])) else { continue }
                words.append(Word(text: "", seconds: seconds))
            }
            for part in parts.dropFirst() where part.hasPrefix("c>") {
                if let index = words.firstIndex(where: { $0.text.isEmpty }) {
                    words[index].text = String(part.dropFirst(2)).trimmingCharacters(in: .whitespaces)
                }
            }
            lines.append(words)
        }
        let info = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: infoJSON))) as? [String: Any])
        chapters = ((info["chapters"] as? [[String: Any]]) ?? []).compactMap { chapter in
            guard let start = chapter["start_time"] as? Double, let title = chapter["title"] as? String else { return nil }
            return (start, title)
        }.sorted { $0.start < $1.start }
    }

    /// The spoken lines as text, words separated by one space.
    var spokenLines: [String] { lines.map { $0.map(\.text).joined(separator: " ") } }

    /// Every word said exactly once in the whole recording, with its time.
    var wordsSaidOnce: [Word] {
        let all = lines.flatMap { $0 }
        let counts = Dictionary(all.map { ($0.text, 1) }, uniquingKeysWith: +)
        return all.filter { counts[$0.text] == 1 }
    }

    /// The title of the chapter `seconds` falls in.
    func chapter(at seconds: Double) -> String? {
        chapters.last { $0.start <= seconds }?.title
    }

    /// "00:01:06.400" → 66.4.
    static func seconds(_ text: String) -> Double? {
        let fields = text.split(separator: ":")
        guard fields.count == 3, let hours = Double(fields[0]), let minutes = Double(fields[1]), let rest = Double(fields[2]) else { return nil }
        return hours * 3600 + minutes * 60 + rest
    }

    /// The `t=NNs` of a YouTube watch link for video `id`, or nil when the link has another form.
    static func youTubeSeconds(_ url: String, id: String) -> Int? {
        let prefix = "https://www.youtube.com/watch?v=\(id)&t="
        guard url.hasPrefix(prefix), url.hasSuffix("s") else { return nil }
        return Int(url.dropFirst(prefix.count).dropLast())
    }
}
