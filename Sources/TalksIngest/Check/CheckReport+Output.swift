import TalksModel

extension CheckReport {
    /// `{"episodes":[{"id", "title", "speakers", "chapters":[{"start","title"}], "cues":[{"id","start","end","speaker","text"}], "notes", "warnings", "errors"}]}`,
    /// with diagnostics as "file:line: message" strings (`notes`: what the reader did, such
    /// as collapsing rolling captions; cues with word timings add `"word_times"`).
    public func jsonValue() -> JSONValue {
        .object([
            "episodes": .array(entries.map { entry in
                .object([
                    "id": .string(entry.id),
                    "title": .optional(entry.episode?.title),
                    "speakers": .array(entry.speakers.map(JSONValue.string)),
                    "chapters": .array((entry.episode?.chapters ?? []).map { chapter in
                        .object(["start": .number(chapter.start), "title": .string(chapter.title)])
                    }),
                    "cues": .array(entry.cues.map(\.jsonValue)),
                    "notes": .array(entry.notes.map { .string(Self.located($0)) }),
                    "warnings": .array(entry.warnings.map { .string(Self.located($0)) }),
                    "errors": .array(entry.errors.map { .string(Self.located($0)) }),
                ])
            })
        ])
    }

    /// The report for people: per entry what was understood, then every problem, then a summary.
    /// Each line is escaped for the terminal (`String.terminalEscaped`), so nothing read from
    /// a file (a title, a speaker, a quoted value) can send control sequences or break a line.
    public func text() -> String {
        var lines: [String] = []
        for entry in entries {
            let status = !entry.isValid ? "REJECTED" : entry.kind == .folder ? "SKIPPED " : "OK      "
            lines.append("\(status) \(entry.id)  (\(entry.path))")
            if let episode = entry.episode {
                lines.append(Self.field("title", episode.title))
                if let series = episode.series {
                    lines.append(Self.field("series", series + (episode.number.map { ", number \($0)" } ?? "")))
                } else if let number = episode.number {
                    lines.append(Self.field("number", String(number)))
                }
                lines.append(Self.field("date", episode.date ?? "(none)"))
                lines.append(Self.field("language", episode.language))
                if !episode.speakers.isEmpty {
                    lines.append(Self.field("speakers", episode.speakers.map { speaker in
                        speaker.organisation.map { "\(speaker.name) (\($0))" } ?? speaker.name
                    }.joined(separator: ", ")))
                }
                if let recording = episode.recording { lines.append(Self.field("recording", recording.text)) }
                if let template = episode.linkTemplate { lines.append(Self.field("links", template)) }
                if let page = episode.page { lines.append(Self.field("page", page.text)) }
            }
            if entry.kind == .synonyms {
                lines.append(Self.field("groups", "\(entry.synonymGroups)"))
            } else if entry.isValid, entry.kind != .folder {
                var cueLine = "\(entry.cues.count)"
                if let first = entry.cues.map(\.start).min(), let last = entry.cues.map(\.end).max() {
                    cueLine += ", \(Self.clock(first))–\(Self.clock(last))"
                }
                lines.append(Self.field("cues", cueLine))
                if let chapters = entry.episode?.chapters, let first = chapters.first {
                    lines.append(Self.field("chapters", "\(chapters.count), from \(Self.clock(first.start)) "
                        + "\(Excerpt.quoted(first.title, limit: 60))"))
                }
                let voices = Self.voiceCounts(entry.cues)
                lines.append(Self.field("voices", voices.isEmpty ? "(no speaker marked in the cues)" : voices))
            }
            for note in entry.notes {
                lines.append("  \(note)")
            }
            for diagnostic in entry.errors + entry.warnings {
                lines.append("  \(diagnostic)")
            }
        }
        let rejected = entries.filter { !$0.isValid }.count
        let skipped = entries.filter { $0.isValid && $0.kind == .folder }.count
        let warnings = entries.reduce(0) { $0 + $1.warnings.count }
        lines.append("")
        var summary = "\(entries.count - skipped) checked: \(entries.count - rejected - skipped) valid, \(rejected) rejected"
        if skipped > 0 { summary += ", \(skipped) folder\(skipped == 1 ? "" : "s") skipped" }
        lines.append(summary + ", \(warnings) warning\(warnings == 1 ? "" : "s").")
        return lines.map(\.terminalEscaped).joined(separator: "\n") + "\n"
    }

    /// "file:line: message" (the severity is the array the string is in).
    static func located(_ diagnostic: Diagnostic) -> String {
        let location = diagnostic.line.map { "\(diagnostic.file):\($0)" } ?? diagnostic.file
        return "\(location): \(diagnostic.message)"
    }

    static func field(_ name: String, _ value: String) -> String {
        "  " + name + String(repeating: " ", count: max(1, 11 - name.count)) + value
    }

    /// Seconds as h:mm:ss or m:ss.
    static func clock(_ seconds: Double) -> String {
        let total = seconds.isFinite ? Int(min(max(0, seconds), 1e9)) : 0
        let hours = total / 3600
        let minutes = total / 60 % 60
        let rest = total % 60
        let twoDigits = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
        return hours > 0 ? "\(hours):\(twoDigits(minutes)):\(twoDigits(rest))" : "\(minutes):\(twoDigits(rest))"
    }

    /// "Helene Oscarsson (2 cues), Anna Lindqvist (1 cue)", in order of first appearance.
    static func voiceCounts(_ cues: [Cue]) -> String {
        var order: [String] = []
        var counts: [String: Int] = [:]
        for speaker in cues.compactMap(\.speaker) {
            if counts[speaker] == nil { order.append(speaker) }
            counts[speaker, default: 0] += 1
        }
        return order.map { name in
            let count = counts[name] ?? 0
            return "\(name) (\(count) cue\(count == 1 ? "" : "s"))"
        }.joined(separator: ", ")
    }
}
